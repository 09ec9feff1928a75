"""A criterion's other methods that return a term of its loss: ``1.0 - self.dice_loss(x, y)``.

Round 16 (realcode_heldout11, UDTransNet): a loss module written by hand adds up components that
are loss modules themselves (``self.dice_loss``, ``self.ce_loss``), and offers a method for logging
that returns one of them again, ``_show_dice(x, y): return 1.0 - self.dice_loss(x, y)``. The
training loop back-propagates the criterion's call and adds ``criterion._show_dice(preds, masks)``
to an epoch sum: that value is computed from the same predictions by a component of the loss, and
holds its graph like the loss does. Nothing in a hand-written Dice loss says so (it calls no torch
loss), so the sum was silent.

The rule kept here: a method other than ``forward`` of a class of the checked code, every return of
which is a call of ``self.<attr>(...)`` (with numbers added, subtracted or multiplied around it)
where ``forward`` calls that same attribute and the attribute holds a loss module (a torch loss, or
an instance of a class of the checked code named ``...Loss``), returns a value that holds a graph
when called outside ``no_grad``. A method returning ``.item()`` of it, an accuracy or anything else
stays as the interpreter found it.
"""

from __future__ import annotations

import ast

from lossguard.static.values import Instance, LossSpec, Value

_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _self_attr_call(node: ast.expr) -> str | None:
    """``self.dice_loss(...)`` inside numbers added, subtracted or multiplied: ``dice_loss``."""
    while True:
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            node = node.operand
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
            if isinstance(node.left, ast.Constant) and isinstance(node.left.value, (int, float)):
                node = node.right
            elif isinstance(node.right, ast.Constant) and isinstance(node.right.value, (int, float)):
                node = node.left
            else:
                return None
        else:
            break
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        base = node.func.value
        if isinstance(base, ast.Name) and base.id == "self":
            return node.func.attr
    return None


def _returns(func: ast.AST) -> list[ast.Return]:
    out: list[ast.Return] = []
    todo = list(ast.iter_child_nodes(func))
    while todo:
        node = todo.pop()
        if isinstance(node, _NESTED):
            continue
        if isinstance(node, ast.Return):
            out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def _is_loss_module(value: Value | None) -> bool:
    if isinstance(value, LossSpec):
        return True
    return isinstance(value, Instance) and "loss" in value.cls.node.name.lower()


def returns_loss_term(method: ast.FunctionDef | ast.AsyncFunctionDef, owner: Instance) -> bool:
    """Whether ``method`` of ``owner``'s class returns a term of the loss its ``forward`` computes."""
    if method.name in ("forward", "__call__", "__init__"):
        return False
    forward = next((n for n in owner.cls.node.body if isinstance(n, ast.FunctionDef) and n.name == "forward"), None)
    if forward is None:
        return False
    used = {
        n.func.attr
        for n in ast.walk(forward)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name) and n.func.value.id == "self"
    }
    returns = _returns(method)
    if not returns:
        return False
    for ret in returns:
        attr = _self_attr_call(ret.value) if ret.value is not None else None
        if attr is None or attr not in used or not _is_loss_module(owner.attrs.get(attr)):
            return False
    return True
