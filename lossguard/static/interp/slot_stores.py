"""A loss stored into a slot of a tensor that lives across training steps.

Round 26 (realcode_heldout18, opened): Mike X Cohen's deep-learning course writes a training loop's loss history
as ``losses = torch.zeros(n_epochs)`` before the loop and ``losses[epochi] = loss`` in it, and students copy it. The
store is an in-place copy into ``losses``: while ``loss`` holds its graph, ``losses`` becomes part of the graph
(its ``grad_fn`` a ``CopySlices`` over the last one), so it keeps every epoch's graph alive, as ``total += loss``
does. It is read here as that accumulation (LG006 judges it the same way: silent when the loop re-makes the tensor,
back-propagates it or runs under ``no_grad``).

Only a tensor's slot (``torch.zeros``, ``torch.empty``, ...), through a name or an attribute: a NumPy array converts
the value to a number (``interp.numpy_calls``), and a slot of a Python list or dict is overwritten rather than
chained, so it keeps one graph per slot it is given, which the rule cannot count.
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.interp.numpy_calls import stored_container
from lossguard.static.values import Tensor, Value


def slot_store_base(interp: Any, target: ast.expr, value: Value, frame: Any, env: Any) -> ast.expr | None:
    """``target``'s tensor when ``target = value`` stores a loss that holds its graph into a slot of
    it (``losses[i] = loss``, ``self.history[:, k] = loss``); None otherwise."""
    if not (isinstance(target, ast.Subscript) and isinstance(value, Tensor) and value.graph):
        return None
    found = stored_container(interp, target, frame, env)
    if found is None:
        return None
    base, held = found
    if not isinstance(held, Tensor) or held.numpy or held.graph:
        return None
    return base
