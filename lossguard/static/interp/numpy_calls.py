"""NumPy's behaviour: the arrays that numpy calls and ``torch.from_numpy`` give, as abstract tensors."""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.tensor_ops import array_of, dtype_of, one_shape, sizes_shape, tensor_of
from lossguard.static.values import UNKNOWN, Dtype, Tensor, Value


def _numpy_random(interp: Any, c: TorchCallArgs) -> Value:
    """``np.random.rand(64, 1)``: float64 of the given sizes."""
    return Tensor(dtype=Dtype.FLOAT, shape=sizes_shape(c.node, c.pos), numpy=True)


def _numpy_sampler(interp: Any, c: TorchCallArgs) -> Value:
    """``np.random.normal(mu, sigma, (1, n))``, ``np.random.uniform(size=64)``: float64 of the size
    given (round 21, devnag's GAN); unknown without one (as before: a number, or the parameters' shape)."""
    at = api.NUMPY_SAMPLERS[c.qname]
    if c.starred:
        return UNKNOWN
    if "size" in c.kw:
        node, value = next(k.value for k in c.node.keywords if k.arg == "size"), c.kw["size"]
    elif len(c.pos) > at:
        node, value = c.node.args[at], c.pos[at]
    else:
        return UNKNOWN  # one number, or the parameters' shape: as before, not followed
    shape = one_shape(node, value)
    return Tensor(dtype=Dtype.FLOAT, shape=shape, numpy=True) if shape is not None else UNKNOWN


def _numpy_filled(interp: Any, c: TorchCallArgs) -> Value:
    """``np.zeros(64)``, ``np.ones((64, 1))``: float64 of the given shape unless ``dtype=`` says."""
    dtype = None if "dtype" in c.kw or len(c.pos) > 1 else Dtype.FLOAT
    return Tensor(dtype=dtype, shape=sizes_shape(c.node, c.pos, count=1), numpy=True)


def _numpy_value_keeping(interp: Any, c: TorchCallArgs) -> Value:
    t = tensor_of(c.x)
    return Tensor(dtype=t.dtype, shape=t.shape, numpy=True)


def _numpy_array(interp: Any, c: TorchCallArgs) -> Value:
    """``np.array([int(v) for v in column])``, ``np.asarray([0, 1, 1])``: see :func:`tensor_ops.array_of`."""
    array = array_of(c.node, c.pos, c.kw)
    return array if array is not None else UNKNOWN


#: Python's own types as NumPy dtypes (``dtype=int`` is int64, ``dtype=float`` float64)
_BUILTIN_DTYPES = {"int": Dtype.INT, "float": Dtype.FLOAT, "bool": Dtype.BOOL}


def _numpy_text(interp: Any, c: TorchCallArgs) -> Value:
    """``np.loadtxt("wine.csv", delimiter=",", dtype=np.float32)``: an array of the dtype named (float64 when
    none is: NumPy's default for both readers), of unknown shape; ``dtype=int`` / ``float`` / ``bool`` (the
    builtins, where the module binds no such name) read as NumPy does; a ``dtype=`` not known (``None``, a
    record type, another name) or given by position leaves the dtype unknown."""
    if c.starred:
        return UNKNOWN
    if len(c.pos) > 1:
        return Tensor(numpy=True)
    written = next((k.value for k in c.node.keywords if k.arg == "dtype"), None)
    if written is None:
        return Tensor(dtype=Dtype.FLOAT, numpy=True)
    dtype = dtype_of(c.kw.get("dtype"))
    if dtype is None and isinstance(written, ast.Name) and not c.frame.module.binds_at_top(written.id):
        dtype = _BUILTIN_DTYPES.get(written.id)
    return Tensor(dtype=dtype, numpy=True)


def _from_numpy(interp: Any, c: TorchCallArgs) -> Value:
    """``torch.from_numpy(a)``: the array's shape and dtype."""
    t = tensor_of(c.x)
    return Tensor(dtype=t.dtype, shape=t.shape)


#: Rows of :data:`~lossguard.static.interp.torch_calls.TORCH_FUNCTIONS`, in its priority order.
NUMPY_ROWS = (
    (api.NUMPY_SIZED, _numpy_random),
    (tuple(api.NUMPY_SAMPLERS), _numpy_sampler),
    (api.NUMPY_SHAPED, _numpy_filled),
    (api.NUMPY_VALUE_KEEPING, _numpy_value_keeping),
    (api.NUMPY_ARRAYS, _numpy_array),
    (api.NUMPY_TEXT_READERS, _numpy_text),
    (api.FROM_NUMPY, _from_numpy),
)


def stored_container(interp: Any, target: ast.expr, frame: Any, env: Any) -> tuple[ast.expr, Value] | None:
    """The container a store into ``target`` writes to (``costs`` of ``costs[i]``, ``self.hist`` of
    ``self.hist[k][i]``, ``total`` itself) and its value; None when it is not reached through names and
    attributes alone (a call or an expression: evaluating it again could repeat what it does)."""
    root = target
    while isinstance(root, ast.Subscript):
        root = root.value
    node = root
    while isinstance(node, ast.Attribute):
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return root, interp.ev(root, frame, env)


def stores_into_numpy(interp: Any, target: ast.expr, frame: Any, env: Any) -> bool:
    """``costs[i] += loss`` or ``total += loss`` where the container is a NumPy array (``np.zeros(n)``):
    NumPy converts the tensor to a number (or refuses it), so nothing it holds keeps a graph."""
    found = stored_container(interp, target, frame, env)
    return found is not None and isinstance(found[1], Tensor) and found[1].numpy
