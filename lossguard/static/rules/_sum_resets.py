"""A meter's running sum that a sibling method empties only now and then.

Round 38 (mutations of real code, dagaji/deeplabv3-pytorch's ``train``): ``running_loss.update(loss * iter_size, n=...)``
on an ``AverageMeter`` whose ``update`` adds ``val * n`` into ``self.sum``; the loop calls ``running_loss.reset()``
only under ``if _iter % (display_iters * iter_size) == 0:``, the update outside it. LG006 read any call of a sibling
method that empties the attribute (``_sibling_resets.emptied_by_a_sibling``) as a reset, which is right for a list
whose graphs the next update back-propagates (an n-step trajectory), but a sum is read by nobody's backward(): reset
every N steps it keeps N graphs, as a running sum written in the loop and reset under ``if i % 2000 == 1999:`` does
(LG006's own example). Here such a reset counts only where it runs on every iteration that reaches the update
(``LoopFacts.runs_with``): outside any ``if``, in a branch around the update, or where the loop steps.
"""

from __future__ import annotations

import ast

from lossguard.static.project import ModuleInfo
from lossguard.static.rules._graph_evidence import LoopFacts
from lossguard.static.rules._sibling_resets import class_of, empties, own_attribute


def summed(node: ast.AST, target: ast.expr) -> bool:
    """``node`` adds into ``target``: ``target += v`` or ``target = target + v`` (not an append)."""
    if isinstance(node, ast.AugAssign):
        return isinstance(node.op, ast.Add)
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.BinOp) and isinstance(node.value.op, ast.Add):
        text = ast.dump(target)
        return any(ast.dump(side) == text for side in (node.value.left, node.value.right))
    return False


def reset_now_and_then(
    loop: ast.AST,
    receiver: str,
    loop_module: ModuleInfo,
    method: ast.AST,
    acc_node: ast.AST,
    target: ast.expr,
    module: ModuleInfo,
    facts: LoopFacts,
    at: ast.AST,
) -> bool:
    """Whether ``target`` (``self.<attr>`` of ``method``, which ``acc_node`` adds into) is a sum that the loop's calls on
    ``receiver`` of sibling methods emptying it reset only under a test of their own, never on every iteration that
    reaches ``at`` (the call of ``method``)."""
    attr = own_attribute(method, target)
    cls = class_of(method, module) if attr is not None else None
    if cls is None or not summed(acc_node, target):
        return False
    siblings = {f.name: f for f in cls.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f is not method}
    calls = [
        node
        for node in ast.walk(loop)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in siblings
        and loop_module.segment(node.func.value) == receiver
        and empties(siblings[node.func.attr], attr or "")
    ]
    return bool(calls) and not any(facts.runs_with(node, at) for node in calls)
