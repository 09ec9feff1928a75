"""A per-element mean scaled back by the size of a dimension other than the batch's (LG009).

``F.kl_div(log_p, q, reduction="mean")`` divides the summed divergence by every element, batch
and classes; multiplying the result by the number of classes (``loss *= q.size(1)``) turns it
into the sum over the classes averaged over the batch: exactly ``reduction="batchmean"`` for a
``(N, C)`` input (facebookresearch/mmf's soft-label KL loss for VQA). A mean multiplied back by
the size of a dimension that is not the batch's was rescaled on purpose, whatever the rank of the
input: the rule stays silent. AST facts only, read narrowly: the call itself times a size
(``F.kl_div(...) * q.size(1)``), or a name assigned the call and, in the statements that follow in
the same block before the name is bound again, ``name *= size``, ``name = name * size`` or
``return name * size``; a size is ``t.size(k)``, ``t.size()[k]`` or ``t.shape[k]`` with a literal
``k`` other than 0 (a dimension counted from the end, ``-1``, included), or a product of sizes
with one of them. Multiplying by the batch size (``.size(0)``), by a number or by a name is not
read as a rescaling.
"""

from __future__ import annotations

import ast


def _dim_index(node: ast.expr) -> int | None:
    """The literal dimension a ``t.size(k)`` / ``t.size()[k]`` / ``t.shape[k]`` reads, else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "size":
        if len(node.args) == 1 and not node.keywords:
            return _literal_int(node.args[0])
        return None
    if isinstance(node, ast.Subscript):
        base = node.value
        sized = isinstance(base, ast.Attribute) and base.attr == "shape"
        sized = sized or (isinstance(base, ast.Call) and isinstance(base.func, ast.Attribute) and base.func.attr == "size" and not base.args)
        return _literal_int(node.slice) if sized else None
    return None


def _literal_int(node: ast.expr) -> int | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _literal_int(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None


def _non_batch_size(node: ast.expr) -> bool:
    """A size of a dimension other than the first, or a product with one."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return _non_batch_size(node.left) or _non_batch_size(node.right)
    k = _dim_index(node)
    return k is not None and k != 0


def _scaled(node: ast.expr, operand: ast.expr | str) -> bool:
    """``operand * size`` or ``size * operand``; ``operand`` an expression node or a name."""
    if not isinstance(node, ast.BinOp) or not isinstance(node.op, ast.Mult):
        return False
    for mine, other in ((node.left, node.right), (node.right, node.left)):
        if (mine is operand or (isinstance(operand, str) and isinstance(mine, ast.Name) and mine.id == operand)) and _non_batch_size(other):
            return True
    return False


def _binds(stmt: ast.stmt, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in ast.walk(stmt))


def rescaled(call: ast.Call, scope: ast.AST) -> bool:
    """Whether ``call`` (in ``scope``, a function or a module) is multiplied by a non-batch size."""
    for node in ast.walk(scope):
        if isinstance(node, ast.BinOp) and _scaled(node, call):
            return True
        body = getattr(node, "body", None)
        for block in (body, getattr(node, "orelse", None), getattr(node, "finalbody", None)):
            if isinstance(block, list) and _rescaled_after_assign(call, block):
                return True
    return False


def _rescaled_after_assign(call: ast.Call, block: list[ast.stmt]) -> bool:
    for i, stmt in enumerate(block):
        if not (isinstance(stmt, ast.Assign) and stmt.value is call and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
            continue
        name = stmt.targets[0].id
        for later in block[i + 1 :]:
            if isinstance(later, ast.AugAssign) and isinstance(later.op, ast.Mult) and isinstance(later.target, ast.Name) and later.target.id == name:
                return _non_batch_size(later.value)
            if isinstance(later, (ast.Assign, ast.Return)) and later.value is not None and _scaled(later.value, name):
                return True
            if _binds(later, name):
                return False
        return False
    return False
