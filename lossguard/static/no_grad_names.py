"""The names a body binds only under ``with torch.no_grad():``: tensors made there hold no graph.

uvipen/Hierarchical-attention-networks-pytorch's ``train.py`` evaluates inside its training loop, runs the
model under ``no_grad`` and takes the loss after the block::

    with torch.no_grad():
        te_predictions = model(te_feature)
    te_loss = criterion(te_predictions, te_label)
    loss_ls.append(te_loss * num_sample)

The loss of a prediction made without grad holds no graph, so the list keeps numbers' tensors, not graphs
(LG006). Read from the text (the interpreter's values do not say what was made under ``no_grad``): a name
qualifies when *every* binding of it in the body is made inside such a block, or rebinds the name to
itself moved or reshaped (``out = out.cpu()``); a parameter, an import, a ``for`` target outside the block,
a ``with ... as`` name, ``x.requires_grad_()`` or ``x.requires_grad = True`` anywhere disqualify it. A
block under ``torch.enable_grad()`` or ``torch.set_grad_enabled(...)`` inside it counts as outside. Taking
a name for one made without grad can only make the checker quieter.
"""

from __future__ import annotations

import ast
from typing import Any, NamedTuple

from lossguard.static import torch_api as api

# methods whose result is the receiver moved, cast or reshaped: made without grad when it was (an integer cast and a
# detached copy too, which hold no graph at all)
_SAME_VALUE_METHODS = api.GRAPH_KEEPING_METHODS | {"long", "detach"}


def _grad_switch(expr: ast.expr) -> bool | None:
    """True for ``torch.no_grad()`` / ``inference_mode()`` (or a wrapper named for one), False for
    ``enable_grad()`` / ``set_grad_enabled(...)``, None for any other context manager."""
    func = expr.func if isinstance(expr, ast.Call) else expr
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if api.turns_off_grad(name):
        return True
    if name in ("enable_grad", "set_grad_enabled"):
        return False
    return None


def root_name(expr: ast.expr) -> str | None:
    """``out`` of ``out``, ``out[0]``, ``out.cpu().squeeze(1)``."""
    while True:
        if isinstance(expr, ast.Name):
            return expr.id
        if isinstance(expr, ast.Subscript):
            expr = expr.value
        elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in _SAME_VALUE_METHODS:
            expr = expr.func.value
        else:
            return None


class _Scan:
    def __init__(self) -> None:
        self.all_under: dict[str, bool] = {}  # name -> every binding so far made without grad
        self.all_loop: dict[str, bool] = {}  # name -> every binding so far a `for` target (or a move of itself)

    def mark(self, name: str, under: bool, loop: bool = False) -> None:
        self.all_under[name] = self.all_under.get(name, True) and under
        self.all_loop[name] = self.all_loop.get(name, True) and loop

    def targets(self, target: ast.expr, under: bool, loop: bool = False) -> None:
        if isinstance(target, ast.Name):
            self.mark(target.id, under, loop)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for el in target.elts:
                self.targets(el, under, loop)
        elif isinstance(target, ast.Starred):
            self.targets(target.value, under, loop)

    def expressions(self, node: ast.AST, under: bool) -> None:
        """Walrus bindings and ``x.requires_grad_()`` / ``x.requires_grad = ...`` in a statement's expressions."""
        for sub in ast.walk(node):
            if isinstance(sub, ast.NamedExpr):
                self.targets(sub.target, under)
            elif isinstance(sub, ast.Attribute) and sub.attr in ("requires_grad_", "requires_grad", "retain_grad"):
                name = root_name(sub.value)
                if name is not None:
                    self.mark(name, False)

    def body(self, stmts: list[ast.stmt], under: bool) -> None:
        for stmt in stmts:
            self.stmt(stmt, under)

    def stmt(self, stmt: ast.stmt, under: bool) -> None:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self.mark(stmt.name, False)
            return
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            inner = under
            for item in stmt.items:
                self.expressions(item.context_expr, under)
                switch = _grad_switch(item.context_expr)
                if switch is not None:
                    inner = switch
                if item.optional_vars is not None:
                    self.targets(item.optional_vars, False)
            self.body(stmt.body, inner)
            return
        if isinstance(stmt, (ast.For, ast.AsyncFor)):
            self.targets(stmt.target, under, loop=True)
            self.expressions(stmt.iter, under)
            self.body(stmt.body, under)
            self.body(stmt.orelse, under)
            return
        if isinstance(stmt, (ast.If, ast.While)):
            self.expressions(stmt.test, under)
            self.body(stmt.body, under)
            self.body(stmt.orelse, under)
            return
        if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            tried: Any = stmt  # ast.TryStar (Python 3.11) has the same fields
            self.body(tried.body, under)
            for handler in tried.handlers:
                if handler.name:
                    self.mark(handler.name, False)
                self.body(handler.body, under)
            self.body(tried.orelse, under)
            self.body(tried.finalbody, under)
            return
        if isinstance(stmt, ast.Match):
            self.expressions(stmt.subject, under)
            for case in stmt.cases:
                for sub in ast.walk(case.pattern):
                    for attr in ("name", "rest"):
                        captured = getattr(sub, attr, None)
                        if isinstance(captured, str):
                            self.mark(captured, False)
                self.body(case.body, under)
            return
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            for alias in stmt.names:
                self.mark((alias.asname or alias.name).split(".")[0], False)
            return
        if isinstance(stmt, (ast.Global, ast.Nonlocal)):
            for name in stmt.names:
                self.mark(name, False)
            return
        self.expressions(stmt, under)
        if isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                own = isinstance(target, ast.Name) and root_name(stmt.value) == target.id
                self.targets(target, under or own, loop=own)
        elif isinstance(stmt, ast.AugAssign):
            self.targets(stmt.target, under)
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            own = isinstance(stmt.target, ast.Name) and root_name(stmt.value) == stmt.target.id
            self.targets(stmt.target, under or own, loop=own)


class GradFreeNames(NamedTuple):
    """What :func:`grad_free_names` reads from a body."""

    #: every binding made under ``no_grad`` (or a move of the name itself)
    without_grad: frozenset[str]
    #: every binding a ``for`` target (``for x, y in loader``) or a move of the name itself (``y = y.cuda()``):
    #: a batch's data, as a loss's target; a ``for`` over model outputs gives such names too, so they
    #: count only beside an input made without grad
    loop_targets: frozenset[str]


def grad_free_names(root: ast.AST) -> GradFreeNames:
    """The names of ``root`` (a function's body, a module's top level, or one ``for`` loop; nested
    functions and classes are not entered) bound only under ``no_grad``, and those bound only as loop
    targets (see the module docstring)."""
    scan = _Scan()
    if isinstance(root, (ast.FunctionDef, ast.AsyncFunctionDef)):
        a = root.args
        for arg in [*a.posonlyargs, *a.args, *a.kwonlyargs, *([a.vararg] if a.vararg else []), *([a.kwarg] if a.kwarg else [])]:
            scan.mark(arg.arg, False)
        scan.body(root.body, False)
    elif isinstance(root, ast.Module):
        scan.body(root.body, False)
    elif isinstance(root, (ast.For, ast.AsyncFor)):
        # one loop: its own targets, and what its body binds (a name bound after the loop, `labels =
        # np.array(kept)`, is no binding of the loop's)
        scan.stmt(root, False)
    return GradFreeNames(
        frozenset(name for name, under in scan.all_under.items() if under),
        frozenset(name for name, loop in scan.all_loop.items() if loop),
    )


def bound_without_grad(root: ast.AST) -> frozenset[str]:
    """The names every binding of which in ``root`` is made under ``no_grad``."""
    return grad_free_names(root).without_grad
