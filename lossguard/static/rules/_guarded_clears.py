"""A clear and a step under the same test, the clear before the backward() (LG017): gradient accumulation undone.

Round 34 (loss-bug fix commits, Nerogar/OneTrainer before ab0c165872, "fix gradient accumulation (for real this
time)"): the fine-tuning loop back-propagates every batch and steps every ``gradient_accumulation_steps`` batches, and
clears under the step's own test, before the backward()::

    for epoch_step, batch in enumerate(loader):
        loss = self.loss(batch, predicted, target)
        if self.__is_update_step(train_progress):
            optimizer.zero_grad()
        scaler.scale(loss).backward()
        if self.__is_update_step(train_progress):
            scaler.step(optimizer)
            scaler.update()
        train_progress.next_step(batch_size)

On an update step the clear throws away what the batches since the last step accumulated, so the step applies the
last batch's gradients alone (the fix clears after the step). Read in one statement list of a loop's body: an ``if``
whose body holds one ``zero_grad()`` statement and nothing else that steps, clears, back-propagates or leaves the
list (a log line beside the clear, round 35), no ``else``; later in the list a ``backward()``
statement; later still an ``if`` with the same test (the same text) whose body steps (``opt.step()``,
``scaler.step(opt)``), with nothing between that steps, clears or leaves the list. The test must change from one
iteration to the next, or the guard decides nothing and each step sees its own batch: it reads a name the loop changes
(its target, a name its body assigns or increments, or an object its body calls a method of as a statement of its
own, as ``train_progress.next_step(...)``, the shape's own clear and step aside), other than ``self``: ``if optimizer:``
around both (pytorch/opacus's tests: an optimizer that may be None) is the same test on every iteration. Text and AST
facts only; that the clear and the step are of one optimizer is LG017's reading.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from lossguard.static.events import BACKWARD_CALLS
from lossguard.static.rules._graph_evidence import call_name
from lossguard.static.scope_nodes import own_nodes

# statements that leave the statement list a shape is read in (also read by _every_iteration_clears)
_LEAVE = (ast.Return, ast.Break, ast.Continue, ast.Raise)


@dataclass(frozen=True)
class GuardedClear:
    """The clearing call and the stepping call of the shape, with the test they share."""

    clear: ast.Call
    step: ast.Call
    test: ast.expr


def guarded_clear(stmts: list[ast.stmt], index: int, loop: ast.AST) -> GuardedClear | None:
    """The shape around the ``backward()`` statement ``stmts[index]`` of ``loop``'s body (see the module's docstring);
    None when it is not there."""
    before = _guarded_call(stmts, range(index - 1, -1, -1), "zero_grad")
    if before is None:
        return None
    test, clear = before
    after = _guarded_call(stmts, range(index + 1, len(stmts)), "step", test)
    if after is None:
        return None
    _, step = after
    if not _varies(test, loop, (clear, step)):
        return None
    return GuardedClear(clear, step, test)


def _guarded_call(stmts: list[ast.stmt], order: range, name: str, test: ast.expr | None = None) -> tuple[ast.expr, ast.Call] | None:
    """The nearest ``if`` of ``stmts`` in ``order`` that holds a ``name`` call (for ``zero_grad``: as its only
    statement; for ``step``: among its statements) under ``test`` (any test when None); None when a statement met first
    steps, clears or leaves the list."""
    for i in order:
        stmt = stmts[i]
        nodes = list(own_nodes([stmt]))
        if isinstance(stmt, ast.If) and not stmt.orelse and (test is None or ast.dump(stmt.test) == ast.dump(test)):
            if name == "zero_grad":
                clears = [s.value for s in stmt.body if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and call_name(s.value) == name]
                others = [n for n in nodes if isinstance(n, ast.Call) and n not in clears and call_name(n) in ("step", "zero_grad", *BACKWARD_CALLS)]
                if len(clears) == 1 and not others and not any(isinstance(n, _LEAVE) for n in nodes):
                    return stmt.test, clears[0]
                return None
            calls = [s.value for s in stmt.body if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and call_name(s.value) == name]
            if calls and not any(isinstance(n, _LEAVE) for n in nodes):
                return stmt.test, calls[0]
            return None
        if any(isinstance(n, _LEAVE) for n in nodes):
            return None
        if any(isinstance(n, ast.Call) and call_name(n) in ("step", "zero_grad") for n in nodes):
            return None
    return None


def _varies(test: ast.expr, loop: ast.AST, own: tuple[ast.Call, ...]) -> bool:
    """``test`` reads a name other than ``self`` that ``loop`` changes at each iteration; the shape's own clear and
    step (``own``) do not count as changing their receiver (``if optimizer: optimizer.zero_grad()`` ... ``if
    optimizer: optimizer.step()`` tests that an optimizer was given, the same on every iteration)."""
    read = {n.id for n in ast.walk(test) if isinstance(n, ast.Name) and n.id != "self"}
    return bool(read & _changed(loop, own))


def _changed(loop: ast.AST, own: tuple[ast.Call, ...] = ()) -> set[str]:
    names: set[str] = set()
    if isinstance(loop, (ast.For, ast.AsyncFor)):
        names |= {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
    for node in own_nodes(getattr(loop, "body", [])):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and not any(node.value is call for call in own):
            func = node.value.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                names.add(func.value.id)
    return names
