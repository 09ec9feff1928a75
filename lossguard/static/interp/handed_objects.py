"""Objects handed to a constructor (round 29): ``agent = Agent(4, Replay(10000, 4))`` whose ``__init__``
keeps ``self.memory = memory`` and whose ``learn`` builds a TD target from ``self.memory.sample(n)``.

A method no call reaches is analysed on the class's default instance, built with every parameter
unknown, so ``self.memory`` is unknown there; and a caller that builds the object is not always
followed into the method (it may be analysed first, or reach it only in a context past the budget).
After the files are analysed, each class of a checked file whose ``__init__`` stores a parameter as
``self.<attr> = <param>`` (a plain statement of its body), with a method that calls a method of
``self.<attr>``, is built once more with that parameter set to what the code hands it, and those
methods run on that instance, as a body analysed alone runs.

What the code hands it is read from every construction of the class in the loaded files, and each
must agree: the argument for the parameter (by position or keyword) is a call of one and the same
class of the checked code, written in place or bound to a name that its scope (a function body or a
module's top level) binds exactly once, by that assignment. Anything else leaves the parameter
unknown: no construction found, a construction that leaves the argument out (a default) or unpacks
``*args`` / ``**kwargs``, a name bound twice (an object whose class is only known on one path,
``memory = PER(...)`` under ``if`` and ``Uniform(...)`` under ``else``), two classes, or the class named
anywhere but as the callee of a call (``partial(Agent, ...)``, ``agent_cls=Agent``: constructions not
seen). With one construction, the handed object is built with its arguments as the construction's
scope knows them (a name its function binds is unknown); with several, the class's default instance."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.classes import replaced_later
from lossguard.static.interp.frame import FUNCTION_DEFS, Env, Frame, is_static, parameter_names
from lossguard.static.project import ModuleInfo
from lossguard.static.values import UNKNOWN, ClassRef, FunctionRef, Instance, Value

#: the most classes of the checked files given handed objects in one run
_MAX_CLASSES = 32


def _stored_params(init: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, str]:
    """``self.<attr> = <param>`` statements of ``init``'s own body: attribute -> parameter, for
    parameters ``init`` never binds again."""
    params = parameter_names(init, starred=False)[1:]
    rebound = {n.id for n in ast.walk(init) if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del))}
    out: dict[str, str] = {}
    for stmt in init.body:
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.value, ast.Name)):
            continue
        target, value = stmt.targets[0], stmt.value
        if (
            isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and target.value.id == "self"
            and value.id in params
            and value.id not in rebound
        ):
            out[target.attr] = value.id
    return out


def _methods_calling(cls: ast.ClassDef, attrs: set[str]) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Methods of ``cls`` (not ``__init__``) that call ``self.<attr>.<method>(...)`` for one of ``attrs``."""
    out = []
    for stmt in cls.body:
        if not isinstance(stmt, FUNCTION_DEFS) or stmt.name == "__init__" or is_static(stmt) or replaced_later(cls.body, stmt):
            continue
        if any(_self_attr_called(n, attrs) is not None for n in ast.walk(stmt)):
            out.append(stmt)
    return out


def _scopes(module: ast.Module) -> list[tuple[ast.AST, list[ast.AST]]]:
    """Each scope of ``module`` (the module, every function at any depth) with the nodes it owns
    (not those of the functions, classes and lambdas nested in it)."""
    out: list[tuple[ast.AST, list[ast.AST]]] = []
    todo: list[ast.AST] = [module]
    while todo:
        scope = todo.pop()
        owned: list[ast.AST] = []
        stack = list(ast.iter_child_nodes(scope))
        if isinstance(scope, FUNCTION_DEFS):
            stack = [*scope.body]
        elif isinstance(scope, ast.Lambda):
            stack = [scope.body]
        while stack:
            node = stack.pop()
            if isinstance(node, (*FUNCTION_DEFS, ast.Lambda)):
                owned.append(node)  # its name is bound here; its body is a scope of its own
                todo.append(node)
                stack.extend(getattr(node, "decorator_list", []))
                continue
            if isinstance(node, ast.ClassDef):
                owned.append(node)
                stack.extend(node.bases)
                stack.extend(node.body)  # a class body's statements (methods become scopes)
                continue
            owned.append(node)
            stack.extend(ast.iter_child_nodes(node))
        out.append((scope, owned))
    return out


class HandedObjectsMixin(InterpBase):
    def run_handed_objects(self, checked: set[Path], load_more: Callable[[list[str]], None] | None = None) -> None:
        """After the files are analysed: the methods of each class of a checked file that use an object
        handed to its constructor, run on an instance built with what every construction hands it.
        ``load_more(names)`` loads the files of the run not analysed (the prefilter's: a ``main.py``
        that imports no torch) that name one of the classes, so their constructions are seen."""
        candidates: list[tuple[ModuleInfo, ast.ClassDef, ast.FunctionDef | ast.AsyncFunctionDef, dict[str, str], list]] = []
        for info in list(self.project.loaded()):
            if Path(info.path).resolve() not in checked:
                continue
            for node in info.module.body:
                if not isinstance(node, ast.ClassDef):
                    continue
                init = next((s for s in node.body if isinstance(s, FUNCTION_DEFS) and s.name == "__init__"), None)
                if init is None or init.args.vararg is not None or init.args.kwarg is not None:
                    continue
                stored = _stored_params(init)
                methods = _methods_calling(node, set(stored)) if stored else []
                if methods:
                    candidates.append((info, node, init, stored, methods))
        if not candidates:
            return
        if load_more is not None:
            load_more(sorted({node.name for _, node, *_ in candidates}))
        done = 0
        for info, node, init, stored, methods in candidates:
            if done >= _MAX_CLASSES:
                return
            cls = self.module_globals(info).get(node.name)
            if not isinstance(cls, ClassRef) or cls.node is not node:
                continue
            kept = {a: p for a, p in stored.items() if not self._stored_elsewhere(a)}
            handed = self._handed(cls, init, sorted(set(kept.values()))) if kept else {}
            if not handed:
                continue
            done += 1
            inst = self.instantiate(cls, [], handed, False, 1)
            if not isinstance(inst, Instance):
                continue
            for fn in methods:
                if any(kept[a] in handed for a in _self_attrs_called(fn, set(kept))):
                    ref = FunctionRef(fn, info, cls)
                    self.call_function(ref, [], {}, self_value=inst, depth=0, standalone=not self.drives_training(fn, info))

    def _stored_elsewhere(self, attr: str) -> bool:
        """A loaded file stores ``<obj>.<attr> = ...`` on something other than ``self`` (``agent.memory =
        Other()``): the attribute may not hold what the constructor was handed."""
        store = re.compile(r"(\w+)\s*\.\s*" + re.escape(attr) + r"\s*(?:=(?!=)|[-+*/@]=)")
        for info in self.project.loaded():
            if attr in info.source and any(m.group(1) != "self" for m in store.finditer(info.source)):
                return True
        return False

    def _handed(self, cls: ClassRef, init: ast.FunctionDef | ast.AsyncFunctionDef, params: list[str]) -> dict[str, Value]:
        """Parameter -> the object every construction of ``cls`` hands it, for the ``params`` all
        constructions agree on (see the module's docstring)."""
        name = cls.node.name
        word = re.compile(r"\b" + re.escape(name) + r"\b")
        positional = parameter_names(init, starred=False)[1:]
        n_positional = len(init.args.posonlyargs) + len(init.args.args) - 1
        found: dict[str, list[tuple[ast.Call, ModuleInfo, set[str]]]] = {p: [] for p in params}
        bad: set[str] = set()
        sites = 0
        for info in self.project.loaded():
            if not word.search(info.source):
                continue
            glob = self.module_globals(info)
            for scope, owned in _scopes(info.module):
                calls = {id(n.func) for n in owned if isinstance(n, ast.Call)}
                for n in owned:
                    if not isinstance(n, (ast.Name, ast.Attribute)):
                        continue
                    ref = n.id if isinstance(n, ast.Name) else n.attr
                    if ref != name or not isinstance(n.ctx, ast.Load):
                        continue
                    if id(n) not in calls:
                        if _harmless(n, owned):
                            continue
                        return {}  # the class named as a value: constructions not seen
                    call = next(c for c in owned if isinstance(c, ast.Call) and c.func is n)
                    callee = self.ev(n, Frame(info, None), dict(glob)) if not _binds(owned, scope, name) else UNKNOWN
                    if not isinstance(callee, ClassRef):
                        return {}  # not known to be this class (nor another): unsure
                    if callee.node is not cls.node:
                        continue  # another class of the same name
                    sites += 1
                    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
                        return {}
                    for p in params:
                        arg = next((k.value for k in call.keywords if k.arg == p), None)
                        if arg is None and p in positional[:n_positional]:
                            i = positional.index(p)
                            arg = call.args[i] if i < len(call.args) else None
                        built = _built_by(arg, owned, scope) if arg is not None else None
                        if built is None:
                            bad.add(p)
                        else:
                            found[p].append((built, info, _bound_names(owned, scope)))
        if not sites:
            return {}
        out: dict[str, Value] = {}
        for p in params:
            if p in bad or not found[p]:
                continue
            values: list[tuple[ClassRef, ast.Call, ModuleInfo, set[str]]] = []
            for built, info, local in found[p]:
                glob = self.module_globals(info)
                callee = self.ev(built.func, Frame(info, None), dict(glob)) if _root_name(built.func) not in local else UNKNOWN
                if not isinstance(callee, ClassRef):
                    values = []
                    break
                values.append((callee, built, info, local))
            if not values or len({id(c.node) for c, *_ in values}) != 1:
                continue
            if len(values) == 1:
                callee, built, info, local = values[0]
                env: Env = {**self.module_globals(info), **dict.fromkeys(local, UNKNOWN)}
                val = self.ev(built, Frame(info, None), env)
            else:
                val = self._default_instance(values[0][0])
            if isinstance(val, Instance):
                out[p] = val
        return out


def _self_attr_called(node: ast.AST, attrs: set[str]) -> str | None:
    """``attr`` when ``node`` is a call ``self.<attr>.<method>(...)`` for one of ``attrs``."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr in attrs
        and isinstance(node.func.value.value, ast.Name)
        and node.func.value.value.id == "self"
    ):
        return node.func.value.attr
    return None


def _self_attrs_called(fn: ast.AST, attrs: set[str]) -> set[str]:
    return {attr for n in ast.walk(fn) if (attr := _self_attr_called(n, attrs)) is not None}


def _harmless(ref: ast.expr, owned: list[ast.AST]) -> bool:
    """``super(Name, self)``, ``isinstance(x, Name)``, ``issubclass(c, Name)``: the class named, not handed on."""
    for n in owned:
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("super", "isinstance", "issubclass"):
            if any(a is ref for a in n.args) or any(isinstance(a, ast.Tuple) and any(e is ref for e in a.elts) for a in n.args):
                return True
    return False


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _bound_names(owned: list[ast.AST], scope: ast.AST) -> set[str]:
    """The names a function scope binds (its parameters and stores); none for a module's top level,
    whose names are its globals."""
    if not isinstance(scope, (*FUNCTION_DEFS, ast.Lambda)):
        return set()
    names = set(parameter_names(scope))
    for n in owned:
        if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
            names.add(n.id)
        elif isinstance(n, (*FUNCTION_DEFS, ast.ClassDef)):
            names.add(n.name)
        elif isinstance(n, ast.alias):
            names.add((n.asname or n.name).split(".")[0])
    return names


def _binds(owned: list[ast.AST], scope: ast.AST, name: str) -> bool:
    return name in _bound_names(owned, scope)


def _changed(name: str, owned: list[ast.AST]) -> bool:
    """The object ``name`` holds may be changed after it is built: a store into one of its attributes
    or items (``net.fc = nn.Linear(512, 1)``), or ``setattr(name, ...)``."""
    for n in owned:
        if isinstance(n, (ast.Attribute, ast.Subscript)) and isinstance(n.ctx, (ast.Store, ast.Del)):
            root = n.value
            while isinstance(root, (ast.Attribute, ast.Subscript)):
                root = root.value
            if isinstance(root, ast.Name) and root.id == name:
                return True
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("setattr", "delattr"):
            if n.args and isinstance(n.args[0], ast.Name) and n.args[0].id == name:
                return True
    return False


def _built_by(arg: ast.expr, owned: list[ast.AST], scope: ast.AST) -> ast.Call | None:
    """The call that builds the object ``arg`` hands: ``arg`` itself, or the value of the one
    assignment that binds the name ``arg`` in its scope (no other binding of the name there, and not
    a parameter or a ``global`` / ``nonlocal`` name)."""
    if isinstance(arg, ast.Call):
        return arg
    if not isinstance(arg, ast.Name):
        return None
    if isinstance(scope, (*FUNCTION_DEFS, ast.Lambda)) and arg.id in parameter_names(scope):
        return None
    bindings = [n for n in owned if isinstance(n, ast.Name) and n.id == arg.id and isinstance(n.ctx, (ast.Store, ast.Del))]
    others = [
        n
        for n in owned
        if isinstance(n, (ast.Global, ast.Nonlocal))
        and arg.id in n.names
        or isinstance(n, (*FUNCTION_DEFS, ast.ClassDef))
        and n.name == arg.id
        or isinstance(n, ast.alias)
        and (n.asname or n.name).split(".")[0] == arg.id
    ]
    if len(bindings) != 1 or others or _changed(arg.id, owned):
        return None
    assign = next(
        (n for n in owned if isinstance(n, ast.Assign) and len(n.targets) == 1 and n.targets[0] is bindings[0]),
        None,
    )
    if assign is None or not isinstance(assign.value, ast.Call):
        return None
    return assign.value
