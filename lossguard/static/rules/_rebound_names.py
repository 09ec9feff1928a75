"""A name computed from the sum that the loop binds afresh before each of its backward() calls.

Round 38 (mutations of real code, rjhosler/arcface-pytorch's ``train_aaml.train``): ``total_loss += loss`` in the
batch loop (the mutation; the repository adds ``loss.item()``), and at the phase's last batch ``loss = total_loss /
len(loader)`` for the print and ``scheduler.step(loss)``. LG006 is silent when the accumulated sum is what gets
back-propagated (``total += loss; total.backward()``: gradient accumulation), and read that from the function's text
as a whole (``BackwardedTexts.derived``): ``loss``, computed from the sum once, made ``loss.backward()`` look like a
backward of the sum, though every iteration binds ``loss`` to the criterion's output before its backward. Here a name
counts as back-propagating the sum only where the binding that reaches the backward may read the sum: walking back
from each ``name.backward()`` through the statements before it in its list and in the lists around it inside the
loop, the first statement that binds the name on every path (an assignment, an ``if`` whose branches all do, a
``with`` whose body does) decides, unless a statement on the way may bind it from the sum.
"""

from __future__ import annotations

import ast
import re

from lossguard.static.project import ModuleInfo


def _reads(value: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(value))


def _binds(stmt: ast.stmt, name: str) -> bool:
    """``stmt`` binds ``name`` afresh on every path through it (``loss = loss + extra`` extends the binding before it)."""
    if isinstance(stmt, ast.Assign):
        return any(isinstance(n, ast.Name) and n.id == name for t in stmt.targets for n in ast.walk(t)) and not _reads(stmt.value, name)
    if isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
        return isinstance(stmt.target, ast.Name) and stmt.target.id == name and not isinstance(stmt, ast.AugAssign)
    if isinstance(stmt, ast.If):
        return bool(stmt.orelse) and any(_binds(s, name) for s in stmt.body) and any(_binds(s, name) for s in stmt.orelse)
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        return any(_binds(s, name) for s in stmt.body)
    return False


def _from_sum(stmt: ast.stmt, name: str, derived: list[re.Pattern[str]], module: ModuleInfo) -> bool:
    """``stmt`` may bind ``name`` to a value that reads the sum (any pattern of ``derived`` but ``name``'s own: a binding
    that extends the name, ``loss = loss + extra``, reads what bound it before)."""
    derived = [p for p in derived if not p.fullmatch(name)]
    for node in ast.walk(stmt):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(n, ast.Name) and n.id == name for t in targets for n in ast.walk(t)):
                if isinstance(node, ast.AugAssign) or any(p.search(module.segment(node.value)) for p in derived):
                    return True
    return False


def _path(loop: ast.AST, node: ast.AST) -> list[tuple[list[ast.stmt], int]] | None:
    """The statement lists from ``loop``'s body down to ``node``, each with the index of the statement holding it."""
    out: list[tuple[list[ast.stmt], int]] = []
    current: ast.AST = loop
    while True:
        for field in ("body", "orelse", "finalbody", "handlers"):
            stmts = getattr(current, field, None)
            if not isinstance(stmts, list):
                continue
            for i, stmt in enumerate(stmts):
                if any(n is node for n in ast.walk(stmt)):
                    out.append((stmts, i))
                    current = stmt
                    break
            else:
                continue
            break
        else:
            return out or None
        if current is node or (isinstance(current, ast.Expr) and current.value is node):
            return out
        if isinstance(current, ast.stmt) and not any(
            isinstance(getattr(current, f, None), list) for f in ("body", "orelse", "finalbody", "handlers")
        ):
            return out


def rebound_before_backward(loop: ast.AST, scope: ast.AST, name: str, derived: list[re.Pattern[str]], module: ModuleInfo) -> bool:
    """Every backward() in ``scope`` whose text names ``name`` is ``name.backward()`` inside ``loop``, reached in each
    iteration by a binding of ``name`` that does not read the sum (``derived``, the sum's patterns)."""
    word = re.compile(r"(?<![\w.])" + re.escape(name) + r"(?!\w)")
    calls = [
        n
        for n in ast.walk(scope)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and "backward" in n.func.attr and word.search(module.segment(n))
    ]
    if not calls:
        return False
    for call in calls:
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr == "backward" and isinstance(func.value, ast.Name) and func.value.id == name):
            return False  # `scaler.scale(loss).backward()`, `accelerator.backward(loss)`: not read here
        path = _path(loop, call)
        if not path:
            return False  # outside the loop
        if not _reached_by_fresh_binding(path, name, derived, module):
            return False
    return True


def _reached_by_fresh_binding(path: list[tuple[list[ast.stmt], int]], name: str, derived: list[re.Pattern[str]], module: ModuleInfo) -> bool:
    for stmts, index in reversed(path):
        for stmt in reversed(stmts[:index]):
            if _from_sum(stmt, name, derived, module):
                return False
            if _binds(stmt, name):
                return True
    return False
