"""``self.optimizers()[GEN_OPT]``: one of Lightning's configured optimizers, picked by a fixed position.

j-saez/pix2pix's manual-optimization ``Pix2Pix`` (round 35) clears and steps its generator's optimizer as
``self.optimizers()[GEN_OPT].zero_grad()`` / ``self.optimizers()[GEN_OPT].step()``, ``GEN_OPT = 0`` a module
constant. Lightning hands back the same optimizer objects at every call, so two such texts with the same
position name the same optimizer. A position that may change (a local, a loop variable) does not.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.rules._fresh_optimizers import lightning_optimizers

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo


def _fixed(index: ast.expr, module: ModuleInfo) -> bool:
    """An integer literal, or a name the module binds only at its top level with plain assignments (``GEN_OPT = 0``)."""
    if isinstance(index, ast.Constant):
        return isinstance(index.value, int) and not isinstance(index.value, bool)
    if not isinstance(index, ast.Name):
        return False
    top = {id(t) for stmt in module.module.body if isinstance(stmt, ast.Assign) for t in stmt.targets}
    bound = False
    for node in ast.walk(module.module):
        if isinstance(node, ast.Name) and node.id == index.id and not isinstance(node.ctx, ast.Load):
            if id(node) not in top:
                return False
            bound = True
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and index.id in node.names:
            return False
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == index.id:
            return False
        elif isinstance(node, ast.arg) and node.arg == index.id:
            return False
    return bound


def indexed_lightning_optimizer(node: ast.expr, module: ModuleInfo) -> bool:
    """``self.optimizers()[k]`` with ``k`` fixed (see the module docs)."""
    return (
        isinstance(node, ast.Subscript)
        and lightning_optimizers(node)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute)
        and isinstance(node.value.func.value, ast.Name)
        and node.value.func.value.id == "self"
        and _fixed(node.slice, module)
    )
