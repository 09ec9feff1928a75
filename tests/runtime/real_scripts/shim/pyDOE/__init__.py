"""A stand-in for ``pyDOE.lhs``: a Latin hypercube sample of ``samples`` points in [0, 1)^n."""

import numpy as np


def lhs(n, samples=None, **_):
    samples = n if samples is None else samples
    cut = np.linspace(0, 1, samples + 1)
    u = np.random.rand(samples, n)
    points = cut[:samples, None] + u * (cut[1] - cut[0])
    for j in range(n):
        points[:, j] = points[np.random.permutation(samples), j]
    return points
