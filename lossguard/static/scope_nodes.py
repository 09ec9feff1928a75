"""The nodes of a scope's own code: what a function (or module) runs itself, without the bodies of the functions,
classes and lambdas it defines (they run in scopes of their own, if at all)."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator

#: the function definitions
FUNCTION_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)
#: the nodes that open a scope of their own
SCOPES = (*FUNCTION_DEFS, ast.ClassDef, ast.Lambda)


def own_nodes(roots: Iterable[ast.AST], stop: tuple[type[ast.AST], ...] = SCOPES) -> Iterator[ast.AST]:
    """The nodes of ``roots`` (statements, say) and below them, outside the functions, classes and lambdas they
    define (those defining nodes left out too, a root among them): depth first, last child first. ``stop``: the
    kinds of node left out with everything below them (by default the ones that open a scope)."""
    stack = [r for r in roots if not isinstance(r, stop)]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in ast.iter_child_nodes(node) if not isinstance(c, stop))


def scope_nodes(scope: ast.AST) -> list[ast.AST]:
    """The nodes under ``scope`` (not ``scope`` itself) outside the functions, classes and lambdas it defines."""
    return list(own_nodes(ast.iter_child_nodes(scope)))
