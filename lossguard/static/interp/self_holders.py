"""Whether an accumulator lives on ``self``: ``self.losses``, ``self.stats["loss"]``, or a local alias of a
container that ``self`` holds (``stat = self.statistics[category]`` then ``stat["value"] += [loss]``).

An alias counts only when every binding of the name in the method is a read of ``self``
(``self.a``, ``self.a[k]``, ``self.a.b``, ``self.a.setdefault(k, [])``) or a container the method also stores on ``self``
(``stat = {...}`` with ``self.statistics[category] = stat``); a parameter, a loop variable, a call's
result or any other binding leaves it unknown, and the accumulation is not kept for the callers."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.interp.frame import is_self

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.interp.frame import Frame


def _root(node: ast.expr) -> tuple[ast.expr, int]:
    """The name under a chain of attributes and subscripts, and how many links lead to it."""
    links = 0
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node, links = node.value, links + 1
    return node, links


def _reads_self(value: ast.expr, frame: Frame) -> bool:
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "setdefault":
        value = value.func.value  # `self.statistics.setdefault(k, {...})` returns what self now holds
    root, links = _root(value)
    return links > 0 and is_self(root, frame)


def _alias_of_self(name: str, func: ast.AST, frame: Frame) -> bool:
    """Every binding of ``name`` in ``func`` reads ``self`` or is stored on ``self`` by ``func``."""
    args = getattr(func, "args", None)
    if args is not None and name in {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg) if a}:
        return False
    stored = any(
        isinstance(n, ast.Assign) and isinstance(n.value, ast.Name) and n.value.id == name and any(_reads_self(t, frame) for t in n.targets)
        for n in ast.walk(func)
    )
    bindings = 0
    for n in ast.walk(func):
        if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, (ast.Store, ast.Del)):
            bindings += 1
            parent = _assigned_value(func, n)
            if parent is None:
                return False  # a loop variable, a with-target, an unpacking, a walrus: unknown
            if not (_reads_self(parent, frame) or (stored and isinstance(parent, (ast.Dict, ast.List, ast.DictComp, ast.ListComp)))):
                return False
    return bindings > 0


def _assigned_value(func: ast.AST, target: ast.Name) -> ast.expr | None:
    """The value of ``name = value`` (a plain assignment of the one name), else None."""
    for n in ast.walk(func):
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and n.targets[0] is target:
            return n.value
        if isinstance(n, ast.AnnAssign) and n.target is target:
            return n.value
    return None


def held_by_self(target: ast.expr, frame: Frame) -> bool:
    """Whether ``target`` (the accumulator of ``target += value`` or ``target.append(value)``) is kept
    on ``self`` past the call, directly or through a local alias of a container ``self`` holds."""
    root, links = _root(target)
    if links == 0:
        return False
    if is_self(root, frame):
        return True
    return isinstance(root, ast.Name) and frame.func is not None and _alias_of_self(root.id, frame.func, frame)


def keeps_items(node: ast.AST) -> bool:
    """Whether an accumulation keeps the items of the value it adds: ``x.append((loss, n))``,
    ``x.extend([loss])``, or a list display added to the accumulator (``x += [loss]``,
    ``x = x + [loss]``). ``x += values`` of a list the method was given may be a number plus a
    list on a path that never runs (SpareNet's meter), so it is not taken."""
    if isinstance(node, ast.Call):
        return True
    if isinstance(node, ast.AugAssign):
        return isinstance(node.value, (ast.List, ast.Tuple))
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.BinOp):
        return isinstance(node.value.left, (ast.List, ast.Tuple)) or isinstance(node.value.right, (ast.List, ast.Tuple))
    return False
