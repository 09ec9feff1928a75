"""A clear at every iteration, a step only every k-th (LG017): gradient accumulation thrown away.

Round 35 (loss-bug fix commits, tientrandinh/Revisiting-Reverse-Distillation before 94a8df5, "fix clear gradients"):
the distillation loop back-propagates every batch and steps every ``accumulation_steps`` batches, but clears both
optimizers at every iteration, before the backward()::

    for i, (img, img_noise, _) in enumerate(train_dataloader):
        loss = L_distill + weight * L_proj
        optimizer_proj.zero_grad()
        optimizer_distill.zero_grad()
        loss.backward()
        if (i + 1) % accumulation_steps == 0:
            optimizer_proj.step()
            optimizer_distill.step()

The iterations that do not step compute gradients only for the next iteration's clear to drop them: each step applies
the last batch's gradients alone (the fix clears after the step, under its test). The same holds with the clear at the
end of the body, after the stepping ``if`` (``if (i + 1) % k == 0: opt.step()`` then ``opt.zero_grad()``). Read in the
statement list of a loop's body: a ``zero_grad()`` statement of that list (not under any branch); a ``backward()``
statement of that list; after the backward(), an ``if`` with no ``else`` that steps (``opt.step()``,
``scaler.step(opt)``) among its statements, whose test counts iterations: it takes a remainder (``%``) of a name the
loop changes at each iteration (its target, a name its body assigns or increments, ``self.step`` when the body
increments it), directly or through a name the body assigns such a test to first (``do_step = (i + 1) % k == 0`` then
``if do_step:``). Nothing between the clear and the backward(), or between the backward() and the ``if``, or between
the ``if`` and a clear after it, steps, clears, back-propagates or leaves the list. A step under another test (``if
torch.isfinite(loss):``, skipping a bad batch) is not this shape: that test does not count iterations. Text and AST
facts only; that the clear and the step are of one optimizer is LG017's reading.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from lossguard.static.events import BACKWARD_CALLS
from lossguard.static.rules._graph_evidence import call_name
from lossguard.static.rules._guarded_clears import _LEAVE, _changed
from lossguard.static.rules._helper_tests import returned_test
from lossguard.static.scope_nodes import own_nodes


@dataclass(frozen=True)
class EveryIterationClear:
    """A clearing call run at every iteration and the stepping calls of the ``if`` that counts iterations."""

    clear: ast.Call
    steps: tuple[ast.Call, ...]
    test: ast.expr


def every_iteration_clears(stmts: list[ast.stmt], index: int, loop: ast.AST, tree: ast.AST | None = None) -> list[EveryIterationClear]:
    """The shape around the ``backward()`` statement ``stmts[index]`` of ``loop``'s body (see the module's docstring),
    one item per clearing statement, nearest the backward() first; [] when it is not there. ``tree``, the file's, lets
    a test be a call of a method of the loop's class that returns one (rules/_helper_tests.py)."""
    if getattr(loop, "body", None) is not stmts:
        return []
    stepping = _stepping_if(stmts, index, loop, tree)
    if stepping is None:
        return []
    at, branch = stepping
    steps = tuple(s.value for s in branch.body if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and call_name(s.value) == "step")
    clears = _clears(stmts, range(index - 1, -1, -1)) + _clears(stmts, range(at + 1, len(stmts)))
    return [EveryIterationClear(clear, steps, branch.test) for clear in clears]


def _stepping_if(stmts: list[ast.stmt], index: int, loop: ast.AST, tree: ast.AST | None = None) -> tuple[int, ast.If] | None:
    """The first ``if`` after ``stmts[index]`` that steps under a test counting the loop's iterations, with its index;
    None when a statement met first steps, clears, back-propagates or leaves the list, or the first ``if`` that steps is
    not one."""
    for i in range(index + 1, len(stmts)):
        stmt = stmts[i]
        nodes = list(own_nodes([stmt]))
        if isinstance(stmt, ast.If) and any(
            isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and call_name(s.value) == "step" for s in stmt.body
        ):
            if stmt.orelse or any(isinstance(n, _LEAVE) for n in nodes) or not _counts_iterations(stmt.test, stmts[:i], loop, tree):
                return None
            return i, stmt
        if _interrupts(nodes):
            return None
    return None


def _clears(stmts: list[ast.stmt], order: range) -> list[ast.Call]:
    """The ``zero_grad()`` statements of ``stmts`` met in ``order`` before a statement that steps, back-propagates,
    clears under a branch or leaves the list."""
    found: list[ast.Call] = []
    for i in order:
        stmt = stmts[i]
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and call_name(stmt.value) == "zero_grad":
            found.append(stmt.value)
            continue
        if _interrupts(list(own_nodes([stmt]))):
            break
    return found


def _interrupts(nodes: list[ast.AST]) -> bool:
    """The nodes leave the list, or call a step, a clear or a backward()."""
    if any(isinstance(n, _LEAVE) for n in nodes):
        return True
    return any(isinstance(n, ast.Call) and (call_name(n) in ("step", "zero_grad") or call_name(n) in BACKWARD_CALLS) for n in nodes)


def _counts_iterations(test: ast.expr, before: list[ast.stmt], loop: ast.AST, tree: ast.AST | None = None) -> bool:
    """``test`` takes a remainder of a value the loop changes at each iteration, or reads a name that one of the
    statements ``before`` it assigns such a test to; either written as a call of a method of the loop's class that
    returns it (``self._is_update_step(progress)``, rules/_helper_tests.py)."""
    changed = _changed(loop)
    increments = {
        ast.unparse(n.target) for n in own_nodes(getattr(loop, "body", [])) if isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Attribute)
    }

    def counts(expr: ast.expr) -> bool:
        returned = returned_test(expr, loop, tree)
        return _remainder_of_counter(expr, changed, increments) or returned is not None and _remainder_of_counter(returned, changed, increments)

    if counts(test):
        return True
    read = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
    for stmt in before:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id in read:
            if counts(stmt.value):
                return True
    return False


def _remainder_of_counter(expr: ast.expr, changed: set[str], increments: set[str]) -> bool:
    for node in ast.walk(expr):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and not isinstance(node.left, (ast.Constant, ast.JoinedStr)):
            for part in ast.walk(node.left):
                if isinstance(part, ast.Name) and part.id in changed and part.id != "self":
                    return True
                if isinstance(part, ast.Attribute) and ast.unparse(part) in increments:
                    return True
    return False
