"""A loop over the micro-batches of one optimizer step (LG006): gradient accumulation written by hand.

``optimizer.zero_grad()``, then ``for _ in range(accumulation_steps): ...; loss.backward();
total += loss``, then ``optimizer.step()``: every iteration back-propagates, but the weights change
once, after the loop. A sum started just before such a loop holds the graphs of one optimizer
step's micro-batches, freed when it is started again on the next step; it does not keep every
step's graph (the learning-rate range test of ``torch_lr_finder``, and the trainers copied from it).
Text and AST facts only: the loop and the statements around it in one statement list."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.events import BACKWARD_CALLS
from lossguard.static.scope_nodes import own_nodes

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo


def _calls(nodes: list[ast.stmt]) -> list[ast.Call]:
    """The calls made by ``nodes`` (not inside nested function or class definitions)."""
    return [node for node in own_nodes(nodes) if isinstance(node, ast.Call)]


def _receivers(calls: list[ast.Call], method: str, module: ModuleInfo) -> set[str]:
    """The source texts of the objects whose ``method()`` the calls call (``self.optimizer``)."""
    return {module.segment(c.func.value) for c in calls if isinstance(c.func, ast.Attribute) and c.func.attr == method}


def _stepped(calls: list[ast.Call], module: ModuleInfo) -> set[str]:
    """The optimizers the calls step: the receiver of ``optimizer.step()``, and the optimizer a
    gradient scaler is handed (``scaler.step(optimizer)``, which steps it unless a gradient is not
    finite; lucidrains/lightweight-gan's ``Trainer.train``)."""
    handed = {
        module.segment(c.args[0])
        for c in calls
        if isinstance(c.func, ast.Attribute) and c.func.attr == "step" and len(c.args) == 1 and not c.keywords
    }
    return _receivers(calls, "step", module) | handed


def block_of(scope: ast.AST, loop: ast.AST) -> list[ast.stmt] | None:
    """The statement list of ``scope`` that holds ``loop`` itself."""
    for node in ast.walk(scope):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and any(s is loop for s in block):
                return block
    return None


def _cleared_after_step(after: list[ast.stmt], stepped: set[str], module: ModuleInfo) -> set[str]:
    """The stepped optimizers whose ``zero_grad()`` a statement after the one that steps them calls
    (lucidrains/deep-daze's ``train_step``: the loop, ``scaler.step(self.optimizer)``,
    ``scaler.update()``, ``self.optimizer.zero_grad()``): the next step starts from cleared
    gradients, as a clear before the loop would give."""
    out: set[str] = set()
    for i, stmt in enumerate(after):
        for name in _stepped(_calls([stmt]), module) & stepped:
            if name in _receivers(_calls(after[i + 1 :]), "zero_grad", module):
                out.add(name)
    return out


def one_step_of_micro_batches(scope: ast.AST, loop: ast.AST, target: str, module: ModuleInfo) -> bool:
    """``loop`` back-propagates and steps no optimizer; in the statement list that holds it, an
    optimizer's ``zero_grad()`` comes before the loop (or after its step, :func:`_cleared_after_step`)
    and the same optimizer's ``step()`` after it (its own, or a gradient scaler's
    ``scaler.step(optimizer)``), and ``target`` is given a fresh value before the loop (a value that does not read it). The sum
    then holds the micro-batches of one step. An optimizer stepped inside the loop, or one that is
    not cleared before it, or a sum started elsewhere (before an epoch loop around this one): not
    this shape."""
    block = block_of(scope, loop)
    if block is None:
        return False
    at = next(i for i, s in enumerate(block) if s is loop)
    inside = _calls([loop])  # type: ignore[list-item]
    if not any(isinstance(c.func, ast.Attribute) and c.func.attr in BACKWARD_CALLS for c in inside):
        return False
    if _receivers(inside, "step", module) or _receivers(inside, "zero_grad", module):
        return False
    after = block[at + 1 :]
    stepped = _stepped(_calls(after), module)
    if not stepped & (_receivers(_calls(block[:at]), "zero_grad", module) | _cleared_after_step(after, stepped, module)):
        return False
    for stmt in reversed(block[:at]):  # the last value given before the loop
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if any(module.segment(t) == target for t in targets):
                return not any(module.segment(n) == target for n in ast.walk(stmt.value) if isinstance(n, (ast.Name, ast.Attribute)))
    return False
