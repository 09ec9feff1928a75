"""Loops over a few known values, one of them a loss that holds its graph: run once per value.

A meter's ``update(values)`` runs ``for i, v in enumerate(values): self._sum[i] += v`` over the list
its caller wrote: ``[coarse.item() * 1000, middle * 1000, fine.item() * 1000]`` (zyh16143998882/MViewNet,
a SpareNet fork whose runner converted two of its three losses). A loop ran once, its target bound to
what the items agree on; a number and a tensor agree on nothing, so the meter added an unknown and the
middle loss's graph, kept by the meter every step, went unreported.

Every item of a sequence is visited, so what one item holds is what one iteration adds. Where a loop
runs over a sequence known item by item (a list or tuple the code wrote, here or in a caller that handed
it on; directly or through ``enumerate``), of two to :data:`~.layer_loops.MOST` items that are not all
alike, one of them a tensor holding a graph, it is run once per item, in order, as a loop over known
layers is (:mod:`.layer_loops`, under the same conditions: a body that runs to its end, no ``else``, in
a body reached from code that runs, not inside another loop run this way). A sequence of unknown length
(a list grown in a loop), or one only named through a call, is left as it was.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.values import UNKNOWN, Const, Tensor, TupleVal, Value

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.interp.base import InterpBase
    from lossguard.static.interp.frame import Env, Frame


def over_values(interp: InterpBase, it: ast.expr, iterated: Value, frame: Frame, env: Env, most: int) -> tuple[Value, ...] | None:
    """What each iteration over ``it`` binds, item by item, when it is such a sequence (or its
    ``enumerate``); None otherwise."""
    enumerated = (
        isinstance(it, ast.Call)
        and isinstance(it.func, ast.Name)
        and it.func.id == "enumerate"
        and len(it.args) == 1
        and not it.keywords
        and interp.lookup("enumerate", frame, env) is UNKNOWN
    )
    if enumerated:
        listed = it.args[0]  # type: ignore[attr-defined]
        if not all(isinstance(n, (ast.Name, ast.Attribute, ast.Load)) for n in ast.walk(listed)):
            return None  # evaluated again here, a call would run again
        value = interp.ev(listed, frame, env)
    else:
        value = iterated  # (`for part in (a.item(), b):` too)
    if not isinstance(value, TupleVal) or hasattr(value, "fields"):
        return None
    items = value.items
    if not 1 < len(items) <= most or all(item == items[0] for item in items):
        return None
    if not any(isinstance(item, Tensor) and item.graph for item in items):
        return None
    if enumerated:
        return tuple(TupleVal((Const(i), item)) for i, item in enumerate(items))
    return items
