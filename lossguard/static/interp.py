"""The abstract interpreter: follows values through statements, calls, classes and files.

It runs each function body once per distinct abstract input (memoised), keeps what every
path agrees on (see :func:`values.join`), and reports events to the rules as it goes. It
never executes user code and never imports torch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

import ast

from lossguard.static import torch_api as api
from lossguard.static.events import Accumulate, Arg, Backward, Context, LoopSummary, LossCall, TorchCall
from lossguard.static.project import ModuleInfo, Project, canonical, resolve_relative
from lossguard.static.tensor_ops import (
    _KEEP_DTYPE,
    _apply_layer,
    _binop,
    _constructor,
    _conversion_target,
    _ctor_options,
    _dim_of,
    _dtype_of,
    _functional_options,
    _reshape,
    _tensor_of,
    has_star,
)
from lossguard.static.values import (
    PARAM,
    UNKNOWN,
    Act,
    ParamUnknown,
    BoundMethod,
    ClassRef,
    Const,
    DictVal,
    Dim,
    Dtype,
    External,
    FunctionRef,
    INT,
    Instance,
    Layer,
    LazyImport,
    LossSpec,
    Optimizer,
    PretrainedModel,
    QualName,
    SequentialVal,
    Shape,
    Site,
    Tensor,
    TupleVal,
    Unknown,
    Value,
    join,
)

Env = dict[str, Value]
Sink = Callable[[object], None]

MAX_DEPTH = 6
_MODULE_BASES = {"torch.nn.Module", "torch.nn.modules.module.Module"}
_MODULE_MUTATORS = {"add_module", "append", "extend", "insert", "register_module", "__setitem__"}
_MODULE_SELF_METHODS = {"to", "cuda", "cpu", "train", "eval", "float", "double", "half", "bfloat16", "requires_grad_", "apply", "type", "share_memory", "to_empty"}
_FUNCTION_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


class _Closure:
    """The names a lambda sees (compared by identity, so lambdas stay hashable)."""

    def __init__(self, env: Env) -> None:
        self.env = env


@dataclass(frozen=True, eq=False)
class LambdaRef(Value):
    node: ast.Lambda
    module: ModuleInfo
    closure: _Closure

    def __hash__(self) -> int:
        return id(self.node)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LambdaRef) and other.node is self.node


class _Super(Value):
    def __init__(self, cls: ClassRef, self_value: Value) -> None:
        self.cls = cls
        self.self_value = self_value


class Frame:
    """The state of one function body being interpreted."""

    __slots__ = ("module", "func", "scope", "self_value", "is_init", "loops", "no_grad", "returns", "loop_calls", "depth", "owner", "called", "callsite")

    def __init__(
        self,
        module: ModuleInfo,
        func: FunctionNode | None,
        self_value: Value | None = None,
        is_init: bool = False,
        no_grad: bool = False,
        depth: int = 0,
        owner: ClassRef | None = None,
        called: bool = True,
    ) -> None:
        self.called = called  # reached from code that runs (module level or a caller), not analysed alone
        self.callsite: tuple[ModuleInfo, ast.Call] | None = None  # the call this body is analysed for
        self.module = module
        self.func = func
        self.scope = id(func) if func is not None else id(module.module)
        self.self_value = self_value
        self.is_init = is_init
        self.loops: list[ast.stmt] = []
        self.no_grad = no_grad
        self.returns: list[Value] = []
        self.loop_calls: list[list[tuple[str, Value, ast.AST]]] = []
        self.depth = depth
        self.owner = owner

    def ctx(self) -> Context:
        return Context(self.module, self.func, self.scope, tuple(self.loops), self.no_grad, self.called, self.callsite)


class Interpreter:
    def __init__(self, project: Project, sink: Sink) -> None:
        self.project = project
        self.sink = sink
        self._memo: dict[tuple, Value] = {}
        self._in_progress: set[tuple] = set()
        self.covered: set[int] = set()  # ids of function nodes interpreted in some context
        self._default_instances: dict[int, Instance] = {}
        self._volatile_attrs: dict[int, frozenset[str]] = {}
        self._defaults: dict[int, dict[str, Value]] = {}
        self._closures: dict[int, Env] = {}
        self._model_candidates: dict[int, list[ClassRef]] = {}
        self._class_envs: dict[int, Env] = {}
        self._instances: dict[tuple, Instance] = {}
        self._lazy: dict[tuple, Value] = {}

    # ------------------------------------------------------------------ modules
    def module_globals(self, info: ModuleInfo) -> Env:
        """Interpret a module's top level once, and return its global names."""
        if info.globals is not None:
            return info.globals
        env: Env = {}
        info.globals = env  # visible (partially) to import cycles
        info.analyzing = True
        frame = Frame(info, None)
        try:
            self.exec_block(info.module.body, frame, env)
        finally:
            info.analyzing = False
        return env

    def analyze_module(self, info: ModuleInfo) -> None:
        """Interpret the module, then every function and method no call has reached."""
        env = self.module_globals(info)
        for fn, owner in _all_functions(info.module):
            if id(fn) in self.covered:
                continue
            if owner is not None:
                cls_val = self._class_value(owner, info, env)
                if cls_val is None:
                    continue
                self_value: Value | None = self._default_instance(cls_val) if not _is_static(fn) else None
                ref = FunctionRef(fn, info, cls_val)
            else:
                self_value = None
                ref = FunctionRef(fn, info, None)
            # a function that calls backward() cannot be running under no_grad: treat it as called
            self.call_function(ref, [], {}, self_value=self_value, depth=0, standalone=not info.facts.function(fn).calls_backward)

    def _class_value(self, node: ast.ClassDef, info: ModuleInfo, env: Env) -> ClassRef | None:
        val = env.get(node.name)
        if isinstance(val, ClassRef) and val.node is node:
            return val
        return ClassRef(node, info)

    # ------------------------------------------------------------------ statements
    def exec_block(self, stmts: Iterable[ast.stmt], frame: Frame, env: Env) -> bool:
        """Interpret statements in order; True if the block always ends in return/raise/break/continue."""
        for stmt in stmts:
            if self.exec_stmt(stmt, frame, env):
                return True
        return False

    def exec_stmt(self, stmt: ast.stmt, frame: Frame, env: Env) -> bool:
        if isinstance(stmt, ast.Assign):
            self._exec_assign(stmt, frame, env)
            return False
        if isinstance(stmt, ast.Expr):
            self.ev(stmt.value, frame, env)
            return False
        if isinstance(stmt, ast.AugAssign):
            current = self.ev(stmt.target, frame, env)
            added = self.ev(stmt.value, frame, env)
            if isinstance(stmt.op, (ast.Add, ast.Sub)):
                self.sink(Accumulate(stmt, stmt.target, added, frame.ctx()))
            self.bind(stmt.target, _binop(current, added, stmt.op), frame, env)
            return False
        if isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                self.bind(stmt.target, self.ev(stmt.value, frame, env), frame, env)
            return False
        if isinstance(stmt, ast.Return):
            frame.returns.append(self.ev(stmt.value, frame, env) if stmt.value is not None else Const(None))
            return True
        if isinstance(stmt, ast.Raise):
            if stmt.exc is not None:
                self.ev(stmt.exc, frame, env)
            return True
        if isinstance(stmt, (ast.Break, ast.Continue)):
            return True
        if isinstance(stmt, _FUNCTION_DEFS):
            env[stmt.name] = FunctionRef(stmt, frame.module, None)
            if frame.func is not None:
                self._closures[id(stmt)] = dict(env)
            return False
        if isinstance(stmt, ast.ClassDef):
            env[stmt.name] = ClassRef(stmt, frame.module)
            return False
        if isinstance(stmt, ast.If):
            return self._exec_if(stmt, frame, env)
        if isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)):
            self._exec_loop(stmt, frame, env)
            return False
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            return self._exec_with(stmt, frame, env)
        if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            return self._exec_try(stmt, frame, env)
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname is not None:
                    env[alias.asname] = self._import_value(alias.name, frame.module)
                else:
                    root = alias.name.split(".")[0]
                    env[root] = self._import_value(root, frame.module)
            return False
        if isinstance(stmt, ast.ImportFrom):
            self._exec_import_from(stmt, frame, env)
            return False
        if type(stmt).__name__ == "Match":
            self._exec_match(stmt, frame, env)
            return False
        return False  # pass, del, global, nonlocal, type aliases

    def _exec_assign(self, stmt: ast.Assign, frame: Frame, env: Env) -> None:
        rhs = stmt.value
        if isinstance(rhs, ast.BinOp) and isinstance(rhs.op, (ast.Add, ast.Sub)):
            # `acc = acc + x`: an accumulation of x into acc
            left, right = self.ev(rhs.left, frame, env), self.ev(rhs.right, frame, env)
            for t in stmt.targets:
                if _same_expr(rhs.left, t):
                    self.sink(Accumulate(stmt, t, right, frame.ctx()))
                elif _same_expr(rhs.right, t):
                    self.sink(Accumulate(stmt, t, left, frame.ctx()))
            value = _binop(left, right, rhs.op)
        else:
            value = self.ev(rhs, frame, env)
        for t in stmt.targets:
            self.bind(t, value, frame, env)

    def _exec_if(self, stmt: ast.If, frame: Frame, env: Env) -> bool:
        self.ev(stmt.test, frame, env)
        body_env = dict(env)
        body_term = self.exec_block(stmt.body, frame, body_env)
        else_env = dict(env)
        else_term = self.exec_block(stmt.orelse, frame, else_env)
        live = [e for e, t in ((body_env, body_term), (else_env, else_term)) if not t]
        if not live:
            return True
        _replace_env(env, _join_envs(live))
        return False

    def _exec_loop(self, stmt: ast.For | ast.AsyncFor | ast.While, frame: Frame, env: Env) -> None:
        before = dict(env)
        if isinstance(stmt, ast.While):
            self.ev(stmt.test, frame, env)
        else:
            self.ev(stmt.iter, frame, env)
            self.bind(stmt.target, self._loop_item(stmt.iter, frame, env), frame, env)
        frame.loops.append(stmt)
        frame.loop_calls.append([])
        try:
            self.exec_block(stmt.body, frame, env)
        finally:
            frame.loops.pop()
            calls = frame.loop_calls.pop()
        if frame.loop_calls:
            frame.loop_calls[-1].extend(calls)
        self.sink(LoopSummary(stmt, tuple(calls), frame.ctx()))
        _replace_env(env, _join_envs([before, env]))
        if stmt.orelse:
            self.exec_block(stmt.orelse, frame, env)

    def _loop_item(self, iterable: ast.expr, frame: Frame, env: Env) -> Value:
        """What each iteration binds: the values of ``d.values()`` / ``d.items()`` when ``d`` is a
        literal dict whose values agree (a dict of loss terms); unknown otherwise."""
        if not (
            isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute) and iterable.func.attr in ("values", "items")
            and not iterable.args and not iterable.keywords and isinstance(iterable.func.value, ast.Name)
        ):
            return UNKNOWN
        d = self.lookup(iterable.func.value.id, frame, env)
        if not isinstance(d, DictVal) or not d.items:
            return UNKNOWN
        item = d.items[0][1]
        for _, v in d.items[1:]:
            item = join(item, v)
        return item if iterable.func.attr == "values" else TupleVal((UNKNOWN, item))

    def _exec_with(self, stmt: ast.With | ast.AsyncWith, frame: Frame, env: Env) -> bool:
        no_grad = frame.no_grad
        for item in stmt.items:
            expr = item.context_expr
            callee = self.ev(expr.func if isinstance(expr, ast.Call) else expr, frame, env)
            if isinstance(expr, ast.Call):
                self._args(expr, frame, env)
            if isinstance(callee, QualName) and callee.name in api.NO_GRAD_CONTEXTS:
                no_grad = True
            if item.optional_vars is not None:
                self.bind(item.optional_vars, UNKNOWN, frame, env)
        saved = frame.no_grad
        frame.no_grad = no_grad
        try:
            return self.exec_block(stmt.body, frame, env)
        finally:
            frame.no_grad = saved

    def _exec_try(self, stmt: Any, frame: Frame, env: Env) -> bool:
        before = dict(env)
        body_term = self.exec_block(stmt.body, frame, env)
        outcomes = [] if body_term else [dict(env)]
        if stmt.orelse and not body_term:
            self.exec_block(stmt.orelse, frame, outcomes[0])
        for handler in stmt.handlers:
            h_env = _join_envs([before, env])
            if handler.type is not None:
                self.ev(handler.type, frame, h_env)
            if handler.name is not None:
                h_env[handler.name] = UNKNOWN
            if not self.exec_block(handler.body, frame, h_env):
                outcomes.append(h_env)
        terminated = not outcomes
        if outcomes:
            _replace_env(env, _join_envs(outcomes))
        if stmt.finalbody:
            terminated = self.exec_block(stmt.finalbody, frame, env) or terminated
        return terminated

    def _exec_match(self, stmt: Any, frame: Frame, env: Env) -> None:
        self.ev(stmt.subject, frame, env)
        outcomes = []
        for case in stmt.cases:
            c_env = dict(env)
            for name in _pattern_names(case.pattern):
                c_env[name] = UNKNOWN
            if case.guard is not None:
                self.ev(case.guard, frame, c_env)
            if not self.exec_block(case.body, frame, c_env):
                outcomes.append(c_env)
        outcomes.append(dict(env))
        _replace_env(env, _join_envs(outcomes))

    def _exec_import_from(self, stmt: ast.ImportFrom, frame: Frame, env: Env) -> None:
        level = stmt.level or 0
        base = stmt.module or ""
        if level:
            base = resolve_relative(frame.module, level, base)
        if len(stmt.names) == 1 and stmt.names[0].name == "*":
            target = self.project.find_module(base, frame.module) if not _is_external(base) else None
            if target is not None and target is not frame.module:
                env.update({k: v for k, v in self.module_globals(target).items() if not k.startswith("_")})
            else:
                frame.module.star_imports.append(base)
            return
        for alias in stmt.names:
            env[alias.asname or alias.name] = self._from_import_value(base, alias.name, frame.module, relative=bool(level))

    def _import_value(self, dotted: str, importer: ModuleInfo) -> Value:
        return QualName(canonical(dotted))

    def _from_import_value(self, base: str, name: str, importer: ModuleInfo, relative: bool) -> Value:
        full = f"{base}.{name}" if base else name
        if _is_external(base) and not relative:
            return QualName(canonical(full))
        return LazyImport(base, name, relative, importer)

    def resolve(self, val: Value, depth: int = 0) -> Value:
        """The value behind a lazy import (parsing the imported file on first use)."""
        if not isinstance(val, LazyImport):
            return val
        key = (id(val.importer), val.base, val.name)
        cached = self._lazy.get(key)
        if cached is not None:
            return cached
        if depth > 8:
            return UNKNOWN
        self._lazy[key] = UNKNOWN  # import cycles resolve to unknown
        result = self.resolve(self._import_now(val.base, val.name, val.importer), depth + 1)
        self._lazy[key] = result
        return result

    def _import_now(self, base: str, name: str, importer: ModuleInfo) -> Value:
        full = f"{base}.{name}" if base else name
        target = self.project.find_module(base, importer)
        if target is not None and target is not importer:
            if target.analyzing:
                val = (target.globals or {}).get(name)
                return val if val is not None else UNKNOWN
            val = self.module_globals(target).get(name)
            if val is not None:
                return val
        sub = self.project.find_module(full, importer)
        if sub is not None:
            return QualName(full)
        return QualName(canonical(full))

    # ------------------------------------------------------------------ binding
    def bind(self, target: ast.expr, value: Value, frame: Frame, env: Env) -> None:
        if isinstance(target, ast.Name):
            env[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            elements = target.elts
            if isinstance(value, TupleVal) and len(value.items) == len(elements) and not any(isinstance(e, ast.Starred) for e in elements):
                for el, item in zip(elements, value.items):
                    self.bind(el, item, frame, env)
            else:
                for el in elements:
                    self.bind(el, UNKNOWN, frame, env)
        elif isinstance(target, ast.Attribute):
            if _is_self(target.value, frame):
                key = "self." + target.attr
                env[key] = value
                if frame.is_init and isinstance(frame.self_value, Instance):
                    frame.self_value.attrs[target.attr] = value
            elif target.attr == "grad" and frame.loop_calls:
                for calls in frame.loop_calls:
                    calls.append(("<set-grad>", UNKNOWN, target))
            else:
                self.ev(target.value, frame, env)
                self._forget_modified_model(target.value, frame, env)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, UNKNOWN, frame, env)
        elif isinstance(target, ast.Subscript):
            self.ev(target.value, frame, env)
            self.ev(target.slice, frame, env)
            self._forget_modified_model(target.value, frame, env)

    def _forget_modified_model(self, expr: ast.expr, frame: Frame, env: Env) -> None:
        """``model.fc = nn.Sequential(...)`` replaces a layer: the model's output is no longer known."""
        root = expr
        owner: ast.expr = expr
        while isinstance(root, (ast.Attribute, ast.Subscript)):
            owner, root = root, root.value
        if isinstance(root, ast.Name) and root.id == "self" and isinstance(owner, ast.Attribute) and frame.self_value is not None:
            # self.backbone.fc = ...: the attribute self.backbone now holds a changed model
            key = "self." + owner.attr
            if isinstance(env.get(key), (Instance, PretrainedModel, SequentialVal)) or isinstance(
                frame.self_value, Instance
            ) and isinstance(frame.self_value.attrs.get(owner.attr), (Instance, PretrainedModel, SequentialVal)):
                env[key] = UNKNOWN
                if isinstance(frame.self_value, Instance) and owner.attr in frame.self_value.attrs:
                    frame.self_value.attrs[owner.attr] = UNKNOWN
        elif isinstance(root, ast.Name) and root.id != "self":
            if isinstance(env.get(root.id), (Instance, PretrainedModel, SequentialVal)):
                env[root.id] = UNKNOWN
            elif frame.module.globals is not None and isinstance(frame.module.globals.get(root.id), (Instance, PretrainedModel, SequentialVal)):
                frame.module.globals[root.id] = UNKNOWN

    # ------------------------------------------------------------------ expressions
    def lookup(self, name: str, frame: Frame, env: Env) -> Value:
        if name in env:
            return self.resolve(env[name])
        if frame.func is not None:
            closure = self._closures.get(id(frame.func))
            if closure is not None and name in closure:
                return self.resolve(closure[name])
        glob = frame.module.globals
        if glob is not None and glob is not env and name in glob:
            return self.resolve(glob[name])
        if name in ("True", "False", "None"):
            return Const({"True": True, "False": False, "None": None}[name])
        for star in frame.module.star_imports:
            if star.startswith("torch"):
                return QualName(canonical(f"{star}.{name}"))
        return UNKNOWN

    def ev(self, node: ast.expr | None, frame: Frame, env: Env) -> Value:
        if node is None:
            return UNKNOWN
        if isinstance(node, ast.Name):
            return self.lookup(node.id, frame, env)
        if isinstance(node, ast.Call):
            return self.ev_call(node, frame, env)
        if isinstance(node, ast.Attribute):
            if _is_self(node.value, frame) and ("self." + node.attr) in env:
                return env["self." + node.attr]
            return self.attribute(self.ev(node.value, frame, env), node.attr, frame)
        if isinstance(node, ast.Constant):
            literal = node.value
            if literal is Ellipsis or isinstance(literal, complex):
                return UNKNOWN
            return Const(literal)
        if isinstance(node, ast.BinOp):
            return _binop(self.ev(node.left, frame, env), self.ev(node.right, frame, env), node.op)
        if isinstance(node, ast.UnaryOp):
            val = self.ev(node.operand, frame, env)
            if isinstance(node.op, ast.USub):
                if isinstance(val, Const) and isinstance(val.value, (int, float)):
                    return Const(-val.value)
                if isinstance(val, Tensor):
                    return val.with_(act=Act.LOGITS if val.act is Act.LOGITS else None, act_site=val.act_site if val.act is Act.LOGITS else None)
            return UNKNOWN
        if isinstance(node, (ast.Tuple, ast.List)):
            items = tuple(self.ev(el, frame, env) for el in node.elts)
            if any(isinstance(el, ast.Starred) for el in node.elts):
                return UNKNOWN
            return TupleVal(items)
        if isinstance(node, ast.Subscript):
            return self._subscript(node, frame, env)
        if isinstance(node, ast.IfExp):
            self.ev(node.test, frame, env)
            return join(self.ev(node.body, frame, env), self.ev(node.orelse, frame, env))
        if isinstance(node, ast.Compare):
            left = self.ev(node.left, frame, env)
            rights = [self.ev(c, frame, env) for c in node.comparators]
            if isinstance(left, Tensor) or any(isinstance(r, Tensor) for r in rights):
                if all(isinstance(op, (ast.Lt, ast.Gt, ast.LtE, ast.GtE, ast.Eq, ast.NotEq)) for op in node.ops):
                    shape = left.shape if isinstance(left, Tensor) else None
                    return Tensor(dtype=Dtype.BOOL, shape=shape)
            return UNKNOWN
        if isinstance(node, ast.BoolOp):
            result = self.ev(node.values[0], frame, env)
            for v in node.values[1:]:
                result = join(result, self.ev(v, frame, env))
            return result
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            return self._comprehension(node, frame, env)
        if isinstance(node, ast.NamedExpr):
            val = self.ev(node.value, frame, env)
            self.bind(node.target, val, frame, env)
            return val
        if isinstance(node, (ast.Await, ast.Yield, ast.YieldFrom)):
            if node.value is not None:
                self.ev(node.value, frame, env)
            return UNKNOWN
        if isinstance(node, ast.Dict):
            entries: dict[str, Value] = {}
            literal = True
            for key_node, value_node in zip(node.keys, node.values):
                item = self.ev(value_node, frame, env)
                if key_node is not None:
                    key = self.ev(key_node, frame, env)
                    if isinstance(key, Const) and isinstance(key.value, str):
                        entries[key.value] = item
                        continue
                literal = False
            return DictVal(tuple(sorted(entries.items()))) if literal else UNKNOWN
        if isinstance(node, ast.Set):
            for element in node.elts:
                self.ev(element, frame, env)
            return UNKNOWN
        if isinstance(node, ast.JoinedStr):
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    self.ev(part.value, frame, env)
            return UNKNOWN
        if isinstance(node, ast.Lambda):
            return LambdaRef(node, frame.module, _Closure(dict(env)))
        if isinstance(node, ast.Starred):
            self.ev(node.value, frame, env)
            return UNKNOWN
        if isinstance(node, ast.Slice):
            for bound in (node.lower, node.upper, node.step):
                if bound is not None:
                    self.ev(bound, frame, env)
            return UNKNOWN
        return UNKNOWN

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp, frame: Frame, env: Env) -> Value:
        inner = dict(env)
        for comp in node.generators:
            self.ev(comp.iter, frame, inner)
            self.bind(comp.target, UNKNOWN, frame, inner)
            for cond in comp.ifs:
                self.ev(cond, frame, inner)
        if isinstance(node, ast.DictComp):
            self.ev(node.key, frame, inner)
            self.ev(node.value, frame, inner)
        else:
            self.ev(node.elt, frame, inner)
        return UNKNOWN

    def _subscript(self, node: ast.Subscript, frame: Frame, env: Env) -> Value:
        base = self.ev(node.value, frame, env)
        single = not isinstance(node.slice, ast.Tuple)
        if isinstance(node.value, ast.Attribute) and node.value.attr == "shape" and single and not isinstance(node.slice, ast.Slice):
            self.ev(node.slice, frame, env)
            return INT
        index: Value = UNKNOWN
        for el in node.slice.elts if isinstance(node.slice, ast.Tuple) else (node.slice,):
            value = self.ev(el, frame, env)
            if not isinstance(el, ast.Slice):
                index = value
        if isinstance(base, DictVal) and single and isinstance(index, Const) and isinstance(index.value, str):
            return dict(base.items).get(index.value, UNKNOWN)
        if isinstance(base, TupleVal) and single and isinstance(index, Const) and isinstance(index.value, int) and not isinstance(index.value, bool):
            i = index.value
            if -len(base.items) <= i < len(base.items):
                return base.items[i]
            return UNKNOWN
        if isinstance(base, Tensor):
            shape = None
            if base.shape is not None and base.shape.rank_known and single and isinstance(node.slice, ast.Slice) and base.shape.dims:
                shape = Shape((None, *base.shape.dims[1:]))  # x[a:b] keeps every axis
            return Tensor(act=base.act, act_site=base.act_site, dtype=base.dtype, shape=shape, graph=base.graph)
        if isinstance(base, SequentialVal) and isinstance(index, Const) and isinstance(index.value, int):
            try:
                return base.layers[index.value]
            except IndexError:
                return UNKNOWN
        return UNKNOWN

    def attribute(self, base: Value, name: str, frame: Frame) -> Value:
        if isinstance(base, QualName):
            return QualName(canonical(f"{base.name}.{name}"))
        if isinstance(base, Instance):
            if name in base.attrs:
                return base.attrs[name]
            method = self._find_method(base.cls, name)
            if method is not None:
                if _has_decorator(method.node, "property"):
                    return self.call_function(method, [], {}, self_value=base, depth=frame.depth + 1)
                return BoundMethod(method, base)
            return self._class_attr(base.cls, name)
        if isinstance(base, _Super):
            for parent in self._bases(base.cls)[1:]:
                if isinstance(parent, ClassRef):
                    method = self._own_method(parent, name)
                    if method is not None:
                        return BoundMethod(method, base.self_value)
            return UNKNOWN
        if isinstance(base, ClassRef):
            method = self._find_method(base, name)
            return method if method is not None else UNKNOWN
        if isinstance(base, Tensor):
            if name == "data":
                return base.with_(graph=False, unreduced=False)
            if name in ("T", "mT"):
                return base.with_(shape=None)
            if name == "device":
                return External("torch.device")
            return UNKNOWN
        return UNKNOWN

    # ------------------------------------------------------------------ calls
    def _args(self, node: ast.Call, frame: Frame, env: Env) -> tuple[list[Value], dict[str, Value], bool]:
        pos: list[Value] = []
        kw: dict[str, Value] = {}
        starred = False
        for a in node.args:
            val = self.ev(a, frame, env)
            if isinstance(a, ast.Starred):
                starred = True
            else:
                pos.append(val)
        for k in node.keywords:
            val = self.ev(k.value, frame, env)
            if k.arg is None:
                starred = True
            else:
                kw[k.arg] = val
        return pos, kw, starred

    def ev_call(self, node: ast.Call, frame: Frame, env: Env) -> Value:
        func = node.func
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name) and func.value.func.id == "super" and frame.owner is not None and frame.self_value is not None:
                receiver: Value = _Super(frame.owner, frame.self_value)
            else:
                receiver = self.ev(func.value, frame, env)
            name = func.attr
            if frame.loop_calls:
                for calls in frame.loop_calls:
                    calls.append((name, receiver, node))
            if isinstance(receiver, (Tensor, Unknown, Const, TupleVal)):
                pos, kw, starred = self._args(node, frame, env)
                result = self._value_method(receiver, name, node, pos, kw, frame, env)
                if isinstance(receiver, Tensor) and _rewrites_values(name) and (
                    isinstance(func.value, ast.Name) or isinstance(func.value, ast.Attribute) and _is_self(func.value.value, frame)
                ):
                    # target.fill_(...), .scatter_(...): the tensor now holds other numbers
                    after = result if name in ("sigmoid_",) else receiver.with_(act=None, act_site=None)
                    self.bind(func.value, after, frame, env)
                return result
            if isinstance(receiver, External):
                pos, kw, starred = self._args(node, frame, env)
                if receiver.qname in api.ACCELERATORS and name == "prepare" and not starred and not kw:
                    return pos[0] if len(pos) == 1 else TupleVal(tuple(pos))  # returns what it is given, wrapped
                if receiver.qname in api.ACCELERATORS and name == "backward" and pos:
                    self.sink(Backward(node, pos[0], len(pos) > 1 or bool(kw), frame.ctx()))
                if receiver.qname in api.GRAD_SCALERS and name == "scale" and pos:
                    return pos[0]  # scaler.scale(loss) is the loss, scaled
                return UNKNOWN
            if name in _MODULE_MUTATORS and isinstance(receiver, (Instance, SequentialVal, PretrainedModel)):
                self._args(node, frame, env)
                self._forget_modified_model(func.value if not isinstance(func.value, ast.Name) else ast.Attribute(value=func.value, attr=name, ctx=ast.Load()), frame, env)
                return Const(None)
            if name in _MODULE_SELF_METHODS and isinstance(receiver, (Instance, SequentialVal, Layer, PretrainedModel, LossSpec)):
                if not (isinstance(receiver, Instance) and self._find_method(receiver.cls, name) is not None):
                    self._args(node, frame, env)
                    return receiver  # model.to(device), model.train(), ... return the module itself
            callee = self.attribute(receiver, name, frame)
        else:
            callee = self.ev(func, frame, env)
            if isinstance(func, ast.Name) and func.id == "len" and callee is UNKNOWN:
                self._args(node, frame, env)
                return INT
            if frame.loop_calls and isinstance(func, ast.Name):
                for calls in frame.loop_calls:
                    calls.append((func.id, callee, node))
        pos, kw, starred = self._args(node, frame, env)
        return self.apply(callee, node, pos, kw, starred, frame, env)

    def apply(
        self, callee: Value, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame, env: Env
    ) -> Value:
        if isinstance(callee, QualName):
            return self._torch_call(callee.name, node, pos, kw, starred, frame)
        if isinstance(callee, LossSpec):
            return self._loss_call(callee.qname, callee.family, api.LOSS_CLASSES[callee.qname], node, pos, kw, frame, callee.reduction, callee.log_target)
        if isinstance(callee, Layer):
            return _apply_layer(callee, pos[0] if pos else UNKNOWN, node, frame, explicit=True)
        if isinstance(callee, SequentialVal):
            val = pos[0] if pos else UNKNOWN
            for layer in callee.layers:
                if isinstance(layer, Layer):
                    val = _apply_layer(layer, val, node, frame, explicit=False)
                else:
                    val = self.apply(layer, node, [val], {}, False, frame, env)
            return val
        if isinstance(callee, PretrainedModel):
            return Tensor(act=Act.LOGITS, act_site=Site(node, frame.scope, f"{callee.qname} model output", frame.module), dtype=Dtype.FLOAT)
        if isinstance(callee, FunctionRef):
            if starred:
                return UNKNOWN  # left to the function's standalone analysis
            return self.call_function(callee, pos, kw, self_value=None, depth=frame.depth + 1, no_grad=frame.no_grad, called=frame.called, callsite=(frame.module, node))
        if isinstance(callee, BoundMethod):
            if starred:
                return UNKNOWN
            return self.call_function(callee.func, pos, kw, self_value=callee.self_value, depth=frame.depth + 1, is_init=callee.func.node.name == "__init__", no_grad=frame.no_grad, called=frame.called, callsite=(frame.module, node))
        if isinstance(callee, ClassRef):
            return self.instantiate(callee, pos, kw, starred, frame.depth + 1)
        if isinstance(callee, LambdaRef):
            return self._call_lambda(callee, pos, kw, starred, frame)
        if isinstance(callee, Instance):
            method = self._find_method(callee.cls, "forward") or self._find_method(callee.cls, "__call__")
            if method is None or starred:
                return UNKNOWN
            return self.call_function(method, pos, kw, self_value=callee, depth=frame.depth + 1, no_grad=frame.no_grad, called=frame.called, callsite=(frame.module, node))
        if isinstance(callee, ParamUnknown) and (pos or kw) and not starred:
            model = self._the_model(frame.module, len(pos), set(kw))
            if model is not None:
                return self.apply(self._default_instance(model), node, pos, kw, starred, frame, env)
        return UNKNOWN

    def _the_model(self, module: ModuleInfo, n_pos: int, kw_names: set[str]) -> ClassRef | None:
        """The model a ``model`` parameter must hold: the one top-level nn.Module of the file whose
        forward accepts these arguments. None when there is not exactly one."""
        candidates = self._model_candidates.get(id(module))
        if candidates is None:
            candidates = self._model_candidates[id(module)] = self._find_model_candidates(module)
        fitting = [c for c in candidates if self._forward_accepts(c, n_pos, kw_names)]
        return fitting[0] if len(fitting) == 1 else None

    def _find_model_candidates(self, module: ModuleInfo) -> list[ClassRef]:
        glob = self.module_globals(module)
        classes = {}
        for name, v in glob.items():
            if isinstance(v, LazyImport) and name[:1].isupper():
                v = self.resolve(v)  # an imported class (by convention capitalised) may be the model
            if isinstance(v, ClassRef) and self._is_nn_module(v):
                classes[name] = v
        used_inside: set[int] = set()
        for cls in classes.values():
            facts = cls.module.facts.cls(cls.node)
            for call_name in facts.called_names:
                other = classes.get(call_name)
                if other is not None and other.node is not cls.node:
                    used_inside.add(id(other.node))
        return [c for c in classes.values() if id(c.node) not in used_inside and self._find_method(c, "forward") is not None]

    def _is_nn_module(self, cls: ClassRef) -> bool:
        for b in self._bases(cls)[1:]:
            if isinstance(b, QualName) and (b.name in _MODULE_BASES or b.name.endswith("LightningModule")):
                return True
        return False

    def _forward_accepts(self, cls: ClassRef, n_pos: int, kw_names: set[str]) -> bool:
        method = self._find_method(cls, "forward")
        if method is None:
            return False
        params = method.node.args
        all_positional = [*params.posonlyargs, *params.args]
        n_required = len(all_positional) - len(params.defaults)
        required = [p.arg for p in all_positional[1:n_required]] if n_required > 1 else []
        positional = [p.arg for p in all_positional[1:]]
        if params.vararg is not None or params.kwarg is not None:
            return n_pos >= len(required) - len(kw_names)
        kwonly = [(p.arg, d) for p, d in zip(params.kwonlyargs, params.kw_defaults)]
        names = set(positional) | {name for name, _ in kwonly}
        if not kw_names <= names or n_pos > len(positional):
            return False
        bound = set(positional[:n_pos]) | kw_names
        return all(name in bound for name in required) and all(d is not None or name in kw_names for name, d in kwonly)

    def _call_lambda(self, ref: "LambdaRef", pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame) -> Value:
        params = ref.node.args
        if starred or frame.depth > MAX_DEPTH or params.vararg is not None:
            return UNKNOWN
        env: Env = dict(ref.closure.env)
        names = [p.arg for p in (*params.posonlyargs, *params.args)]
        for i, name in enumerate(names):
            env[name] = pos[i] if i < len(pos) else kw.get(name, PARAM)
        for p in params.kwonlyargs:
            env[p.arg] = kw.get(p.arg, PARAM)
        if params.kwarg is not None:
            env[params.kwarg.arg] = UNKNOWN
        inner = Frame(ref.module, frame.func, frame.self_value, no_grad=frame.no_grad, depth=frame.depth + 1, owner=frame.owner, called=frame.called)
        inner.scope = frame.scope
        return self.ev(ref.node.body, inner, env)

    # ------------------------------------------------------------------ user functions and classes
    def call_function(
        self,
        ref: FunctionRef,
        pos: list[Value],
        kw: dict[str, Value],
        self_value: Value | None,
        depth: int,
        is_init: bool = False,
        standalone: bool = False,
        no_grad: bool = False,
        called: bool = True,
        callsite: tuple[ModuleInfo, ast.Call] | None = None,
    ) -> Value:
        fn = ref.node
        if depth > MAX_DEPTH:
            return UNKNOWN
        key = (id(fn), self_value if not isinstance(self_value, Instance) else id(self_value), tuple(pos), tuple(sorted(kw.items(), key=lambda kv: kv[0])), no_grad, called and not standalone)
        try:
            hash(key)
        except TypeError:
            return UNKNOWN
        if key in self._memo:
            return self._memo[key]
        if any(k[0] == id(fn) for k in self._in_progress):
            return UNKNOWN  # recursion: give up on this call rather than iterate
        self._in_progress.add(key)
        self.covered.add(id(fn))
        try:
            env = self._bind_params(ref, pos, kw, self_value)
            no_grad = no_grad or any(_decorator_qualname(d, self, ref.module) in api.NO_GRAD_CONTEXTS for d in fn.decorator_list)
            frame = Frame(ref.module, fn, self_value, is_init=is_init, no_grad=no_grad, depth=depth, owner=ref.owner, called=called and not standalone)
            frame.callsite = callsite
            self.exec_block(fn.body, frame, env)
            if ref.module.facts.function(fn).is_generator:
                result: Value = UNKNOWN
            elif frame.returns:
                result = frame.returns[0]
                for r in frame.returns[1:]:
                    result = join(result, r)
            else:
                result = Const(None)
        finally:
            self._in_progress.discard(key)
        self._memo[key] = result
        return result

    def _bind_params(self, ref: FunctionRef, pos: list[Value], kw: dict[str, Value], self_value: Value | None) -> Env:
        fn = ref.node
        params = fn.args
        env: Env = {}
        positional = [p.arg for p in (*params.posonlyargs, *params.args)]
        defaults = self._param_defaults(ref)
        args = list(pos)
        if self_value is not None and positional:
            env[positional[0]] = self_value
            positional = positional[1:]
        elif ref.owner is not None and positional and not _is_static(fn):
            env[positional[0]] = UNKNOWN
            positional = positional[1:]
        for i, name in enumerate(positional):
            if i < len(args):
                env[name] = args[i]
            elif name in kw:
                env[name] = kw[name]
            else:
                env[name] = defaults.get(name, PARAM)
        for p in params.kwonlyargs:
            env[p.arg] = kw.get(p.arg, defaults.get(p.arg, PARAM))
        if params.vararg is not None:
            env[params.vararg.arg] = UNKNOWN
        if params.kwarg is not None:
            env[params.kwarg.arg] = UNKNOWN
        return env

    def _param_defaults(self, ref: FunctionRef) -> dict[str, Value]:
        cached = self._defaults.get(id(ref.node))
        if cached is not None:
            return cached
        result: dict[str, Value] = {}
        self._defaults[id(ref.node)] = result
        glob = self.module_globals(ref.module)
        frame = Frame(ref.module, None)
        params = ref.node.args
        positional = [*params.posonlyargs, *params.args]
        pairs = list(zip(positional[len(positional) - len(params.defaults) :], params.defaults))
        pairs += [(p, d) for p, d in zip(params.kwonlyargs, params.kw_defaults) if d is not None]
        for p, default in pairs:
            result[p.arg] = self.ev(default, frame, dict(glob))
        return result

    def instantiate(self, cls: ClassRef, pos: list[Value], kw: dict[str, Value], starred: bool, depth: int) -> Value:
        bases = self._bases(cls)
        for b in bases:
            if isinstance(b, QualName) and (b.name in api.LOSS_CLASSES or b.name == "torch.nn.modules.loss._Loss"):
                return UNKNOWN  # a custom loss that subclasses a torch loss: behaviour unknown
        key: tuple | None = (id(cls.node), tuple(pos), tuple(sorted(kw.items(), key=lambda kv: kv[0])), starred)
        try:
            cached = self._instances.get(key)  # type: ignore[arg-type]
        except TypeError:
            key, cached = None, None
        if cached is not None:
            return cached
        inst = Instance(cls, {})
        if key is not None:
            self._instances[key] = inst  # also breaks cycles (a class building itself)
        init = self._find_method(cls, "__init__")
        if init is not None and not starred:
            self.call_function(init, pos, kw, self_value=inst, depth=depth, is_init=True)
        for attr in self._volatile(cls):
            if attr in inst.attrs:
                inst.attrs[attr] = UNKNOWN
        return inst

    def _default_instance(self, cls: ClassRef) -> Instance:
        inst = self._default_instances.get(id(cls.node))
        if inst is None:
            val = self.instantiate(cls, [], {}, False, 1)
            inst = val if isinstance(val, Instance) else Instance(cls, {})
            self._default_instances[id(cls.node)] = inst
        return inst

    def _volatile(self, cls: ClassRef) -> frozenset[str]:
        """Attributes assigned outside ``__init__``: their value is not known at any given call."""
        cached = self._volatile_attrs.get(id(cls.node))
        if cached is not None:
            return cached
        names: set[str] = set()
        for stmt in cls.node.body:
            if isinstance(stmt, _FUNCTION_DEFS) and stmt.name != "__init__":
                names |= cls.module.facts.function(stmt).self_assigned
        result = frozenset(names)
        self._volatile_attrs[id(cls.node)] = result
        return result

    def _bases(self, cls: ClassRef) -> list[Value]:
        """The class and its ancestors, depth first (good enough for single inheritance)."""
        out: list[Value] = [cls]
        seen = {id(cls.node)}
        glob = self.module_globals(cls.module)
        frame = Frame(cls.module, None)
        stack = [cls]
        while stack:
            c = stack.pop(0)
            for arg in c.node.bases:
                val = self.ev(arg, frame, dict(glob if c is cls else self.module_globals(c.module)))
                if isinstance(val, ClassRef):
                    if id(val.node) in seen:
                        continue
                    seen.add(id(val.node))
                    stack.append(val)
                out.append(val)
        return out

    def _class_attr(self, cls: ClassRef, name: str) -> Value:
        """A class-level attribute (``criterion = nn.BCELoss()`` in the class body), if set there once."""
        for c in self._bases(cls):
            if not isinstance(c, ClassRef):
                continue
            cached = self._class_envs.get(id(c.node))
            if cached is None:
                cached = {}
                self._class_envs[id(c.node)] = cached
                frame = Frame(c.module, None)
                glob = dict(self.module_globals(c.module))
                for stmt in c.node.body:
                    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                        cached[stmt.targets[0].id] = self.ev(stmt.value, frame, glob)
                    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None and isinstance(stmt.target, ast.Name):
                        cached[stmt.target.id] = self.ev(stmt.value, frame, glob)
            if name in cached:
                return cached[name]
        return UNKNOWN

    def _own_method(self, cls: ClassRef, name: str) -> FunctionRef | None:
        for stmt in cls.node.body:
            if isinstance(stmt, _FUNCTION_DEFS) and stmt.name == name:
                return FunctionRef(stmt, cls.module, cls)
        return None

    def _find_method(self, cls: ClassRef, name: str) -> FunctionRef | None:
        for c in self._bases(cls):
            if isinstance(c, ClassRef):
                m = self._own_method(c, name)
                if m is not None:
                    return m
        return None

    # ------------------------------------------------------------------ torch calls
    def _torch_call(self, qname: str, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame) -> Value:
        written, qname = qname, api.FUNCTION_ALIASES.get(qname, qname)
        if qname.startswith("torch"):
            self.sink(TorchCall(node, qname, frame.ctx(), tuple(pos), written=written if written != qname else ""))
        elif qname in ("super",):
            return UNKNOWN
        site = lambda what: Site(node, frame.scope, what, frame.module)  # noqa: E731
        x = pos[0] if pos else kw.get("input", UNKNOWN)
        if qname in api.SOFTMAX_FUNCS:
            act = Act.LOG_PROBS if qname.endswith("log_softmax") else Act.PROBS
            return _tensor_of(x).with_(act=act, act_site=site(qname.replace("torch.nn.functional.", "F.")), graph=False, unreduced=False)
        if qname == "torch.nn.functional.sigmoid":
            return _tensor_of(x).with_(act=Act.SIGMOID, act_site=site("sigmoid"), graph=False, unreduced=False)
        if qname in api.LOSS_FUNCTIONS:
            sig = api.LOSS_FUNCTIONS[qname]
            reduction, log_target = _functional_options(sig, pos, kw)
            return self._loss_call(qname, sig.family, sig, node, pos, kw, frame, reduction, log_target)
        if qname in api.LOSS_CLASSES:
            if starred:
                return UNKNOWN
            reduction, log_target = _ctor_options(qname, pos, kw)
            return LossSpec(qname, api.LOSS_CLASSES[qname].family, reduction, log_target)
        if qname == "torch.nn.Sequential":
            if starred or not pos:
                return UNKNOWN
            return SequentialVal(tuple(pos))
        if qname in api.LAYER_EFFECTS:
            effect = api.LAYER_EFFECTS[qname]
            out: Dim = None
            if effect == "linear":
                out = _dim_of(pos[1] if len(pos) > 1 else kw.get("out_features", UNKNOWN), node.args[1] if len(node.args) > 1 and not has_star(node) else None)
            return Layer(qname, effect, out, Site(node, frame.scope, f"{qname.replace('torch.nn.', 'nn.')} layer", frame.module, explicit=False))
        if qname.startswith(api.PRETRAINED_PREFIXES) and qname.count(".") == 2 and not any(x_ in qname for x_ in api.PRETRAINED_EXCLUDE) and qname.rsplit(".", 1)[-1][:1].islower():
            return PretrainedModel(qname)
        if qname in api.PRETRAINED_FUNCS:
            return PretrainedModel(qname)
        if qname in api.MODULE_WRAPPERS:
            return pos[0] if pos and isinstance(pos[0], (Instance, SequentialVal, PretrainedModel, Layer)) else UNKNOWN
        if qname in api.GRAD_SCALERS or qname in api.ACCELERATORS or qname == "torch.device":
            return External(qname)
        if (qname.startswith(api.OPTIMIZER_PREFIXES) and qname.count(".") == 2 and qname.rsplit(".", 1)[-1][:1].isupper()) or qname in api.OPTIMIZER_FUNCS:
            return Optimizer(qname)
        if qname in ("torch.log",):
            t = _tensor_of(x)
            if t.act is Act.PROBS:
                return t.with_(act=Act.LOG_PROBS, act_site=t.act_site)
            return Tensor(dtype=t.dtype)
        if qname in ("torch.exp",):
            t = _tensor_of(x)
            if t.act is Act.LOG_PROBS:
                return t.with_(act=Act.PROBS)
            return Tensor(dtype=t.dtype)
        if qname in ("torch.clamp", "torch.clip"):
            t = _tensor_of(x)
            if t.act in (Act.PROBS, Act.SIGMOID):
                return t.with_(graph=False)
            return Tensor(dtype=t.dtype, shape=t.shape)
        if qname in api.VALUE_KEEPING_FUNCS:
            t = _tensor_of(x)
            return _reshape(t, qname.rsplit(".", 1)[-1], pos[1:], kw, node, frame)
        if qname == "torch.nn.functional.one_hot":
            t = _tensor_of(x)
            return Tensor(dtype=Dtype.INT, shape=None if t.shape is None or not t.shape.rank_known else Shape((*t.shape.dims, _dim_of(pos[1] if len(pos) > 1 else kw.get("num_classes", UNKNOWN)))))
        if qname in ("torch.argmax", "torch.argmin", "torch.randperm", "torch.bucketize", "torch.searchsorted"):
            return Tensor(dtype=Dtype.INT)
        if qname in api.SIZED_CONSTRUCTORS or qname in api.FLOAT_CONSTRUCTORS or qname in api.INT_CONSTRUCTORS or qname in ("torch.tensor", "torch.as_tensor", "torch.arange", "torch.full"):
            return _constructor(qname, node, pos, kw)
        if qname in ("torch.zeros_like", "torch.ones_like", "torch.empty_like", "torch.rand_like", "torch.randn_like", "torch.full_like"):
            t = _tensor_of(x)
            if "dtype" in kw:
                dtype = _dtype_of(kw["dtype"])  # None when the dtype is a variable
            else:
                dtype = Dtype.FLOAT if qname in ("torch.rand_like", "torch.randn_like") else t.dtype
            return Tensor(dtype=dtype, shape=t.shape)
        if qname in ("torch.cat", "torch.stack", "torch.concat"):
            parts = [i for i in x.items if isinstance(i, Tensor)] if isinstance(x, TupleVal) else []
            if parts and len(parts) == len(x.items):  # type: ignore[attr-defined]
                graph = any(p.graph for p in parts)
                acc: Value = Tensor(act=parts[0].act, act_site=parts[0].act_site, dtype=parts[0].dtype, graph=graph)
                for p in parts[1:]:
                    acc = join(acc, Tensor(act=p.act, act_site=p.act_site, dtype=p.dtype, graph=graph))
                return acc
            return Tensor()
        if qname.startswith(("torch.", "torch")) and qname.split(".")[-1][:1].islower() and not qname.startswith(("torch.nn.", "torch.optim", "torch.utils", "torch.distributed", "torch.cuda", "torch.backends", "torch.autograd", "torch.jit", "torch.compile", "torch.manual_seed", "torch.save", "torch.load", "torch.set_", "torch.device", "torch.no_grad", "torch.inference_mode", "torch.enable_grad", "torch.amp", "torch.autocast")):
            return Tensor()
        return UNKNOWN

    def _loss_call(
        self,
        qname: str,
        family: str,
        sig: api.LossSignature,
        node: ast.Call,
        pos: list[Value],
        kw: dict[str, Value],
        frame: Frame,
        reduction: str | None,
        log_target: bool | None,
    ) -> Value:
        args: dict[str, Arg] = {}
        if has_star(node):
            return Tensor(graph=not frame.no_grad)
        for i, a in enumerate(node.args):
            if i < len(sig.positional):
                args[sig.positional[i]] = Arg(a, pos[i] if i < len(pos) else UNKNOWN)
        for k in node.keywords:
            if k.arg in sig.keywords:
                args[sig.keywords[k.arg]] = Arg(k.value, kw.get(k.arg, UNKNOWN))
        self.sink(LossCall(node, qname, family, args, reduction, log_target, frame.ctx()))
        unreduced = reduction == "none"
        return Tensor(dtype=Dtype.FLOAT, shape=None if unreduced else Shape(()), graph=not frame.no_grad, unreduced=unreduced)

    def _value_method(self, recv: Value, name: str, node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Frame, env: Env) -> Value:
        """A method called on a tensor (or on a value of unknown type that may be a tensor)."""
        t = recv if isinstance(recv, Tensor) else None
        site = lambda what: Site(node, frame.scope, what, frame.module)  # noqa: E731
        if name == "backward":
            self.sink(Backward(node, recv, bool(node.args or node.keywords), frame.ctx()))
            return Const(None)
        if name in ("append", "extend", "add_") and not isinstance(recv, Tensor) and pos:
            target = node.func.value  # type: ignore[attr-defined]
            self.sink(Accumulate(node, target, pos[0], frame.ctx()))
            return Const(None)
        if isinstance(recv, (Const, TupleVal)):
            return UNKNOWN
        base = t if t is not None else Tensor()
        if name in ("softmax", "log_softmax"):
            act = Act.PROBS if name == "softmax" else Act.LOG_PROBS
            return base.with_(act=act, act_site=site(f".{name}()"), graph=False, unreduced=False)
        if name in ("sigmoid", "sigmoid_"):
            return base.with_(act=Act.SIGMOID, act_site=site(".sigmoid()"), graph=False, unreduced=False)
        if t is None:
            if name == "size" and pos and isinstance(pos[0], Const):
                return INT
            if name in api.INT_METHODS:
                return Tensor(dtype=Dtype.INT)
            if name in api.FLOAT_METHODS:
                return Tensor(dtype=Dtype.FLOAT)
            if name in api.INT_RESULT_METHODS:
                return Tensor(dtype=Dtype.INT)
            if name == "bool":
                return Tensor(dtype=Dtype.BOOL)
            if name in ("to", "type") and (pos or kw):
                target = _conversion_target(pos, kw)
                return Tensor(dtype=target) if isinstance(target, Dtype) else UNKNOWN
            if name in ("log",):
                return UNKNOWN
            if name in ("view", "reshape", "flatten", "squeeze", "unsqueeze"):
                return _reshape(Tensor(), name, pos, kw, node, frame)
            return UNKNOWN
        if name in ("size", "dim", "numel") and (pos or name != "size"):
            return INT
        if name in ("item", "tolist", "numpy", "size", "__len__"):
            return UNKNOWN
        if name in ("detach", "detach_"):
            return t.with_(graph=False)
        if name in api.INT_METHODS or (name == "bool"):
            return Tensor(dtype=Dtype.INT if name != "bool" else Dtype.BOOL, shape=t.shape)
        if name in api.INT_RESULT_METHODS:
            return Tensor(dtype=Dtype.INT)
        if name in ("to", "type"):
            target = _conversion_target(pos, kw)
            if target is _KEEP_DTYPE:
                return t  # .to(device), .cuda(): values and dtype unchanged
            dt = target if isinstance(target, Dtype) else None
            if dt is Dtype.FLOAT:
                return t.with_(dtype=dt)
            return Tensor(dtype=dt, shape=t.shape, graph=t.graph)
        if name in api.FLOAT_METHODS:
            return t.with_(dtype=Dtype.FLOAT)
        if name in api.VALUE_KEEPING_METHODS:
            return _reshape(t, name, pos, kw, node, frame)
        if name == "mean" and (pos or kw) and t.act is Act.PROBS:
            return Tensor(act=t.act, act_site=t.act_site, dtype=t.dtype, graph=t.graph)  # averaged distributions: still probabilities
        if name in api.REDUCING_METHODS:
            return Tensor(dtype=t.dtype if t.dtype is not Dtype.INT else None, graph=t.graph, shape=Shape(()) if not pos and not kw else None)
        if name == "log":
            if t.act is Act.PROBS:
                return t.with_(act=Act.LOG_PROBS)
            return Tensor(dtype=t.dtype, shape=t.shape, graph=t.graph)
        if name == "exp":
            if t.act is Act.LOG_PROBS:
                return t.with_(act=Act.PROBS)
            return Tensor(dtype=t.dtype, shape=t.shape, graph=t.graph)
        if name in ("clamp", "clip", "clamp_", "clip_"):
            if t.act in (Act.PROBS, Act.SIGMOID):
                return t
            return Tensor(dtype=t.dtype, shape=t.shape, graph=t.graph)
        return Tensor(graph=False)


# ---------------------------------------------------------------------- helpers


def _replace_env(env: Env, new: Env) -> None:
    env.clear()
    env.update(new)


def _join_envs(envs: list[Env]) -> Env:
    if len(envs) == 1:
        return dict(envs[0])
    keys = set(envs[0])
    for e in envs[1:]:
        keys &= set(e)
    out: Env = {}
    for k in keys:
        val = envs[0][k]
        for e in envs[1:]:
            val = join(val, e[k])
        out[k] = val
    # a name bound on only some paths can only be read after one of those (else NameError)
    for e in envs:
        for k, v in e.items():
            if k not in out:
                out[k] = v
            elif k not in keys:
                out[k] = join(out[k], v)
    return out


def _is_self(node: ast.expr, frame: Frame) -> bool:
    return isinstance(node, ast.Name) and frame.self_value is not None and node.id == "self"


_KEEPS_VALUES_IN_PLACE = {"requires_grad_", "detach_", "share_memory_", "retain_grad", "pin_memory_", "record_stream_", "resize_"}


def _rewrites_values(method: str) -> bool:
    """An in-place tensor method (trailing underscore) that changes the tensor's numbers."""
    return method.endswith("_") and not method.startswith("_") and method not in _KEEPS_VALUES_IN_PLACE


def _same_expr(a: ast.expr, b: ast.expr) -> bool:
    """Whether two expressions are written the same (``acc`` in ``acc = acc + x``)."""
    if isinstance(a, ast.Name):
        return isinstance(b, ast.Name) and a.id == b.id
    if type(a) is not type(b) or not isinstance(a, (ast.Attribute, ast.Subscript)):
        return False
    return ast.dump(a) == ast.dump(b)


def _is_static(fn: FunctionNode) -> bool:
    return _has_decorator(fn, "staticmethod")


def _has_decorator(fn: FunctionNode, name: str) -> bool:
    return any(isinstance(d, ast.Name) and d.id == name for d in fn.decorator_list)


def _decorator_qualname(d: ast.expr, interp: Interpreter, module: ModuleInfo) -> str:
    expr = d.func if isinstance(d, ast.Call) else d
    glob = interp.module_globals(module)
    val = interp.ev(expr, Frame(module, None), dict(glob))
    return val.name if isinstance(val, QualName) else ""


def _all_functions(module: ast.Module) -> list[tuple[FunctionNode, ast.ClassDef | None]]:
    """Every function and method, with its class (top-level classes and functions only, plus nesting)."""
    out: list[tuple[FunctionNode, ast.ClassDef | None]] = []

    def walk(stmts: Iterable[ast.stmt], owner: ast.ClassDef | None) -> None:
        for s in stmts:
            if isinstance(s, _FUNCTION_DEFS):
                out.append((s, owner))
            elif isinstance(s, ast.ClassDef):
                walk(s.body, s)
            elif isinstance(s, ast.If):
                walk(s.body, owner)
                walk(s.orelse, owner)
            elif isinstance(s, ast.Try):
                walk(s.body, owner)

    walk(module.body, None)
    return out


def _pattern_names(pattern: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(pattern):
        for attr in ("name", "rest"):
            value = getattr(node, attr, None)
            if isinstance(value, str):
                names.add(value)
    return names


_EXTERNAL_ROOTS = {"torch", "torchvision", "torchaudio", "timm", "transformers", "numpy", "np", "lightning", "pytorch_lightning", "tensorflow", "jax", "flax", "sklearn", "pandas", "os", "sys", "math", "typing", "collections", "functools", "itertools", "random", "json", "re", "time", "logging", "argparse", "dataclasses", "pathlib", "abc", "copy", "warnings", "__future__"}


def _is_external(dotted: str) -> bool:
    return dotted.split(".")[0] in _EXTERNAL_ROOTS
