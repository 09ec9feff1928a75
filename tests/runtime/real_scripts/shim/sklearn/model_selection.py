"""StratifiedKFold as weihua916/powerful-gnns's util.separate_data uses it: shuffled, each class
dealt round-robin into ``n_splits`` folds; ``split`` yields (train indices, test indices)."""

import random


class StratifiedKFold:
    def __init__(self, n_splits=5, shuffle=False, random_state=None):
        self.n_splits, self.shuffle, self.random_state = n_splits, shuffle, random_state

    def split(self, X, y):
        rng = random.Random(self.random_state)
        folds = [[] for _ in range(self.n_splits)]
        for label in sorted(set(y)):
            idx = [i for i, v in enumerate(y) if v == label]
            if self.shuffle:
                rng.shuffle(idx)
            for k, i in enumerate(idx):
                folds[k % self.n_splits].append(i)
        for k in range(self.n_splits):
            test = sorted(folds[k])
            held = set(test)
            yield [i for i in range(len(y)) if i not in held], test


def train_test_split(*arrays, test_size=0.25, random_state=None, shuffle=True):
    """The split pachecowillians/LLMs's finetune.py asks for: each array cut into (train, test) at
    the same shuffled positions (seeded here: sklearn's default draws a new order each run)."""
    n = len(arrays[0])
    order = list(range(n))
    if shuffle:
        random.Random(0 if random_state is None else random_state).shuffle(order)
    cut = n - (int(round(test_size * n)) if isinstance(test_size, float) else test_size)
    out = []
    for a in arrays:
        out += [[a[i] for i in order[:cut]], [a[i] for i in order[cut:]]]
    return out
