"""scipy.sparse as dense numpy arrays: the calls pygcn's utils.py makes (csr/coo/dok matrices,
eye, diags, multiply, dot, tocoo's row/col/data), exact for matrices of Cora's size."""

import numpy as np


class _Dense(np.ndarray):
    def multiply(self, other):
        return np.multiply(self, other)

    def todense(self):
        return np.asarray(self)

    def tocoo(self):
        return self

    def tocsr(self):
        return self

    @property
    def row(self):
        return np.nonzero(np.asarray(self))[0]

    @property
    def col(self):
        return np.nonzero(np.asarray(self))[1]

    @property
    def data(self):  # type: ignore[override]
        a = np.asarray(self)
        return a[np.nonzero(a)]

    def __contains__(self, key):
        return bool(np.asarray(self)[key] != 0)


def _dense(a, dtype=None):
    return np.asarray(a, dtype=dtype).view(_Dense)


def csr_matrix(a, dtype=None):
    return _dense(a, dtype)


def coo_matrix(arg, shape=None, dtype=None):
    if isinstance(arg, tuple) and len(arg) == 2 and isinstance(arg[1], tuple):
        data, (row, col) = arg
        out = np.zeros(shape, dtype=dtype or np.float64)
        np.add.at(out, (np.asarray(row), np.asarray(col)), data)
        return out.view(_Dense)
    return _dense(arg, dtype)


def dok_matrix(shape, dtype=None):
    return np.zeros(shape, dtype=dtype).view(_Dense)


def eye(n, dtype=np.float64):
    return np.eye(n, dtype=dtype).view(_Dense)


def diags(v):
    return np.diag(np.asarray(v).ravel()).view(_Dense)
