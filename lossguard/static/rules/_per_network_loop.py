"""A loop whose every iteration trains another network (LG006): the agents of a multi-agent
learner, the members of an ensemble.

``for agent in range(self.n_agents): ...; self.critic_optimizer[agent].step(); c_loss.append(loss)``
with ``c_loss = []`` made in the same block just before the loop (xuehy/pytorch-maddpg's
``MADDPG.update_policy``: the function's body, the list returned): each iteration steps the optimizer
the loop variable picks (``optimizers[i]``, or an optimizer the loop iterates over, ``for opt in
self.optimizers`` / ``zip(models, optimizers)``), directly or in a method of the same class the loop
hands the variable to (hanzhanggit/StackGAN-v2: ``errD_total = 0`` in the batch loop, then ``for i in
range(self.num_Ds): errD_total += self.train_Dnet(i, count)``, whose ``optD = self.optimizersD[idx]``
is stepped), so the loop runs once per network, not once per batch. The sum holds one loss per network
of the pass it was started for, started afresh each time its block runs: it does not keep every
step's graph. Text and AST facts only."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.rules._micro_batches import block_of
from lossguard.static.rules._sibling_resets import class_of

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.events import Accumulate


def _loop_names(target: ast.expr) -> set[str]:
    """The names a ``for`` target binds (``i``, ``(model, opt)``)."""
    return {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}


def _stepped_receivers(body: ast.AST) -> list[ast.expr]:
    """The receivers of ``X.step()`` in ``body`` (not inside nested functions)."""
    return [
        n.func.value
        for n in ast.walk(body)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "step" and not n.args and not n.keywords
    ]


def _indexes_by(node: ast.expr, names: set[str]) -> bool:
    """``X[i]`` with ``i`` one of ``names``."""
    return isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Name) and node.slice.id in names


def _method_steps_by_param(method: ast.FunctionDef, position: int) -> bool:
    """``method`` (called with the loop variable as its ``position``-th argument after ``self``) steps an
    optimizer picked by that parameter: ``self.optimizers[idx].step()``, or ``optD.step()`` after
    ``optD = self.optimizers[idx]`` (also in a tuple assignment)."""
    params = method.args.args[1:]
    if position >= len(params):
        return False
    names = {params[position].arg}
    picked: set[str] = set()
    for node in ast.walk(method):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            pairs = zip(target.elts, value.elts) if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) else [(target, value)]
            for t, v in pairs:
                if isinstance(t, ast.Name) and _indexes_by(v, names):
                    picked.add(t.id)
    return any(_indexes_by(r, names) or isinstance(r, ast.Name) and r.id in picked for r in _stepped_receivers(method))


def picked_by_loop(receiver: ast.expr, loop: ast.For) -> bool:
    """``receiver`` (of a ``step()`` in ``loop``) is the optimizer the loop variable picks: ``opts[i]`` /
    ``self.optimizers[key]`` with ``i`` / ``key`` a name the ``for`` binds, or ``opt`` itself such a name when the
    loop does not count by ``range`` (the optimizer the loop iterates over)."""
    names = _loop_names(loop.target)
    ranges = isinstance(loop.iter, ast.Call) and isinstance(loop.iter.func, ast.Name) and loop.iter.func.id == "range"
    return _indexes_by(receiver, names) or isinstance(receiver, ast.Name) and receiver.id in names and not ranges


def _picks_optimizer(loop: ast.For, names: set[str], cls: ast.ClassDef | None) -> bool:
    """The loop body calls ``X.step()`` on an optimizer chosen by the loop: ``opts[i].step()`` with
    ``i`` a loop name, or ``opt.step()`` with ``opt`` itself a loop name that is not the index of a
    ``range`` (the optimizer the loop iterates over); or it calls ``self.<method>(..., i, ...)`` of
    ``cls`` whose body steps the optimizer that argument picks."""
    if any(picked_by_loop(receiver, loop) for receiver in _stepped_receivers(loop)):
        return True
    if cls is None:
        return False
    methods = {m.name: m for m in cls.body if isinstance(m, ast.FunctionDef)}
    for node in ast.walk(loop):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)):
            continue
        method = methods.get(node.func.attr) if node.func.value.id == "self" else None
        if method is None:
            continue
        for position, arg in enumerate(node.args):
            if isinstance(arg, ast.Name) and arg.id in names and _method_steps_by_param(method, position):
                return True
    return False


def _started_before(block: list[ast.stmt], loop: ast.For, name: str) -> bool:
    """``name = []`` (or ``0``, ``0.0``) is a statement of ``block`` before ``loop``, and no statement
    between them binds ``name`` again."""
    index = next(i for i, s in enumerate(block) if s is loop)
    for stmt in reversed(block[:index]):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == name:
            value = stmt.value
            return isinstance(value, ast.List) and not value.elts or isinstance(value, ast.Constant) and value.value == 0
        if any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in ast.walk(stmt)):
            return False
    return False


def one_network_per_iteration(acc: Accumulate) -> bool:
    """The accumulation runs in a loop that trains one network per iteration, into a local started
    empty just before that loop in the same block (see the module's text)."""
    func = acc.ctx.func
    if func is None or not acc.ctx.loops or not isinstance(acc.target, ast.Name):
        return False
    loop = acc.ctx.loops[-1]
    if not isinstance(loop, ast.For):
        return False
    block = block_of(func, loop)
    if block is None or not _started_before(block, loop, acc.target.id):
        return False
    cls = class_of(func, acc.ctx.module)
    return _picks_optimizer(loop, _loop_names(loop.target), cls)
