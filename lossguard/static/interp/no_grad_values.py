"""Tensors computed under ``with torch.no_grad():`` hold no autograd graph, whatever name they are bound to (LG006).

Round 39 (prec29's false alarm on dtgfdgfgf/Pytorch_Practice ``practice/ANN_proj1.py:63``): a script's loop trains on
``yHat = FFN(train_data)``, then evaluates with the same name::

    with torch.no_grad():
        yHat = FFN(test_data)
    test_loss[time][epochi] = lossfun(yHat, test_labels)

:mod:`lossguard.static.no_grad_names` reads the text, not the flow: ``yHat`` is bound outside the block too, so it
is not a name made only without grad, and the slot store read as one keeping a graph per step. The interpreter follows
the flow: the value bound in the block is the one the loss reads. Rule about code: an assignment run with grad off (a
``no_grad``/``inference_mode`` block, or a function called under one) whose value is *computed* there (a call, an
operator) binds a tensor that holds no graph (``Tensor.without_grad``, kept through moves and reshapes); a loss of it,
whose other arguments hold no graph either, holds none (interp.torch_calls). It is kept apart from ``Tensor.data``
(numbers the code wrote): a loss of such numbers against a target of unknown kind is taken for a smoke test, while a
prediction made without grad against an unknown target (a DQN's no-grad target given first, ``crit(target_q, q)``)
still holds the target's graph. A value that may be the tensor it reads is not one: a name, an attribute, an index, a move,
cast or reshape (``x.cuda()``, ``x.view(n, -1)``: torch may hand back ``x`` itself), an in-place method (``x.add_()``),
a copy (``copy.deepcopy(x)``, ``Variable(x)``): those keep the read tensor's ``requires_grad``.
"""

from __future__ import annotations

import ast
from dataclasses import replace

from lossguard.static import torch_api as api
from lossguard.static.values import Tensor, Value

#: the last part of the name of a call that may give back its argument itself or a copy keeping ``requires_grad``
#: (torch_api.SAME_VALUE_FUNCS)
_SAME_VALUE_CALLS = frozenset(name.rsplit(".", 1)[-1] for name in api.SAME_VALUE_FUNCS)


def _computed(expr: ast.expr) -> bool:
    """Whether ``expr`` makes a new tensor: a call or an operator, not a read (``x``, ``self.h``, ``x[0]``), a move,
    cast or reshape of one (``x.cuda()``), an in-place method (``x.mul_(2)``) or a copy (``copy.deepcopy(x)``)."""
    while True:
        if isinstance(expr, ast.Subscript):
            expr = expr.value
        elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
            name = expr.func.attr
            if name in api.GRAPH_KEEPING_METHODS or name.endswith("_") and not name.startswith("_"):
                expr = expr.func.value
            else:
                return name not in _SAME_VALUE_CALLS
        elif isinstance(expr, ast.Call):
            return not (isinstance(expr.func, ast.Name) and expr.func.id in _SAME_VALUE_CALLS)
        else:
            return isinstance(expr, (ast.BinOp, ast.UnaryOp))


def made_without_grad(rhs: ast.expr, value: Value, no_grad: bool) -> Value:
    """``value``, the tensor an assignment computes, marked as holding no graph where grad is off (see the module
    docstring); any other value as it is."""
    if not no_grad or not isinstance(value, Tensor) or value.without_grad or value.graph or not _computed(rhs):
        return value
    return replace(value, without_grad=True)
