"""A parameter's declared class: its annotation, or the class its function asserts it to be.

Round 34 (loss-bug fix commits, lucidrains/nuwa-pytorch before a3e3a6dbb7): the VQGAN trainer's ``__init__`` takes
its autoencoder unannotated and checks it on its first line instead::

    def __init__(self, vae, *, lr, ...):
        assert isinstance(vae, VQGanVAE), 'vae must be instance of VQGanVAE'
        self.vae = vae

The same trainer written ``vae: VQGanVAE`` was read (LG018 follows ``self.vae(img, return_loss=True)`` into the
class's ``forward``); the assertion says as much, and more firmly: the call fails on anything else. So a parameter
with no annotation is declared of class ``C`` when a statement at the top level of its function's body, before any
statement that rebinds it, is ``assert isinstance(<parameter>, C)`` with ``C`` a plain or dotted name (a tuple of
classes, or a test joined with ``and``/``or``, declares nothing). Text facts only: what ``C`` names is resolved where
the annotation would be.
"""

from __future__ import annotations

import ast

from lossguard.static.interp.criterion_isinstance import isinstance_test

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)


def parameter_class(func: ast.FunctionDef | ast.AsyncFunctionDef, param: ast.arg) -> ast.expr | None:
    """The expression naming ``param``'s class: its annotation, else the class of a leading
    ``assert isinstance(param, C)`` (see the module's docstring); None when neither says one."""
    if param.annotation is not None:
        return param.annotation
    for stmt in func.body:
        cls = _asserted(stmt, param.arg)
        if cls is not None:
            return cls
        if _rebinds(stmt, param.arg):
            return None
    return None


def _asserted(stmt: ast.stmt, name: str) -> ast.expr | None:
    if not isinstance(stmt, ast.Assert):
        return None
    cls = isinstance_test(stmt.test, ast.Name(id=name, ctx=ast.Load()))
    if cls is None:
        return None
    return cls if all(isinstance(n, (ast.Name, ast.Attribute, ast.Load)) for n in ast.walk(cls)) else None


def _rebinds(stmt: ast.stmt, name: str) -> bool:
    for node in ast.walk(stmt):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, (ast.Store, ast.Del)):
            return True
        if isinstance(node, (*_FUNCS, ast.ClassDef)) and node.name == name:
            return True
    return False
