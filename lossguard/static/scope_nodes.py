"""The nodes of a scope's own code: what a function (or module) runs itself, without the bodies of the functions,
classes and lambdas it defines (they run in scopes of their own, if at all)."""

from __future__ import annotations

import ast

#: the nodes that open a scope of their own
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def scope_nodes(scope: ast.AST) -> list[ast.AST]:
    """The nodes under ``scope`` (not ``scope`` itself) outside the functions, classes and lambdas it defines (those
    defining nodes left out too), depth first, last child first."""
    out: list[ast.AST] = []
    stack = [c for c in ast.iter_child_nodes(scope) if not isinstance(c, SCOPES)]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in ast.iter_child_nodes(node) if not isinstance(c, SCOPES))
    return out
