"""Running sums kept per key in a dict that a loop rebuilds every step (LG006): ``totals = {k:
totals[k] + parts[k] * n for k in totals.keys()}`` adds ``parts[k] * n`` to each of its items, as
``totals[k] += parts[k] * n`` would. AST only: the interpreter reports it as an accumulation
(interp.statements), LG006 reads what was added (rules._graph_evidence)."""

from __future__ import annotations

import ast

from lossguard.static.comprehension_loops import keyed_loop


def _written_as(a: ast.expr, b: ast.expr) -> bool:
    return isinstance(a, (ast.Name, ast.Attribute, ast.Subscript)) and ast.unparse(a) == ast.unparse(b)


def dict_running_sum(value: ast.expr, target: ast.expr) -> ast.expr | None:
    """What ``target = {k: target[k] + added for k in keys}`` adds to each item (``added``), or
    None for any other value: one plain ``for k in ...`` (no filter, no unpacking), the key the
    loop variable itself, and the item of ``target`` at that key one side of the ``+``."""
    if not isinstance(value, ast.DictComp):
        return None
    found = keyed_loop(value)
    if found is None:
        return None
    key = found[1]
    body = value.value
    if not isinstance(body, ast.BinOp) or not isinstance(body.op, ast.Add):
        return None
    for own, added in ((body.left, body.right), (body.right, body.left)):
        if isinstance(own, ast.Subscript) and isinstance(own.slice, ast.Name) and own.slice.id == key and _written_as(own.value, target):
            return added
    return None


def comprehension_key(value: ast.DictComp) -> str:
    """The loop variable of a running dict sum (:func:`dict_running_sum` accepted ``value``)."""
    target = value.generators[0].target
    assert isinstance(target, ast.Name)
    return target.id
