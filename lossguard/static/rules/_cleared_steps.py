"""A step right after its own clear (LG017): ``opt.zero_grad()`` then ``opt.step()`` with no ``backward()`` between.

Such a step applies nothing, whatever back-propagated before it: the clear drops every gradient on the optimizer's
parameters (``set_to_none=True`` gradients are skipped by the step; zeros move only momentum and weight decay). On its
own that may be meant (UNITER's "quick hack": one empty step before the loop, to set up an AMP optimizer's state), so
LG017 reports it only with the rest of the evidence (``lg017_zero_grad_between_backward_and_step``): the pair is in the
code a training loop runs, a ``backward()`` that loop runs (in any method it calls) computes its loss through one of
the optimizer's networks, no other step of that optimizer is written in the file, and no code of the file freezes
that network (``requires_grad = False`` / ``requires_grad_(False)`` on its parameters). AttGAN's MI variant (the
attribute predictor's optimizer cleared right before its only step, in the discriminator phase, while its gradients
come from the generator phases, other methods the epoch loop calls) is the case.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING

from lossguard.static.events import BACKWARD_CALLS
from lossguard.static.rules._graph_evidence import call_name
from lossguard.static.rules._loss_reach import part_of
from lossguard.static.scope_nodes import scope_nodes
from lossguard.static.values import Instance, Optimizer

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo

_CONTROL = (ast.Return, ast.Break, ast.Continue, ast.Raise, ast.Yield, ast.YieldFrom, ast.Await)


def step_after_clear(stmts: list[ast.stmt], index: int, allowed: frozenset[str], grad_attrs: tuple[str, ...]) -> ast.Call | None:
    """The ``step()`` call of the first statement after the clear at ``stmts[index]`` that calls anything but
    ``allowed`` calls (bookkeeping, clipping), when that statement is an expression statement of its own whose call is
    named ``step``; None otherwise: a backward() or a helper first, a loop or a branch, a ``return``, a read or write
    of one of ``grad_attrs`` (``p.grad = g``), or no such statement."""
    for stmt in stmts[index + 1 :]:
        nodes = [stmt, *scope_nodes(stmt)]
        if any(isinstance(n, _CONTROL) or isinstance(n, ast.Attribute) and n.attr in grad_attrs for n in nodes):
            return None  # a gradient put back by hand (`p.grad = g`) or the list left
        if not isinstance(stmt, (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign)):
            return None  # a loop or a branch: what it runs is not read
        top = stmt.value if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) else None
        if top is not None and call_name(top) == "step":
            return top
        calls = [n for n in nodes if isinstance(n, ast.Call)]
        if any(call_name(c) in BACKWARD_CALLS or call_name(c) not in allowed for c in calls):
            return None
    return None


def other_steps(optimizer: str, step: ast.Call, module: ModuleInfo) -> bool:
    """Whether the file may step the optimizer written ``optimizer`` anywhere else: ``optimizer.step(...)`` other than
    ``step``, or any call handed ``optimizer`` (``scaler.step(optimizer)``, a helper ``apply_update(optimizer)``, a
    scheduler built over it: what it does with it is not read)."""
    for node in ast.walk(module.module):
        if node is step or not isinstance(node, ast.Call):
            continue
        func = node.func
        if call_name(node) == "step" and isinstance(func, ast.Attribute) and module.segment(func.value) == optimizer:
            return True
        if any(module.segment(a) == optimizer for a in (*node.args, *(k.value for k in node.keywords))):
            return True
    return False


def frozen(owners: tuple[str, ...], module: ModuleInfo, optimizer: object) -> bool:
    """Whether the file freezes any part of ``owners`` (``requires_grad_(False)`` on it, or ``p.requires_grad = False``
    in a loop over its ``parameters()``; any ``requires_grad`` write whose value is not the constant True counts), or a
    network of the checked code the optimizer is known to step (``Optimizer.networks``) freezes itself in its class."""
    networks = optimizer.networks if isinstance(optimizer, Optimizer) else ()
    classes = [n.cls.node for n in networks if isinstance(n, Instance)]
    if any(_freezes(cls, lambda e: any(isinstance(n, ast.Name) and n.id == "self" for n in ast.walk(e))) for cls in classes):
        return True
    return _freezes(module.module, lambda e: _on_owner(e, owners, module))


def _freezes(tree: ast.AST, reads_network: Callable[[ast.expr], bool]) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and call_name(node) == "requires_grad_" and isinstance(node.func, ast.Attribute):
            if reads_network(node.func.value) and not _true(node.args[0] if node.args else None):
                return True
        if isinstance(node, (ast.For, ast.AsyncFor)) and reads_network(node.iter):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Assign) and any(isinstance(t, ast.Attribute) and t.attr == "requires_grad" for t in inner.targets):
                    if not _true(inner.value):
                        return True
    return False


def _on_owner(expr: ast.expr, owners: tuple[str, ...], module: ModuleInfo) -> bool:
    """``expr`` reads one of ``owners`` (or a part of one): ``self.P``, ``self.P.parameters()``, ``self.P.fc.parameters()``."""
    for node in ast.walk(expr):
        if isinstance(node, (ast.Attribute, ast.Name)):
            text = module.segment(node)
            if text and any(part_of(text, o) or part_of(o, text) and text != "self" for o in owners):
                return True
    return False


def _true(node: ast.expr | None) -> bool:
    return node is None or isinstance(node, ast.Constant) and node.value is True
