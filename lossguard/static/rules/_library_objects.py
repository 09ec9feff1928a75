"""A loss appended to an object of a class an import brings in from a library.

Round 27 (survey17, Project-MONAI/tutorials' VISTA-2D notebook): ``run_loss = CumulativeAverage()`` of
``monai.metrics``, then ``run_loss.append(loss, count=batch_size)`` every step. MONAI's ``append``
keeps a detached copy (``if self.val.requires_grad: self.val = self.val.detach().clone()``); LG006
took any ``.append`` on a value that is not a tensor for a list's, and reported it.

What a library class's ``append`` keeps is that library's business, unknown to lossguard: silent.
A class of the checked code is read through its method instead (``_through_method``), and the
library containers that keep their items (``collections.deque``) still count.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.events import Accumulate
    from lossguard.static.project import ModuleInfo

#: Library classes whose ``append`` keeps what it is given, as a list's does.
_LIST_CLASSES = {"collections.deque", "collections.UserList"}


def appended_to_a_library_object(acc: Accumulate, module: ModuleInfo) -> bool:
    """``run_loss.append(loss, count=n)`` (or ``.extend``) where every binding of ``run_loss`` in the
    function is a call of a class an import brings in, other than torch's, NumPy's, the builtins' and
    the containers that keep their items (``_LIST_CLASSES``)."""
    node = acc.node
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("append", "extend")
        and isinstance(node.func.value, ast.Name)
    ):
        return False
    name = node.func.value.id
    scope = acc.ctx.func if acc.ctx.func is not None else module.module
    values: list[ast.expr] = []
    for n in ast.walk(scope):
        if isinstance(n, ast.Assign):
            for t in n.targets:
                if isinstance(t, ast.Name) and t.id == name:
                    values.append(n.value)
                elif any(isinstance(e, ast.Name) and e.id == name for e in ast.walk(t)):
                    return False  # unpacked from something: not known
        else:
            bound = (
                [n.target]
                if isinstance(n, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor))
                else [i.optional_vars for i in n.items if i.optional_vars is not None]
                if isinstance(n, (ast.With, ast.AsyncWith))
                else []
            )
            if any(isinstance(e, ast.Name) and e.id == name for b in bound for e in ast.walk(b)):
                return False  # bound some other way: not known
    if not values:
        return False
    imported = _imported_names(module)
    for value in values:
        if not isinstance(value, ast.Call):
            return False
        parts: list[str] = []
        func: ast.expr = value.func
        while isinstance(func, ast.Attribute):
            parts.append(func.attr)
            func = func.value
        if not isinstance(func, ast.Name) or func.id not in imported:
            return False
        dotted = ".".join([imported[func.id], *reversed(parts)])
        if dotted in _LIST_CLASSES or dotted.split(".")[0] in ("torch", "numpy", "builtins"):
            return False
    return True


def _imported_names(module: ModuleInfo) -> dict[str, str]:
    """Every name an import statement of ``module`` binds, with the dotted name it stands for."""
    names: dict[str, str] = {}
    for node in ast.walk(module.module):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name != "*":
                    names[alias.asname or alias.name] = f"{'.' * (node.level or 0)}{node.module or ''}.{alias.name}".lstrip(".")
    return names
