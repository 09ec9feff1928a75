"""A list an object keeps that another method of its class empties, called from the same loop.

Round 26 (realcode_heldout18, blind): an A2C agent's ``get_action`` appends each step's value and
log-probability to ``self.trajectory``; the loop calls ``self.learn(...)`` every few steps, which
back-propagates the stacked trajectory and ends with ``self.trajectory.clear()``. The list holds at
most the steps since the last update, each graph needed by that update: the standard shape of an
n-step actor-critic, a REINFORCE episode buffer, a replay of one rollout. LG006's walk through the
called method (``meter.update(loss)`` keeping a sum) only looked for a reset of the receiver
itself (``meter.reset()``), and reported the trajectory.

Here a reset of the attribute counts when the loop calls, on the same receiver, a method of the
class that empties it: ``self.<attr>.clear()``, ``del self.<attr>[:]``, ``self.<attr>[:] = []`` or
any assignment ``self.<attr> = ...`` that does not read it. Called under a condition or not: a list
emptied every few steps keeps a bounded number of graphs, and the rule cannot tell how many.
"""

from __future__ import annotations

import ast

from lossguard.static.project import ModuleInfo
from lossguard.static.tree_index import class_of_member


def emptied_by_a_sibling(loop: ast.AST, receiver: str, loop_module: ModuleInfo, method: ast.AST, target: ast.expr, module: ModuleInfo) -> bool:
    """Whether ``target`` (``self.<attr>`` in ``method``, a method of a class of ``module``) is
    emptied by another method of that class that ``loop`` calls on ``receiver`` (its source text in
    ``loop_module``)."""
    cls = own_attribute_class(method, target, module)
    if cls is None or not isinstance(target, ast.Attribute):
        return False
    siblings = {f.name: f for f in cls.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f is not method}
    for node in ast.walk(loop):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in siblings
            and loop_module.segment(node.func.value) == receiver
            and empties(siblings[node.func.attr], target.attr)
        ):
            return True
    return False


def own_attribute(method: ast.AST | None, target: ast.expr) -> str | None:
    """``attr`` when ``target`` is ``self.<attr>`` of the function ``method``'s own first parameter; None otherwise."""
    if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) or not method.args.args:
        return None
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == method.args.args[0].arg:
        return target.attr
    return None


def own_attribute_class(method: ast.AST, target: ast.expr, module: ModuleInfo) -> ast.ClassDef | None:
    """The class of ``module`` that defines ``method``, when ``target`` is ``self.<attr>`` of the method's own first
    parameter (:func:`own_attribute`); None otherwise."""
    return None if own_attribute(method, target) is None else class_of(method, module)


def class_of(method: ast.AST, module: ModuleInfo) -> ast.ClassDef | None:
    """The class of ``module`` that defines ``method`` in its body."""
    return class_of_member(module.module, method)


def empties(fn: ast.FunctionDef | ast.AsyncFunctionDef, attr: str) -> bool:
    """``fn`` empties its own ``self.<attr>``: ``.clear()``, ``del self.<attr>[:]``, ``self.<attr>[:] = []`` or an
    assignment ``self.<attr> = ...`` that does not read it."""
    if not fn.args.args:
        return False
    me = fn.args.args[0].arg

    def own(node: ast.expr) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == attr and isinstance(node.value, ast.Name) and node.value.id == me

    for node in ast.walk(fn):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "clear" and own(node.func.value):
            return True
        targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for t in targets:
            whole = isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Slice) and t.slice.lower is None and t.slice.upper is None
            if own(t) or isinstance(t, ast.Subscript) and whole and own(t.value):
                value = getattr(node, "value", None)
                if value is None or not any(own(n) for n in ast.walk(value) if isinstance(n, ast.expr)):
                    return True
    return False
