"""A loop whose every iteration trains another network (LG006): the agents of a multi-agent
learner, the members of an ensemble.

``for agent in range(self.n_agents): ...; self.critic_optimizer[agent].step(); c_loss.append(loss)``
with ``c_loss = []`` made in the same function, before the loop and outside any other loop, and the
list returned (xuehy/pytorch-maddpg's ``MADDPG.update_policy``): each iteration steps the optimizer
the loop variable picks (``optimizers[i]``, or an optimizer the loop iterates over, ``for opt in
self.optimizers`` / ``zip(models, optimizers)``), so the loop runs once per network, not once per
batch. The list holds one loss per network of a single training step, made afresh at every call:
it does not keep every step's graph. Text and AST facts only."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.events import Accumulate


def _loop_names(target: ast.expr) -> set[str]:
    """The names a ``for`` target binds (``i``, ``(model, opt)``)."""
    return {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}


def _picks_optimizer(loop: ast.For, names: set[str]) -> bool:
    """The loop body calls ``X.step()`` on an optimizer chosen by the loop: ``opts[i].step()`` with
    ``i`` a loop name, or ``opt.step()`` with ``opt`` itself a loop name that is not the index of a
    ``range`` (the optimizer the loop iterates over)."""
    ranges = isinstance(loop.iter, ast.Call) and isinstance(loop.iter.func, ast.Name) and loop.iter.func.id == "range"
    for node in ast.walk(loop):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "step"):
            continue
        receiver = node.func.value
        if isinstance(receiver, ast.Subscript) and isinstance(receiver.slice, ast.Name) and receiver.slice.id in names:
            return True
        if isinstance(receiver, ast.Name) and receiver.id in names and not ranges:
            return True
    return False


def _made_before(func: ast.AST, loop: ast.For, name: str) -> bool:
    """``name = []`` (or ``0``, ``0.0``) is a statement of ``func``'s own body before ``loop``."""
    body = getattr(func, "body", None)
    if not isinstance(body, list) or loop not in body:
        return False
    for stmt in body[: body.index(loop)]:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and stmt.targets[0].id == name
            and (isinstance(stmt.value, ast.List) and not stmt.value.elts or isinstance(stmt.value, ast.Constant) and stmt.value.value == 0)
        ):
            return True
    return False


def one_network_per_iteration(acc: Accumulate) -> bool:
    """The accumulation runs in a loop of its function's own body that trains one network per
    iteration, into a local started empty just before that loop (see the module's text)."""
    func = acc.ctx.func
    if func is None or not acc.ctx.loops or not isinstance(acc.target, ast.Name):
        return False
    loop = acc.ctx.loops[-1]
    if not isinstance(loop, ast.For) or not _made_before(func, loop, acc.target.id):
        return False
    return _picks_optimizer(loop, _loop_names(loop.target))
