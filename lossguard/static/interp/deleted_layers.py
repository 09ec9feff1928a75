"""``del model[-1]``: a layer removed from an ``nn.Sequential`` (or from a subclass that keeps its constructor's layers).

Round 31 (quic/sense at eb5bdb35, "Remove softmax layer during finetuning"): the fine-tuning script builds its
classifier, an ``nn.Sequential`` subclass ending in ``nn.Softmax``, and deletes that layer before training
(``del classifier[-1]``). The interpreter did not read ``del`` statements, so the softmax stayed in the layers it runs
(a false alarm once ``super().forward(x)`` ran them). A ``del`` of one item of such a value, by an integer literal
within its layers, removes that layer, in place (as ``nn.Sequential.__delitem__`` does: every name holding the
module sees it); any other ``del`` of an item (a slice, an index read at run time) leaves its layers unknown.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.interp.sequential_subclasses import LAYERS
from lossguard.static.values import UNKNOWN, Instance, SequentialVal

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.interp.base import InterpBase
    from lossguard.static.interp.frame import Env, Frame


def _index(node: ast.expr) -> int | None:
    """The integer an index literal writes (``-1``, ``3``), else None."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node, sign = node.operand, -1
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return sign * node.value
    return None


def _without(layers: tuple, index: int | None) -> SequentialVal | None:
    if index is None or not -len(layers) <= index < len(layers):
        return None
    kept = list(layers)
    del kept[index]
    return SequentialVal(tuple(kept))


def delete_items(interp: InterpBase, stmt: ast.Delete, frame: Frame, env: Env) -> None:
    """Apply ``stmt``'s item deletions to the sequential layers they name."""
    for target in stmt.targets:
        if not isinstance(target, ast.Subscript):
            continue
        base = interp.ev(target.value, frame, env)
        index = _index(target.slice)
        if isinstance(base, SequentialVal):
            interp.bind(target.value, _without(base.layers, index) or UNKNOWN, frame, env)
        elif isinstance(base, Instance):
            layers = base.attrs.get(LAYERS)
            if isinstance(layers, SequentialVal):
                base.attrs[LAYERS] = _without(layers.layers, index) or UNKNOWN
