"""What a function's body says once its docstring is set aside: the statements that run, and the call a body that is
one ``return f(...)`` hands back (a thin wrapper, an abstract method's ``raise``)."""

from __future__ import annotations

import ast


def body_without_docstring(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    """The statements of ``fn``'s body, its docstring (a first statement that is a string) left out."""
    body = fn.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        return body[1:]
    return body


def returned_call(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.Call | None:
    """The call ``f(...)`` when ``fn``'s whole body, a docstring aside, is ``return f(...)``; None otherwise."""
    body = body_without_docstring(fn)
    if len(body) != 1 or not isinstance(body[0], ast.Return) or not isinstance(body[0].value, ast.Call):
        return None
    return body[0].value
