"""``assert pred.shape == target.shape``: past it, the two tensors have one shape.

Round 21 (LG005 precision): code that checks its shapes before a loss (``assert pred.shape ==
target.shape``, ``assert out.size() == y.size(), "..."``) runs the loss only where they are equal.
Where the shapes the analysis inferred for them differ, one of the inferences is wrong (or the
assertion fails and the loss is never reached): past the ``assert``, each such tensor's shape is
unknown, so LG005 says nothing about the pair on that path. Shapes that agree, or that are known on
one side only, are left as they are. Only local names are rebound: an attribute (``self.out``)
stored again outside ``__init__`` would change what every method reads, and a tensor the assertion
computes anew (``model(x).shape``) is not held anywhere, so such an assertion changes nothing.
"""

from __future__ import annotations

import ast

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame
from lossguard.static.values import Tensor


def _shaped(node: ast.expr) -> ast.expr | None:
    """``x`` of ``x.shape`` or ``x.size()``, where ``x`` is a name."""
    if isinstance(node, ast.Attribute) and node.attr == "shape":
        held = node.value
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "size" and not node.args and not node.keywords:
        held = node.func.value
    else:
        return None
    return held if isinstance(held, ast.Name) else None


def assume_same_shapes(interp: InterpBase, stmt: ast.Assert, frame: Frame, env: Env) -> None:
    """After ``assert a.shape == b.shape`` (chained, ``.size()`` too): forget shapes that disagree."""
    test = stmt.test
    if not isinstance(test, ast.Compare) or not all(isinstance(op, ast.Eq) for op in test.ops):
        return
    held = [_shaped(e) for e in (test.left, *test.comparators)]
    if any(h is None for h in held):
        return
    targets = [h for h in held if h is not None]
    values = [interp.ev(h, frame, env) for h in targets]
    known = {v.shape for v in values if isinstance(v, Tensor) and v.shape is not None}
    if len(known) < 2:
        return
    for target, value in zip(targets, values):
        if isinstance(value, Tensor) and value.shape is not None:
            interp.bind(target, value.with_(shape=None), frame, env)
