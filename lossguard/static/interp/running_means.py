"""Exponential moving averages: an accumulation that decays what it held.

Round 19 (realcode_heldout12, sh0416/bpr): a training loop smooths the loss it prints with
``smooth = smooth * 0.99 + loss * 0.01``. Like ``total = total + loss``, the new value is built from
the old one and the step's loss, so every step's graph stays chained to it. The usual spellings:
``s = s * beta + loss * (1 - beta)``, ``s = beta * s + (1 - beta) * loss``, ``s = s / 2 + loss / 2``
and the in-place ``s.mul_(beta).add_(loss, alpha=1 - beta)``. Only a factor that does not read the
accumulator itself counts (``s = s * s + loss`` is no average).
"""

from __future__ import annotations

import ast

from lossguard.static.interp.frame import same_expr


def _mentions(node: ast.expr, target: ast.expr) -> bool:
    return any(isinstance(sub, ast.expr) and same_expr(sub, target) for sub in ast.walk(node))


def decayed(node: ast.expr, target: ast.expr) -> bool:
    """``target * k``, ``k * target`` or ``target / k``, where ``k`` does not read ``target``."""
    if not isinstance(node, ast.BinOp) or not isinstance(node.op, (ast.Mult, ast.Div)):
        return False
    if same_expr(node.left, target):
        return not _mentions(node.right, target)
    return isinstance(node.op, ast.Mult) and same_expr(node.right, target) and not _mentions(node.left, target)


def averaged_side(rhs: ast.BinOp, target: ast.expr) -> ast.expr | None:
    """In ``target = <decayed target> + <new>`` (either order), the part that is added: ``<new>``."""
    if not isinstance(rhs.op, ast.Add):
        return None
    if decayed(rhs.left, target) and not _mentions(rhs.right, target):
        return rhs.right
    if decayed(rhs.right, target) and not _mentions(rhs.left, target):
        return rhs.left
    return None


def decayed_receiver(receiver: ast.expr) -> ast.expr | None:
    """The accumulator of ``s.mul_(k).add_(new)``: ``s`` (the receiver of the ``add_``, decayed in place)."""
    if (
        isinstance(receiver, ast.Call)
        and isinstance(receiver.func, ast.Attribute)
        and receiver.func.attr in ("mul_", "div_")
        and isinstance(receiver.func.value, (ast.Name, ast.Attribute, ast.Subscript))
        and not any(_mentions(a, receiver.func.value) for a in receiver.args)
    ):
        return receiver.func.value
    return None
