"""Numbers read out of tensors, sizes read off them, and torch's arithmetic functions.

Round 21 (the opened sets' misses: devnag's GAN in realcode_dev4). A small GAN script centres its
samples with ``torch.mul(torch.ones(data.size()), mean.tolist()[0][0])`` and adds
``torch.pow(data - centred, 2)`` as features; the discriminator's ``(1, 1)`` decision then meets a
``(1,)`` target in ``nn.BCELoss``. Three shape facts were lost on the way, each a general one:

* ``x.item()`` and ``x.tolist()`` indexed down to an item are Python numbers (:class:`Number`), not
  tensors: arithmetic of a tensor with one keeps the tensor's shape, as with a literal
  (``tensor_ops.binop``). ``x.tolist()`` of a tensor of known rank is a :class:`NumberNest`.
* ``x.shape`` and ``x.size()`` of a tensor of known shape are that shape (:class:`SizeOf`):
  ``torch.ones(x.size())``, ``torch.zeros(x.shape)`` and the other sized constructors build a
  tensor of it (``torch.tensor(x.shape)`` is a 1-D tensor of the sizes, left alone).
* ``torch.mul`` / ``torch.add`` / ``torch.sub`` / ``torch.div`` / ``torch.pow`` (and their long
  names) of two arguments are the operators ``*``, ``+``, ``-``, ``/``, ``**`` (``alpha=`` of add and
  sub scales the second operand, which keeps every fact here; any other keyword: unknown result).
  The tensor methods of the same names (``x.mul(y)``, ``x.pow(2)``, round 23) are the same operators
  with the tensor as the first operand; before, they gave a tensor without a graph, so a loss
  scaled by ``loss.mul(w)`` and then summed across steps was not LG006.
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.tensor_ops import binop
from lossguard.static.values import NUMBER, NumberNest, Shape, SizeOf, Tensor, Value

_OPERATORS: dict[str, ast.operator] = {
    **dict.fromkeys(("torch.mul", "torch.multiply"), ast.Mult()),
    **dict.fromkeys(("torch.add",), ast.Add()),
    **dict.fromkeys(("torch.sub", "torch.subtract"), ast.Sub()),
    **dict.fromkeys(("torch.div", "torch.divide", "torch.true_divide"), ast.Div()),
    **dict.fromkeys(("torch.pow",), ast.Pow()),
}


def _arithmetic(interp: Any, c: TorchCallArgs) -> Value:
    """``torch.mul(a, b)``: what ``a * b`` is."""
    allowed = {"alpha"} if c.qname in ("torch.add", "torch.sub", "torch.subtract") else set()
    if c.starred or len(c.pos) != 2 or not set(c.kw) <= allowed:
        return Tensor()
    return binop(c.pos[0], c.pos[1], _OPERATORS[c.qname])


#: rows of the torch function table (interp.torch_calls)
ARITHMETIC_ROWS = ((tuple(_OPERATORS), _arithmetic),)


def _m_arithmetic(t: Tensor, c: TorchCallArgs) -> Value:
    """``x.mul(y)``, ``x.add(y)``, ``x.pow(2)``: what ``torch.mul(x, y)`` is (``x * y``)."""
    return _arithmetic(None, TorchCallArgs("torch." + c.qname, c.node, [t, *c.pos], c.kw, c.starred, c.frame))


#: rows of the tensor method table (interp.tensor_methods): the methods of torch's arithmetic functions
ARITHMETIC_METHOD_ROWS = ((tuple(q.removeprefix("torch.") for q in _OPERATORS), _m_arithmetic),)


def number_of(t: Tensor, method: str) -> Value:
    """``x.item()`` is a number; ``x.tolist()`` lists of them nested as deep as ``x``'s rank."""
    if method == "item":
        return NUMBER
    if t.shape is None or not t.shape.rank_known:
        return NumberNest(-1)  # nested to an unknown depth
    return NumberNest(len(t.shape.dims)) if t.shape.dims else NUMBER


def nest_item(base: NumberNest) -> Value:
    """``nest[i]``: one level in; the numbers themselves at the last."""
    if base.depth < 0:
        return NumberNest(-1)
    return NUMBER if base.depth <= 1 else NumberNest(base.depth - 1)


def shape_value(t: Tensor) -> Value | None:
    """``x.shape`` / ``x.size()`` where ``x``'s whole shape is known."""
    return SizeOf(t.shape) if t.shape is not None and t.shape.rank_known else None


def sized_shape(qname: str, pos: list[Value]) -> Shape | None:
    """The shape ``torch.ones(x.size())`` (a sized constructor given one shape value) builds."""
    if qname in api.SIZED_CONSTRUCTORS and pos and isinstance(pos[0], SizeOf) and (len(pos) == 1 or qname == "torch.full"):
        return pos[0].shape
    return None
