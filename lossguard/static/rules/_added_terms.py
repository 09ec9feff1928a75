"""A term added into the loss a loop back-propagates holds a graph (LG006).

``loss += loss_mask`` (or ``loss = loss + w * loss_mask``) then ``loss.backward()`` in the same loop: the term is
added to be trained through, so where the interpreter does not know it (a sampler's scores of a model built by a
registry, SSLRec's MAERec trainer) it is a tensor with a graph, as a term of a back-propagated sum written in one
assignment already is (``_graph_evidence._term_of_backwarded``). Read only for a name the loop binds once, by an
expression that calls something other than a conversion to a number (``-scores.mean() * reward``; not
``bonus = cfg.w * 2``, arithmetic on settings, nor ``reg = loss.item()``), and not detached in the loop.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.events import Accumulate
from lossguard.static.rules._graph_evidence import LoopFacts, added_expr, bound_once, call_name, detached_in_loop
from lossguard.static.scope_nodes import scope_nodes
from lossguard.static.values import Tensor

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo

_TO_NUMBER = frozenset({"item", "tolist", "numpy", "float", "int", "detach", "detach_", "len"})


def adds_a_loss_term(acc: Accumulate, value: object, facts: LoopFacts, module: ModuleInfo) -> bool:
    """The value accumulated is (or scales, or sums with something else) a name the loop adds into the loss it
    back-propagates, and the interpreter does not know it (a known tensor says for itself whether it holds a graph)."""
    expr = added_expr(acc, module)
    if isinstance(value, Tensor) or expr is None or not acc.ctx.loops:
        return False
    sides: tuple[ast.expr, ...] = (expr,)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Mult, ast.Div, ast.Add, ast.Sub)):
        sides = (expr.left, expr.right)
    loop = acc.ctx.loops[-1]
    return any(isinstance(e, ast.Name) and not detached_in_loop(e.id, facts) and added_into_backwarded(e.id, loop, facts) for e in sides)


def added_into_backwarded(name: str, loop: ast.AST, facts: LoopFacts) -> bool:
    """The loop adds ``name`` (scaled or not) into a name it back-propagates, and binds ``name`` once by a computed
    value (see the module's docstring)."""
    if not bound_once(name, facts):
        return False
    binding = facts.bound_by[name][0]
    calls = [c for c in ast.walk(binding) if isinstance(c, ast.Call)]
    if not calls or any(call_name(c) in _TO_NUMBER for c in calls):
        return False
    return any(_adds(node, name, facts.backwarded) for node in scope_nodes(loop))


def _adds(node: ast.AST, name: str, backwarded: set[str]) -> bool:
    """``L += name`` / ``L += w * name`` / ``L = L + name`` with ``L`` (a plain name) back-propagated."""
    if isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add) and isinstance(node.target, ast.Name):
        return node.target.id in backwarded and _term(node.value, name)
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        target = node.targets[0].id
        value = node.value
        if target in backwarded and isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
            sides = (value.left, value.right)
            return any(isinstance(s, ast.Name) and s.id == target for s in sides) and any(_term(s, name) for s in sides)
    return False


def _term(expr: ast.expr, name: str) -> bool:
    """``name``, or ``name`` scaled by a product or quotient (``w * name``, ``name / k``)."""
    if isinstance(expr, ast.Name):
        return expr.id == name
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mult):
        return _term(expr.left, name) or _term(expr.right, name)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
        return _term(expr.left, name)
    return False
