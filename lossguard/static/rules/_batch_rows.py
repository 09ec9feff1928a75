"""A loop over the rows of one batch a function was given (LG006): it stays within one step.

``for p, t in zip(preds, targets): total += loss(p, t)`` in a loss helper adds up the per-image
losses of the one batch its caller passed in; the sum holds that batch's graph once, whatever the
caller does with it. A loop over a data source (``for x, y in loader``, ``range(epochs)``) runs a
model on every item and keeps a new graph per iteration. AST facts only, read narrowly:

- the iterable is ``zip`` of two or more of the function's parameters, ``range(len(p))``,
  ``range(p.size(0))`` / ``range(p.shape[0])`` of one, or ``enumerate`` of such a loop (a bare
  parameter, ``for x, y in loader``, is a data source as often as a batch: not read as rows);
- nothing in the loop calls a parameter it does not iterate (``model(x)``), a ``self.`` attribute
  (a model of the object), or a module-level name other than an import, a function, a class or a
  criterion (``crit = nn.CrossEntropyLoss()``; a model, ``net = Net()``, is not): no model is run
  per row;
- the sum is a local name the function starts itself, so it does not outlive the call.

The same holds one loop up (:func:`walks_one_batch`): a loop over the positions of a tensor that
the loop around it binds afresh at each iteration (``target = encode(texts)``, then ``for t in
range(1, target.shape[0]): loss += crit(decoder(...), target[t])``, a decoder's steps over one
batch), summed into a name that enclosing loop restarts (``loss = 0.0``), holds one batch's graph
and lets it go at the next batch, whatever runs per position.
"""

from __future__ import annotations

import ast
import builtins


def _params(func: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    a = func.args
    return {p.arg for p in (*a.posonlyargs, *a.args, *a.kwonlyargs)}


def _row_count_of(node: ast.expr, params: set[str]) -> str | None:
    """``len(p)``, ``p.size(0)``, ``p.shape[0]``: the parameter whose rows it counts."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" and len(node.args) == 1:
        arg = node.args[0]
        return arg.id if isinstance(arg, ast.Name) and arg.id in params else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "size":
        first = node.args[0] if len(node.args) == 1 else None
        receiver = node.func.value
        if isinstance(first, ast.Constant) and first.value == 0 and isinstance(receiver, ast.Name) and receiver.id in params:
            return receiver.id
        return None
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value == 0:
        shape = node.value
        if isinstance(shape, ast.Attribute) and shape.attr == "shape" and isinstance(shape.value, ast.Name) and shape.value.id in params:
            return shape.value.id
    return None


def _bound_only_inside(scope: ast.AST, loop: ast.For | ast.While, name: str) -> bool:
    """Every binding of ``name`` in ``scope`` is a plain assignment in ``loop``'s body (not a
    parameter, a loop target, a ``with ... as`` name, or a name bound outside the loop)."""
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)) and name in _params(scope):
        return False
    assigned = {
        id(n)
        for stmt in loop.body
        for node in ast.walk(stmt)
        if isinstance(node, ast.Assign)
        for target in node.targets
        for n in ast.walk(target)
        if isinstance(n, ast.Name)
    }
    stores = [n for n in ast.walk(scope) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)]
    return bool(stores) and all(id(n) in assigned for n in stores)


def walks_one_batch(outer: ast.stmt, inner: ast.stmt, scope: ast.AST) -> bool:
    """``inner``, the next loop inside ``outer`` (none between them), walks the positions of a tensor that ``outer``'s
    body binds afresh at each iteration: ``range(t.size(0))``, ``range(t.shape[0])`` or
    ``range(len(t))``, also from a start (``range(1, t.shape[0])``), ``t`` bound by assignments in
    ``outer``'s body only (module docstring)."""
    if not isinstance(inner, ast.For) or not isinstance(outer, (ast.For, ast.While)):
        return False
    it = inner.iter
    if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range" and len(it.args) in (1, 2) and not it.keywords):
        return False
    stop = it.args[-1]
    names = {n.id for n in ast.walk(stop) if isinstance(n, ast.Name)} - {"len"}
    if len(names) != 1:
        return False
    tensor = names.pop()
    return _row_count_of(stop, {tensor}) == tensor and _bound_only_inside(scope, outer, tensor)


def _iterated_rows(iterable: ast.expr, params: set[str]) -> set[str] | None:
    """The parameters whose rows ``iterable`` walks, None when it is not such a loop."""
    if not isinstance(iterable, ast.Call) or not isinstance(iterable.func, ast.Name) or iterable.keywords:
        return None
    name, args = iterable.func.id, iterable.args
    if name == "enumerate" and len(args) == 1:
        return _iterated_rows(args[0], params)
    if name == "zip" and len(args) >= 2 and all(isinstance(a, ast.Name) and a.id in params for a in args):
        return {a.id for a in args if isinstance(a, ast.Name)}
    if name == "range" and len(args) == 1:
        counted = _row_count_of(args[0], params)
        return {counted} if counted is not None else None
    return None


def _callee_name(call: ast.expr) -> str:
    func = call.func if isinstance(call, ast.Call) else call
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _harmless_globals(tree: ast.AST) -> tuple[set[str], set[str]]:
    """Module-level names a row loop may call: imported names, functions and classes defined in
    the module, criteria (``crit = nn.CrossEntropyLoss()``, ``cls_loss = BCELoss(20)``); and every
    other module-level name (a model, ``net = Net()``)."""
    harmless: set[str] = set()
    other: set[str] = set()
    for node in getattr(tree, "body", []):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            harmless |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            harmless.add(node.name)
        elif isinstance(node, ast.Assign):
            loss = isinstance(node.value, ast.Call) and _callee_name(node.value).lower().endswith("loss")
            for target in node.targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        (harmless if loss else other).add(name.id)
    return harmless, other - harmless


def _runs_a_model(loop: ast.For, func: ast.AST, tree: ast.AST, params: set[str], iterated: set[str]) -> bool:
    """A call in the loop that may run a model: of a parameter it does not iterate (``model(x)``),
    of a ``self.`` attribute, of a module-level name that is not an import, a function, a class or
    a criterion (``net(x)``, ``net.encode(x)``), or of a name the checker cannot place."""
    harmless, models = _harmless_globals(tree)
    local = {n.id for n in ast.walk(func) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    for node in ast.walk(loop):
        if not isinstance(node, ast.Call):
            continue
        root = node.func
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            continue  # a call on a call's result or a subscript: its receiver was read above
        name = root.id
        if name in params - iterated or name == "self" or name in models:
            return True
        if name in iterated or name in harmless or name in vars(builtins):
            continue
        if name in local and root is not node.func:
            continue  # a method of a local value (`p.sum()`, `boxes.max(dim=0)`)
        return True
    return False


def _started_outside(func: ast.AST, loop: ast.For, name: str) -> bool:
    inside = {id(n) for n in ast.walk(loop)}
    for node in ast.walk(func):
        if id(node) in inside:
            continue
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else []
        )
        if any(isinstance(n, ast.Name) and n.id == name for t in targets for n in ast.walk(t)):
            return True
    return False


def sums_rows_of_one_batch(func: ast.FunctionDef | ast.AsyncFunctionDef | None, loops: tuple[ast.stmt, ...], target: ast.expr, tree: ast.AST) -> bool:
    """``target`` is a local sum the function starts, added to in a loop whose outermost loop
    walks the rows of the parameters it was given and runs no model per row (module docstring)."""
    if func is None or not loops or not isinstance(target, ast.Name):
        return False
    outer = loops[0]
    if not isinstance(outer, ast.For):
        return False
    params = _params(func)
    iterated = _iterated_rows(outer.iter, params)
    if iterated is None or _runs_a_model(outer, func, tree, params, iterated):
        return False
    return _started_outside(func, outer, target.id)
