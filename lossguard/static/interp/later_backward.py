"""A loss back-propagated a few statements after it is bound holds a graph from the start.

Round 25 (mutations of real code, wvangansbeke/Unsupervised-Classification): a SimCLR loop logs its loss
before it back-propagates it::

    loss = criterion(output)
    losses.update(loss)          # an AverageMeter: `self.sum += val * n`
    optimizer.zero_grad()
    loss.backward()

``criterion`` is one of the project's own loss classes picked by a setting, so its value is not known
and the meter's running sum kept nothing the checker could call a graph; only the later ``backward()``
says what the loss is. ``backward()`` runs only on a tensor that holds a graph, and a graph is made with
the tensor: the value bound by ``name = ...`` already held it. Where a later statement of the same
block, with nothing binding the name in between, is ``name.backward(...)`` (or
``scaler.scale(name).backward()``), a value the interpreter does not know is bound as a tensor holding
a graph, and a known tensor is marked as holding one. Only statements of the same block count: a
backward under an ``if`` or in another block may not run, and the name may not be a tensor there.
"""

from __future__ import annotations

import ast

from lossguard.static.values import Dtype, Tensor, Unknown, Value

#: what GradScaler-style wrappers call the method that hands back the loss they scale
_SCALE = "scale"


def backpropagated_later(stmts: list[ast.stmt]) -> frozenset[int]:
    """Ids of the ``name = ...`` statements of ``stmts`` whose name a later statement of ``stmts``
    back-propagates, with no binding of the name in between."""
    found: set[int] = set()
    # most blocks back-propagate nothing: only their names are looked for, each statement read once
    backpropagated = [_backpropagated_name(stmt) for stmt in stmts]
    names = set(backpropagated) - {None}
    if not names:
        return frozenset()
    for i, stmt in enumerate(stmts):
        name = _bound_name(stmt)
        if name is None or name not in names:
            continue
        for j in range(i + 1, len(stmts)):
            if backpropagated[j] == name:
                found.add(id(stmt))
                break
            if _binds(stmts[j], name):
                break
    return frozenset(found)


def holding_graph(value: Value) -> Value | None:
    """``value`` as the tensor with a graph a later ``backward()`` says it is; None when it is known to
    be something the checker should not override (a model, a list, a number)."""
    if isinstance(value, Unknown):
        return Tensor(dtype=Dtype.FLOAT, graph=True)
    if isinstance(value, Tensor) and not value.graph and not value.numpy:
        return value.with_(graph=True)
    return None


def _bound_name(stmt: ast.stmt) -> str | None:
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
        return stmt.targets[0].id
    return None


def _backpropagated_name(stmt: ast.stmt) -> str | None:
    """The name ``stmt`` back-propagates, when it is ``name.backward(...)`` or ``<scaler>.scale(name).backward(...)``."""
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return None
    func = stmt.value.func
    if not (isinstance(func, ast.Attribute) and func.attr == "backward"):
        return None
    receiver = func.value
    if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute) and receiver.func.attr == _SCALE:
        receiver = receiver.args[0] if len(receiver.args) == 1 and not receiver.keywords else receiver
    return receiver.id if isinstance(receiver, ast.Name) else None


def _binds(stmt: ast.stmt, name: str) -> bool:
    """``stmt`` may rebind ``name`` (an assignment, a loop or ``with`` target, ``del``, an import, a
    nested definition of that name)."""
    for node in ast.walk(stmt):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, (ast.Store, ast.Del)):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            return True
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any((a.asname or a.name).split(".")[0] == name for a in node.names):
            return True
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return True
    return False
