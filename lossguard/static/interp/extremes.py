"""``x.max(dim)`` / ``x.min(dim)`` and ``torch.max(x, dim)`` / ``torch.min(x, dim)`` (round 37): the greatest or least
value along one axis and where it is, a named pair ``(values, indices)`` read by position (``q.max(1)[0]``) or by name
(``.values``, ``.indices``). Both have ``x``'s shape without that axis (kept with size 1 under ``keepdim=True``); the
values are ``x``'s own numbers, so they keep its dtype and graph (a DQN's ``target_net(s).max(1)[0]`` is the ``(N,)``
best value of each next state), the indices are integers. Only for a literal axis: ``torch.max(a, b)`` of two tensors
is the element-wise maximum, and ``x.max()`` with no axis one number; those are left as they were."""

from __future__ import annotations

from typing import Any

from lossguard.static.interp.sequences import NamedTupleVal
from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.tensor_ops import reduced_shape
from lossguard.static.values import Const, Dtype, Tensor, Value

EXTREME_METHODS = ("max", "min")


def _along_axis(t: Tensor, c: TorchCallArgs) -> Value | None:
    """The named pair for a literal integer axis (positional or ``dim=``, with an optional ``keepdim``); None otherwise."""
    axis = c.pos[0] if c.pos else c.kw.get("dim")
    if not (isinstance(axis, Const) and type(axis.value) is int) or len(c.pos) > 2 or not set(c.kw) <= {"dim", "keepdim"}:
        return None
    shape = reduced_shape(t.shape, c.pos, c.kw)
    values = Tensor(dtype=t.dtype, shape=shape, graph=t.graph)
    indices = Tensor(dtype=Dtype.INT, shape=shape)
    return NamedTupleVal((values, indices), ("values", "indices"))


def m_extreme(t: Tensor, c: TorchCallArgs) -> Value:
    """The tensor method: the named pair along a literal axis, else some tensor of ``x``'s dtype (the method's old
    reading, a tensor with no graph known)."""
    pair = _along_axis(t, c)
    return pair if pair is not None else Tensor(graph=False)


def torch_extreme(interp: Any, c: TorchCallArgs) -> Value:
    """``torch.max(x, 1)``, ``torch.min(x, dim=1)``: as the method; any other call (two tensors, no axis, a starred
    call) a tensor of nothing known, as before."""
    if c.starred or not isinstance(c.x, Tensor):
        return Tensor()
    rest = TorchCallArgs(c.qname.rsplit(".", 1)[-1], c.node, c.pos[1:], {k: v for k, v in c.kw.items() if k != "input"}, False, c.frame)
    pair = _along_axis(c.x, rest)
    return pair if pair is not None else Tensor()


EXTREME_ROWS = ((tuple(f"torch.{name}" for name in EXTREME_METHODS), torch_extreme),)
