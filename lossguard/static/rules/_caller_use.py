"""What a caller does with the value a helper returns (LG006): a helper's sum of loss tensors is a
leak only when its caller is known to throw the graph away, never when it may differentiate it.

Differentiating takes many forms: ``loss.backward()``, ``torch.autograd.grad(loss, params)``,
``accelerator.backward(loss)``, ``scaler.scale(loss).backward()``, a meta-learner's
``learner.adapt(loss)``, returning it to a caller of its own. Rather than list them, the caller is
read the other way round: every use of the result, and of every name computed from it, must be
one that is known to keep no graph (``.item()``, ``.data``, ``.detach()``, ``print(...)``,
``float(...)``, ``writer.add_scalar(...)``, a comparison, an f-string, a statement that discards it), also inside a
dict, list, tuple or set display that is itself so used (``print({"valid": loss})``). Any other use (an
argument of a call the checker does not know, an attribute store, a return) may differentiate it,
so the rule stays silent. An argument of a function of the checked code that the caller names
(``summary(running)``) is followed into that function, one call deep: it drops the graph when
every use the function makes of its parameter does; handed back to the helper itself
(``running = add(running, terms)``) it is the sum being judged. AST facts only.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING

from lossguard.static.tree_index import parent_map

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo

#: The function of the checked code a call's ``func`` names, if it is known (``None`` otherwise).
Resolve = Callable[[ast.expr], "ast.FunctionDef | None"]

#: Reading one of these attributes gives a value without the graph (a number, a detached tensor).
_DROP_ATTRS = frozenset({"item", "data", "detach", "tolist", "numpy", "keys"})
#: Builtins whose result holds no graph whatever tensor they are given.
_DROP_BUILTINS = frozenset({"print", "float", "int", "round", "str", "repr", "format", "bool", "len"})
#: Methods that only record what they are given (TensorBoard's ``SummaryWriter``, ``logging``):
#: a loss handed to them is read as a number, never differentiated.
_LOGGING_METHODS = frozenset({"add_scalar", "add_scalars", "info", "debug", "warning"})
#: Tensor methods whose result is again a tensor computed from the receiver (its graph included).
_KEEP_METHODS = frozenset(
    {"mean", "sum", "view", "reshape", "squeeze", "unsqueeze", "cpu", "cuda", "to", "float", "double", "clone", "abs", "sqrt", "exp", "log"}
)


def _bound_names(target: ast.expr) -> list[str] | None:
    """The names an assignment target binds (``a``, ``a, _``); None for any other target
    (``self.total = x``, ``out["loss"] = x``: the value is stored where the caller cannot be read)."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        names: list[str] = []
        for el in target.elts:
            inner = _bound_names(el.value if isinstance(el, ast.Starred) else el)
            if inner is None:
                return None
            names += inner
        return names
    return None


def _argument_dropped(call: ast.Call, arg: ast.AST, resolve: Resolve | None, helper: ast.AST | None) -> bool:
    """``arg``, an argument of ``call``, goes to a function of the checked code that drops its
    graph: the helper being judged (the running sum handed back to be added to), or a function
    every use of whose parameter keeps no graph (followed one call deep)."""
    func = resolve(call.func) if resolve is not None else None
    if func is None:
        return False
    if func is helper:
        return True
    if arg not in call.args or any(isinstance(a, ast.Starred) for a in call.args):
        return False  # a keyword argument never reaches here (see _use); positions past a `*xs` are not known
    params = [*func.args.posonlyargs, *func.args.args]
    index = call.args.index(arg)  # type: ignore[arg-type]
    if index >= len(params):
        return False
    name = params[index].arg
    return _names_drop(func, [name], parent_map(func), None, None)


def _use(node: ast.expr, parents: dict[int, ast.AST], resolve: Resolve | None = None, helper: ast.AST | None = None) -> list[str] | None:
    """Follow ``node`` (a value holding the result) up through the expressions that keep its graph
    to where it is used. The names it is then bound to (to be followed in turn), ``[]`` when the
    use is known to drop the graph, None when it may not."""
    child: ast.AST = node
    while True:
        parent = parents.get(id(child))
        if parent is None:
            return None
        if isinstance(parent, (ast.BinOp, ast.UnaryOp, ast.IfExp)) or isinstance(parent, ast.Subscript) and parent.value is child:
            child = parent
            continue
        if isinstance(parent, ast.Dict) and child in parent.values or isinstance(parent, (ast.List, ast.Tuple, ast.Set)) and child in parent.elts:
            # `print("loss", {"valid": avg_vloss})`: a display holds the value; what happens to the display decides
            if isinstance(parent, (ast.List, ast.Tuple)) and not isinstance(parent.ctx, ast.Load):
                return None
            child = parent
            continue
        if isinstance(parent, ast.Attribute):
            if parent.attr in _DROP_ATTRS:
                return []
            call = parents.get(id(parent))
            if parent.attr in _KEEP_METHODS and isinstance(call, ast.Call) and call.func is parent:
                child = call
                continue
            return None  # loss.backward(), meter.update(...), ...: it may differentiate
        if isinstance(parent, (ast.Compare, ast.FormattedValue, ast.Expr)) or isinstance(parent, (ast.If, ast.While)) and parent.test is child:
            return []  # a bool, a string, a value discarded
        if isinstance(parent, ast.Call) and child is not parent.func:
            func = parent.func
            if isinstance(func, ast.Name) and func.id in _DROP_BUILTINS:
                return []
            if isinstance(func, ast.Attribute) and func.attr == "format" and isinstance(func.value, ast.Constant):
                return []  # "{:.3f}".format(loss)
            if isinstance(func, ast.Attribute) and func.attr in _LOGGING_METHODS:
                return []  # writer.add_scalar("val/loss", loss, epoch), logger.info(...)
            if _argument_dropped(parent, child, resolve, helper):
                return []
            return None
        if isinstance(parent, ast.Assign) and parent.value is child:
            names: list[str] = []
            for target in parent.targets:
                bound = _bound_names(target)
                if bound is None:
                    return None
                names += bound
            return names
        if isinstance(parent, ast.AugAssign) and parent.value is child:
            return _bound_names(parent.target)
        return None


def drops_result(scope: ast.AST, call: ast.Call, item: int | None = None, resolve: Resolve | None = None, helper: ast.AST | None = None) -> bool:
    """Every use ``scope`` (the caller's function or module) makes of ``call``'s result, and of the
    names computed from it, is known to keep no graph: the graphs the callee summed are waste.
    False as soon as one use may differentiate it (or stores it where it cannot be followed).
    ``item``: the sum is that item of the tuple the callee returns, so only the name it is
    unpacked into counts (``val_acc, val_loss = evaluate(...)``). ``resolve`` names the functions
    of the checked code a call reaches, ``helper`` the function that returns the sum (see
    :func:`_argument_dropped`)."""
    parents = parent_map(scope)
    assign = parents.get(id(call))
    first: list[str] | None
    if item is not None and isinstance(assign, ast.Assign) and len(assign.targets) == 1 and isinstance(assign.targets[0], ast.Tuple):
        elts = assign.targets[0].elts
        first = _bound_names(elts[item]) if item < len(elts) and not any(isinstance(e, ast.Starred) for e in elts) else None
    else:
        first = _use(call, parents, resolve, helper)
    if first is None:
        return False
    return _names_drop(scope, first, parents, resolve, helper)


def _bound_in(func: ast.AST) -> set[str]:
    """The names a nested function (or lambda) binds as its own locals: its parameters and the names
    it stores, less those it declares ``global`` or ``nonlocal``."""
    args = getattr(func, "args", None)
    bound = {a.arg for a in ast.walk(args) if isinstance(a, ast.arg)} if args is not None else set()
    declared: set[str] = set()
    for node in ast.walk(func):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            declared.update(node.names)
    return bound - declared


def _loads(scope: ast.AST) -> dict[str, list[ast.Name]]:
    """The loads of each name in ``scope`` that read the scope's own variable: a load inside a nested
    function that binds the same name reads that function's local (a helper's ``avg_loss`` is not the
    script's), and is left out."""
    out: dict[str, list[ast.Name]] = {}
    todo: list[tuple[ast.AST, frozenset[str]]] = [(scope, frozenset())]
    while todo:
        node, shadowed = todo.pop()
        for child in ast.iter_child_nodes(node):
            hidden = shadowed
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                hidden = shadowed | _bound_in(child)
            if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Load) and child.id not in shadowed:
                out.setdefault(child.id, []).append(child)
            todo.append((child, hidden))
    return out


def _names_drop(scope: ast.AST, first: list[str], parents: dict[int, ast.AST], resolve: Resolve | None, helper: ast.AST | None) -> bool:
    """Every load in ``scope`` of the names ``first``, and of the names computed from them, keeps no graph."""
    seen: set[str] = set()
    todo = list(first)
    loads: dict[str, list[ast.Name]] | None = None
    while todo:
        name = todo.pop()
        if name in seen or name == "_":
            continue
        seen.add(name)
        if loads is None:
            loads = _loads(scope)
        for use in loads.get(name, []):
            more = _use(use, parents, resolve, helper)
            if more is None:
                return False
            todo += more
    return True


def top_functions(caller: ModuleInfo, helper: ModuleInfo) -> Resolve:
    """The module-level functions a call in ``caller`` names by a plain name: its own, or one it
    imports by name (``from src.utils.util import summary``) from the helper's module."""
    own = {n.name: n for n in caller.module.body if isinstance(n, ast.FunctionDef)}
    theirs = {n.name: n for n in helper.module.body if isinstance(n, ast.FunctionDef)}
    last = helper.dotted.rsplit(".", 1)[-1]
    imported = {
        alias.asname or alias.name: alias.name
        for node in caller.module.body
        if isinstance(node, ast.ImportFrom) and node.module is not None and node.module.rsplit(".", 1)[-1] == last
        for alias in node.names
    }

    def resolve(func: ast.expr) -> ast.FunctionDef | None:
        if not isinstance(func, ast.Name):
            return None
        if func.id in own:
            return own[func.id]
        name = imported.get(func.id)
        return theirs.get(name) if name is not None else None

    return resolve
