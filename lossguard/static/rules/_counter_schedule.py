"""A step of a training loop that the loop's counter schedules (LG014).

``for iB, batch in enumerate(loader): ... if iB % k == 0: opt.zero_grad(); loss.backward() elif
iB % k == k - 1: loss.backward(); opt.step()`` (naver/sqlova's ``train.py``): the tests change from
one iteration to the next, so the branches are not two versions of one training step (with and
without a GradScaler) but a cycle the loop runs through in turn: the step ends the cycle of gradient
accumulation the clearing branch began. Only a step under a test on the counter of its own counts:
one in a plain ``else`` runs at every other iteration, stepping again and again between two clears.
Text and AST facts only."""

from __future__ import annotations

import ast

from lossguard.static.scope_nodes import scope_nodes


def _counters(loop: ast.AST) -> set[str]:
    """The names a loop changes at every iteration: what a ``for`` target binds, and the names its
    body increments (``step += 1``), outside the functions it defines."""
    names: set[str] = set()
    if isinstance(loop, (ast.For, ast.AsyncFor)):
        names |= {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
    names |= {node.target.id for node in scope_nodes(loop) if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name)}
    return names


def reads_loop_counter(test: ast.expr, loop: ast.AST) -> bool:
    """``test`` reads a name ``loop`` changes at every iteration (its counter, its target)."""
    counters = _counters(loop)
    return any(isinstance(n, ast.Name) and n.id in counters for n in ast.walk(test))


def scheduled_step(clearing_if: ast.If, other: list[ast.stmt], step: ast.AST, loop: ast.AST) -> bool:
    """``clearing_if``'s test reads the loop's counter, and ``step`` (in ``other``, the branch that
    does not clear) is in the body of an ``if`` of that branch whose test reads the counter too."""
    if not reads_loop_counter(clearing_if.test, loop):
        return False
    for stmt in other:
        for node in ast.walk(stmt):
            if isinstance(node, ast.If) and reads_loop_counter(node.test, loop):
                if any(inner is step for part in node.body for inner in ast.walk(part)):
                    return True
    return False
