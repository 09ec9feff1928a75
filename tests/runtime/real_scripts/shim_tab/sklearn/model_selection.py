"""``train_test_split`` of arrays: each cut at the same shuffled positions (seeded by ``random_state``, else 0)."""

import numpy as np


def train_test_split(*arrays, train_size=None, test_size=None, random_state=None, shuffle=True):
    n = len(arrays[0])
    if train_size is None:
        train_size = 1 - (0.25 if test_size is None else test_size)
    cut = int(train_size * n) if isinstance(train_size, float) else int(train_size)
    order = np.random.default_rng(0 if random_state is None else random_state).permutation(n) if shuffle else np.arange(n)
    out = []
    for a in arrays:
        a = np.asarray(a)
        out += [a[order[:cut]], a[order[cut:]]]
    return out
