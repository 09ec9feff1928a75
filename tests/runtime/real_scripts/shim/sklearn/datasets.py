"""A stand-in for ``sklearn.datasets.make_moons``: two interleaving half circles with Gaussian noise."""

import numpy as np


def make_moons(n_samples=100, noise=None, random_state=None):
    rng = np.random.RandomState(random_state) if random_state is not None else np.random.mtrand._rand
    n_out = n_samples // 2
    n_in = n_samples - n_out
    outer = np.linspace(0, np.pi, n_out)
    inner = np.linspace(0, np.pi, n_in)
    X = np.vstack([np.append(np.cos(outer), 1 - np.cos(inner)), np.append(np.sin(outer), 1 - np.sin(inner) - 0.5)]).T
    y = np.hstack([np.zeros(n_out, dtype=int), np.ones(n_in, dtype=int)])
    if noise is not None:
        X = X + rng.normal(scale=noise, size=X.shape)
    return X, y
