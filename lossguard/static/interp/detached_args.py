"""The arguments a function or a loss module of the checked code cuts from the graph.

Round 35 (mit-han-lab/pvcnn at 476715b, ``train_dml.py``): deep mutual learning trains two networks, each with
``criterion(own_outputs, targets) + criterion_dml(other_outputs, own_outputs)``, where ``criterion_dml = KLLoss()``
is a module of the checked code whose ``forward(self, x, y)`` returns ``F.kl_loss(x, y)`` and ``kl_loss`` begins
``x = F.softmax(x.detach(), dim=1)``: the other network's outputs are the fixed target of each loss, and no gradient
of one network's loss reaches the other. Read from the call's text alone, each loss went through both networks, and
LG018 took the student's optimizer for one stepping on the teacher's loss.

*A parameter that a function reads only through ``.detach()`` (or ``.data``), up to a statement of the function's
own body that binds the parameter's name again, or only as an argument that a function of the checked code cuts in
turn, carries no gradient out of the function.* The interpreter records, for each call of a function or of a module
of the checked code (its ``forward``), the positions of the arguments so cut
(:attr:`lossguard.static.project.ModuleInfo.detached_args`); what the loss of a ``backward()`` is computed from
(``rules._loss_reach``) does not follow them. A call whose callee is never known cuts nothing, and a call analysed
with several known callees cuts only what every one of them cuts. An instance of the checked code on one path and
``None`` on the other is that instance where the call runs (calling ``None`` raises; ``interp.calls``).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.values import FunctionRef, Instance, Value

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.interp.base import InterpBase
    from lossguard.static.interp.frame import Frame

#: the reads of a tensor that hand on no gradient: ``x.detach()``, ``x.detach_()``, ``x.data``
_CUT_METHODS = frozenset({"detach", "detach_"})
_CUT_ATTRS = frozenset({"data"})
#: how deep a function that hands a parameter on to another is followed
_MAX_DEPTH = 3


def note_detached_args(interp: InterpBase, callee: Value, method: FunctionRef | None, node: ast.Call, frame: Frame) -> None:
    """Record the positions of the arguments of ``node`` that its callee (a function of the checked code, or an
    instance whose ``forward`` is ``method``) cuts from the graph; a call seen before keeps only what both cut."""
    if isinstance(callee, FunctionRef):
        cut = detached_params(interp, callee, method=False)  # called as written: `self` too, if any, is an argument
    elif isinstance(callee, Instance) and method is not None:
        cut = detached_params(interp, method, method=True)
    else:
        return
    table = frame.module.detached_args
    key = id(node)
    table[key] = table[key] & cut if key in table else cut


def detached_params(interp: InterpBase, ref: FunctionRef, method: bool, depth: int = 0) -> frozenset[int]:
    """The positions (``self`` not counted for a method) of the parameters of ``ref`` that hand on no gradient."""
    fn = ref.node
    params = [a.arg for a in (*fn.args.posonlyargs, *fn.args.args)]
    if method:
        params = params[1:]
    if depth > _MAX_DEPTH or fn.args.vararg is not None:
        return frozenset()
    table = ref.module.detached_params
    names = table.get(id(fn))
    if names is None:
        names = table[id(fn)] = frozenset(name for name in params if _cut_in_body(interp, ref, name, depth))
    return frozenset(i for i, name in enumerate(params) if name in names)


def _cut_in_body(interp: InterpBase, ref: FunctionRef, name: str, depth: int) -> bool:
    """Every read of ``name`` in the body, up to the first top-level statement that binds it again, is cut; and there
    is at least one such read."""
    body = ref.node.body
    if not isinstance(body, list):
        return False
    read = False
    for stmt in body:
        parents = {id(c): p for p in ast.walk(stmt) for c in ast.iter_child_nodes(p)}
        for n in ast.walk(stmt):
            if isinstance(n, ast.Name) and n.id == name:
                if not isinstance(n.ctx, ast.Load):
                    if stmt is not _rebinding(stmt, name):
                        return False  # bound again inside a branch or a loop: which value is read later is not known
                    continue
                if not _cut_read(interp, ref, n, parents, depth):
                    return False
                read = True
            elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)) and n is not stmt:
                if any(isinstance(m, ast.Name) and m.id == name for m in ast.walk(n)):
                    return False  # read by a nested function: not followed
        if _rebinding(stmt, name) is stmt:
            return read
    return read


def _rebinding(stmt: ast.stmt, name: str) -> ast.stmt | None:
    """``stmt`` itself when it is ``name = ...`` (one plain name as its only target), else None."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == name:
        return stmt
    if isinstance(stmt, ast.AnnAssign) and stmt.value is not None and isinstance(stmt.target, ast.Name) and stmt.target.id == name:
        return stmt
    return None


def _cut_read(interp: InterpBase, ref: FunctionRef, n: ast.Name, parents: dict[int, ast.AST], depth: int) -> bool:
    parent = parents.get(id(n))
    if isinstance(parent, ast.Attribute) and parent.value is n:
        if parent.attr in _CUT_ATTRS:
            return True
        call = parents.get(id(parent))
        return parent.attr in _CUT_METHODS and isinstance(call, ast.Call) and call.func is parent
    if isinstance(parent, ast.Call) and n in parent.args and not any(isinstance(a, ast.Starred) for a in parent.args):
        callee = interp.resolve_base(parent.func, ref.module)
        if isinstance(callee, FunctionRef) and callee.owner is None:
            return parent.args.index(n) in detached_params(interp, callee, method=False, depth=depth + 1)
    return False
