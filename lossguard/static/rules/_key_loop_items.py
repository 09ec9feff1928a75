"""LG006 evidence: an item read by the key of a loop over a dict's keys is an item the training loop back-propagates.

nordinbelkacemi/multitask-yolo's ``train_one_epoch`` (round 35) sums its loss dict into epoch totals key by key::

    total_losses = {"total": 0, "xy": 0, "wh": 0}
    for batch in loader:
        losses = {key: sum(...) for key in total_losses.keys()}
        losses["total"].backward()
        optimizer.step()
        for key in total_losses.keys():
            total_losses[key] += losses[key] / len(loader)

The interpreter does not know the dict's items (a comprehension over a loss function's nested dicts), and the
text accumulated (``losses[key]``) is not the text back-propagated (``losses["total"]``). The key loop runs over
the keys of a dict every binding of which, in the function, is a dict display holding the literal key
``"total"``: one of its iterations adds ``losses["total"]``, the loss tensor the enclosing loop back-propagates,
and the running sum keeps every step's graph. A key loop over anything else (a tuple of names, a dict built by a
call, the keys of a dict that may lack the key), an item converted first (``losses[key].item()``), or an item
container replaced or changed between the backward and the sum is no evidence.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING

from lossguard.static.rules._graph_evidence import LoopFacts, added_expr

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.events import Accumulate
    from lossguard.static.project import ModuleInfo


def _keyed_item(expr: ast.expr, key: str) -> ast.Subscript | None:
    """``x[key]`` itself, or one side of ``x[key] / n``, ``x[key] * w``, ``x[key] + y``, ``x[key] - y``."""
    sides = (expr.left, expr.right) if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Mult, ast.Div, ast.Add, ast.Sub)) else (expr,)
    for side in sides:
        if isinstance(side, ast.Subscript) and isinstance(side.slice, ast.Name) and side.slice.id == key:
            return side
    return None


def _loop_key(loop: ast.AST) -> tuple[str, ast.expr] | None:
    """``(key, dict_expr)`` of ``for key in d:`` or ``for key in d.keys():``."""
    if not isinstance(loop, (ast.For, ast.AsyncFor)) or not isinstance(loop.target, ast.Name):
        return None
    it = loop.iter
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and it.func.attr == "keys" and not it.args and not it.keywords:
        it = it.func.value
    return loop.target.id, it


def _literal_keys(scope: ast.AST, name: str) -> set[str] | None:
    """The string keys every binding of ``name`` in ``scope`` has: each one a dict display (``d = {"a": 0}``)
    of literal string keys, ``name`` never bound otherwise (a parameter, a loop target, a tuple target, an
    augmented or annotated assignment, a ``del``, a ``global``), and no method of it called that may drop a key
    (``pop``, ``popitem``, ``clear``). None when not so."""
    keys: set[str] | None = None
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        params = scope.args
        if any(a.arg == name for a in params.posonlyargs + params.args + params.kwonlyargs) or name in {
            a.arg for a in (params.vararg, params.kwarg) if a is not None
        }:
            return None
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            if not isinstance(node.value, ast.Dict) or not all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.value.keys):
                return None
            found = {k.value for k in node.value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
            keys = found if keys is None else keys & found
        elif isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
            if not any(isinstance(a, ast.Assign) and node in a.targets for a in ast.walk(scope)):
                return None  # bound by a for, a with, a walrus, a tuple target, an augmented assignment, a del
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return None
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == name
            and node.func.attr in {"pop", "popitem", "clear"}
        ):
            return None
    return keys


def backwarded_through_a_key_loop(acc: Accumulate, facts_of: Callable[[ast.AST], LoopFacts], module: ModuleInfo) -> bool:
    """The accumulation adds ``x[key]`` (scaled or not) in a loop over the keys of a dict whose literal keys
    include one, ``"k"``, such that the loop around the key loop back-propagates ``x["k"]``, with ``x`` not
    changed as a whole between that backward and the sum (see the module's docstring)."""
    loops = acc.ctx.loops
    if len(loops) < 2:
        return False
    found = _loop_key(loops[-1])
    expr = added_expr(acc, module)
    if found is None or expr is None:
        return False
    key, keyed = found
    item = _keyed_item(expr, key)
    if item is None or not isinstance(item.value, ast.Name):
        return False
    container = item.value.id
    outer = facts_of(loops[-2])
    backwarded = {}
    for text in outer.backwarded:
        try:
            node = ast.parse(text, mode="eval").body
        except SyntaxError:
            continue
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == container
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            backwarded[node.slice.value] = text
    if not backwarded:
        return False
    if isinstance(keyed, ast.Name) and keyed.id == container:
        keys = set(backwarded)  # `for k in losses: total[k] += losses[k]`: losses holds the key it back-propagates
    elif isinstance(keyed, ast.Name):
        scope = acc.ctx.func if acc.ctx.func is not None else module.module
        keys = _literal_keys(scope, keyed.id) or set()
    else:
        return False
    line = getattr(acc.node, "lineno", 0)
    for k in keys & set(backwarded):
        text = backwarded[k]
        if text in outer.dropped_parts or f"{container}[*]" in outer.dropped_parts:
            continue
        backs = [b for b in outer.backward_lines.get(text, []) if b < line]
        if not backs:
            continue
        if any(max(backs) < change < line for change in outer.container_changes.get(container, [])):
            continue  # `losses = {k: v.item() ...}` after the backward: the sum reads the converted items
        return True
    return False
