"""scipy.sparse as dense 2-D numpy matrices for zfjsail/gae-pytorch's ``train.py`` and ``utils.py``: ``shim_rec``'s
matrix (``csr_matrix((data, (row, col)), shape)``, ``row``/``col``/``data``, ``diags``) plus the calls the graph
autoencoder makes (``dia_matrix``, ``eliminate_zeros``, ``todense``/``toarray``, ``triu``, ``eye``, ``coo_matrix``,
``isspmatrix_coo``), exact for a few hundred nodes."""

import importlib.util
import os

import numpy as np

_spec = importlib.util.spec_from_file_location(
    "_rec_sparse", os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "shim_rec", "scipy", "sparse.py")
)
_rec = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_rec)
diags, load_npz = _rec.diags, _rec.load_npz


class _Matrix(_rec._Matrix):
    def eliminate_zeros(self):
        pass

    def todense(self):
        return np.asarray(self)

    toarray = todense

    def tocoo(self):
        return self

    def sum(self, axis=None, **kw):  # a number for the whole matrix, as scipy's; plain arrays along an axis
        return np.asarray(self).sum(axis)


def _m(a):
    return np.asarray(a, dtype=np.float64).view(_Matrix)


def csr_matrix(arg, shape=None, dtype=None):
    return _rec.csr_matrix(arg, shape, dtype).view(_Matrix)


def coo_matrix(a):
    return _m(a)


def dia_matrix(arg, shape=None):
    data, offsets = arg
    assert list(offsets) == [0], offsets
    return _m(np.diag(np.asarray(data)[0]))


def triu(a):
    return _m(np.triu(np.asarray(a)))


def eye(n):
    return _m(np.eye(n))


def diags(v):  # noqa: F811
    return _m(np.diag(np.asarray(v).ravel()))


def isspmatrix_coo(a):
    return True
