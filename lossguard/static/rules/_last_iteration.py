"""A statement a loop runs on its last iteration only (LG014).

Gradient accumulation over a whole batch of samples: ``for i, idx in enumerate(sampler):
is_accumulating = i < len(sampler) - 1; ...; loss.backward(); if not is_accumulating:
optimizer.step()`` (sheeprl's A2C) steps once per run of the loop, after every backward of it,
like a step written after the loop. Whether gradients are cleared between two such runs is the
question of the loop around it, not of this one. AST facts only, read narrowly: the loop is
``for i, ... in enumerate(xs)`` or ``for i in range(len(xs))``, and the guard compares ``i``
with ``len(xs) - 1`` (``i == len(xs) - 1``, ``i + 1 == len(xs)``; ``i < len(xs) - 1`` and
``i + 1 < len(xs)``, ``!=``, negated or on the ``else`` branch), directly or through a name the
loop body assigns once from that comparison.
"""

from __future__ import annotations

import ast


def _index_and_source(loop: ast.AST) -> tuple[str, str] | None:
    """``for i, x in enumerate(xs)`` / ``for i in range(len(xs))``: (``i``, the text of ``xs``)."""
    if not isinstance(loop, ast.For) or not isinstance(loop.iter, ast.Call) or not isinstance(loop.iter.func, ast.Name):
        return None
    call, func = loop.iter, loop.iter.func.id
    if func == "enumerate" and len(call.args) == 1 and not call.keywords:
        target = loop.target
        if isinstance(target, ast.Tuple) and len(target.elts) == 2 and isinstance(target.elts[0], ast.Name):
            return target.elts[0].id, ast.dump(call.args[0])
        return None
    if func == "range" and len(call.args) == 1 and isinstance(loop.target, ast.Name):
        length = call.args[0]
        if isinstance(length, ast.Call) and isinstance(length.func, ast.Name) and length.func.id == "len" and len(length.args) == 1:
            return loop.target.id, ast.dump(length.args[0])
    return None


def _is_len(node: ast.expr, source: str) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "len"
        and len(node.args) == 1
        and ast.dump(node.args[0]) == source
    )


def _minus_one(node: ast.expr) -> ast.expr | None:
    """``x - 1``: ``x``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and isinstance(node.right, ast.Constant) and node.right.value == 1:
        return node.left
    return None


def _plus_one(node: ast.expr) -> ast.expr | None:
    """``x + 1`` / ``1 + x``: ``x``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        if isinstance(node.right, ast.Constant) and node.right.value == 1:
            return node.left
        if isinstance(node.left, ast.Constant) and node.left.value == 1:
            return node.right
    return None


def _is_last(test: ast.expr, index: str, source: str, names: dict[str, ast.expr]) -> bool | None:
    """True when ``test`` holds on the last iteration only, False when on every one but the last,
    None when it says neither."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _is_last(test.operand, index, source, names)
        return None if inner is None else not inner
    if isinstance(test, ast.Name) and test.id in names:
        return _is_last(names[test.id], index, source, {})
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(left, ast.Name) and left.id == index:
        bound = _minus_one(right)
        at_last = bound is not None and _is_len(bound, source)
    else:
        shifted = _plus_one(left)
        at_last = isinstance(shifted, ast.Name) and shifted.id == index and _is_len(right, source)
    if not at_last:
        return None
    if isinstance(op, ast.Eq):
        return True
    if isinstance(op, (ast.Lt, ast.NotEq)):
        return False
    return None


def _assigned_once(loop: ast.For) -> dict[str, ast.expr]:
    """Names the loop body binds exactly once, by a plain ``name = value``, with their values."""
    counts: dict[str, int] = {}
    values: dict[str, ast.expr] = {}
    for node in ast.walk(loop):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        counts[name.id] = counts.get(name.id, 0) + 1
                        if isinstance(node, ast.Assign) and target is name:
                            values[name.id] = node.value
    return {k: v for k, v in values.items() if counts.get(k) == 1}


def on_last_iteration_only(node: ast.AST, loop: ast.AST) -> bool:
    """``node``, inside ``loop``, runs on the loop's last iteration only (module docstring)."""
    found = _index_and_source(loop)
    if found is None:
        return False
    assert isinstance(loop, ast.For)
    index, source = found
    names = _assigned_once(loop)
    todo: list[ast.AST] = list(loop.body)
    while todo:
        stmt = todo.pop()
        if isinstance(stmt, ast.If):
            inside_body = any(node is n for s in stmt.body for n in ast.walk(s))
            inside_else = any(node is n for s in stmt.orelse for n in ast.walk(s))
            if inside_body or inside_else:
                last = _is_last(stmt.test, index, source, names)
                if last is not None and last == inside_body:
                    return True
                todo += stmt.body if inside_body else stmt.orelse
                continue
        if isinstance(stmt, (ast.With, ast.AsyncWith, ast.Try)):
            todo += [s for block in ("body", "orelse", "finalbody", "handlers") for s in getattr(stmt, block, [])]
        elif isinstance(stmt, ast.ExceptHandler):
            todo += stmt.body
    return False


def last_index_tests(loop: ast.For) -> tuple[tuple[ast.If, bool], ...]:
    """The ``if`` statements of the loop's own body that test for its last iteration, each with
    whether its body (True) or its ``else`` (False) is the branch the last iteration takes
    (``if i != len(layers) - 1: h = torch.tanh(h)``: False)."""
    found = _index_and_source(loop)
    if found is None:
        return ()
    index, source = found
    names = _assigned_once(loop)
    tests = []
    for stmt in loop.body:
        if isinstance(stmt, ast.If):
            last = _is_last(stmt.test, index, source, names)
            if last is not None:
                tests.append((stmt, last))
    return tuple(tests)
