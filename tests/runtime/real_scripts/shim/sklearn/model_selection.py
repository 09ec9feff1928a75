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
