"""A torch loss named at the top level before the one line that builds it.

Round 21 (code posted in issue threads): a question shows its training loop first and its criterion
in a later paragraph, post or notebook cell::

    for x, y in loader:
        loss = criterion(F.softmax(net(x), dim=1), y)

    criterion = nn.CrossEntropyLoss()

Run top to bottom the first read is a ``NameError``; the code only runs as its author meant, with
the criterion defined first. A name read at the top level of a module before any binding of it, that
the module binds exactly once at its top level (anywhere, ``if`` and loop bodies included), with
``name = <call>`` whose value is a torch loss (:class:`LossSpec`), holds that loss at the read. A
name bound twice or more (``criterion = nn.MSELoss()`` in one cell, ``nn.L1Loss()`` in another),
bound by anything but that one assignment, or read inside a function (which sees module globals as
they are when it runs) stays unknown.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from lossguard.static.project import ModuleInfo, declared_global


def _top_level_parts(tree: ast.Module) -> Iterator[ast.AST]:
    """The module's statements and their parts, defs and classes themselves but not their bodies
    (nor a lambda's), whose names are their own."""
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            todo.extend(ast.iter_child_nodes(node))


def top_level_bindings(tree: ast.Module, name: str) -> list[ast.AST]:
    """Every top-level statement part that binds ``name`` (not inside function or class bodies,
    whose names are their own; a def or class of the name, or a ``global`` of it, counts)."""
    found: list[ast.AST] = []
    for node in _top_level_parts(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.name == name or name in declared_global(node):
                found.append(node)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.extend(a for a in node.names if (a.asname or a.name).split(".")[0] == name)
        elif isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, (ast.Store, ast.Del)):
            found.append(node)
        elif isinstance(node, ast.ExceptHandler) and node.name == name:
            found.append(node)
    return found


def built_once_later(module: ModuleInfo, name: str) -> ast.Call | None:
    """The call of ``name = <call>``, the only binding of ``name`` at the module's top level; None
    when the name is bound otherwise, more than once, or not at all."""
    if not module.binds_at_top(name):
        return None
    found = top_level_bindings(module.module, name)
    if len(found) != 1 or not isinstance(found[0], ast.Name):
        return None
    target = found[0]
    for stmt in _top_level_parts(module.module):  # the binding is a top-level part: so is its statement
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and stmt.targets[0] is target:
            return stmt.value if isinstance(stmt.value, ast.Call) else None
    return None
