"""Python classes: instances, ``__init__``, bases, methods and class attributes."""

from __future__ import annotations

import ast

from lossguard.static.facts import self_calls
from lossguard.static.interp.alone_instances import default_instance, instance_key
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import FUNCTION_DEFS, MODULE_BASES, Env, Frame
from lossguard.static.interp.inherited_stores import after_inherited_stores
from lossguard.static.interp.loss_subclasses import opaque_loss_subclass
from lossguard.static.interp.mode_settings import enum_call
from lossguard.static.interp.own_calls import FORWARD, calls_itself
from lossguard.static.interp.restored_attributes import kept_value
from lossguard.static.interp.unreached_setters import unreached_setters
from lossguard.static.project import ModuleInfo
from lossguard.static.values import UNKNOWN, ClassRef, FunctionRef, Instance, QualName, Value

#: the most methods of a class :meth:`ClassesMixin.template_trains` follows from one inherited method
_TEMPLATE_METHODS = 64


class ClassesMixin(InterpBase):
    """User-defined classes and their instances."""

    def _class_value(self, node: ast.ClassDef, info: ModuleInfo, env: Env) -> ClassRef | None:
        val = env.get(node.name)
        if isinstance(val, ClassRef) and val.node is node:
            return val
        return ClassRef(node, info)

    def instantiate(
        self,
        cls: ClassRef,
        pos: list[Value],
        kw: dict[str, Value],
        starred: bool,
        depth: int,
        callsite: tuple[ModuleInfo, ast.Call] | None = None,
        alone: bool = False,
    ) -> Value:
        """An instance of ``cls`` made with these arguments (one per distinct set of values). ``callsite``, the call
        that makes it: ``__init__`` runs for it, so ``if <flag>:`` on a parameter the call writes as a literal
        (``Net(classification=True)``) takes only that branch, as in a function called so (``guards.decided_flag``).
        ``alone``: the instance made to analyse the class alone, kept apart from the code's own constructions
        (interp.alone_instances)."""
        member = enum_call(self, cls, pos, kw, starred)  # `Mode(mode)` of a project's `class Mode(Enum)`
        if member is not None:
            return member
        bases = self._bases(cls)
        if opaque_loss_subclass(bases):
            return UNKNOWN  # a subclass of a torch loss that keeps its forward: not followed (interp.loss_subclasses)
        unreached = unreached_setters(self, cls, callsite)  # interp.unreached_setters
        key: tuple | None = instance_key(cls, pos, kw, starred, alone) + ((unreached,) if unreached else ())
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
            self.call_function(init, pos, kw, self_value=inst, depth=depth, is_init=True, callsite=callsite)
        for attr in self._volatile(cls):
            if attr in inst.attrs:
                # stored again only with its own object or a model of its declared class (interp.restored_attributes)
                inst.attrs[attr] = kept_value(self, cls, attr, inst.attrs[attr])
        after_inherited_stores(self, cls, inst.attrs, unreached)  # stored again by a method of a base class (interp.inherited_stores)
        return inst

    def _default_instance(self, cls: ClassRef) -> Instance:
        return default_instance(self, cls)  # never the code's own `Cls()` (interp.alone_instances)

    def _volatile(self, cls: ClassRef) -> frozenset[str]:
        """Attributes assigned outside ``__init__`` (and the helpers only it calls): their value is not
        known at any given call."""
        cached = self._volatile_attrs.get(id(cls.node))
        if cached is not None:
            return cached
        names: set[str] = set()
        helpers = cls.module.facts.init_helpers(cls.node)
        for stmt in cls.node.body:
            if isinstance(stmt, FUNCTION_DEFS) and stmt.name != "__init__" and stmt.name not in helpers:
                names |= cls.module.facts.function(stmt).self_assigned
        result = frozenset(names)
        self._volatile_attrs[id(cls.node)] = result
        return result

    def note_local_bases(self, node: ast.ClassDef, frame: Frame, env: Env) -> None:
        """A class statement run inside a function whose bases name the function's locals (a model
        factory's ``class RNNClassifierModel(inheritance_class):``, ``inheritance_class`` a parameter;
        round 27, a keyword spotter): the classes they held, for :meth:`_bases`. A second run with other
        bases leaves them unknown (None)."""
        if frame.func is None or not any(isinstance(b, ast.Name) and b.id in env for b in node.bases):
            return
        values = tuple(self.ev(b, frame, env) for b in node.bases)
        if not all(isinstance(v, (ClassRef, QualName)) for v in values):
            values = None  # type: ignore[assignment]
        known = self._local_bases.get(id(node), values)
        self._local_bases[id(node)] = values if known == values else None

    def _bases(self, cls: ClassRef) -> list[Value]:
        """The class and its ancestors, depth first (good enough for single inheritance)."""
        out: list[Value] = [cls]
        seen = {id(cls.node)}
        glob = self.module_globals(cls.module)
        frame = Frame(cls.module, None)
        stack = [cls]
        while stack:
            c = stack.pop(0)
            local = self._local_bases.get(id(c.node))
            for i, arg in enumerate(c.node.bases):
                val = local[i] if local is not None else self.ev(arg, frame, dict(glob if c is cls else self.module_globals(c.module)))
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
        """The class body's last definition of ``name``: a later ``def`` replaces an earlier one (an
        "overload" written as a second method of the same name); a property's setter or deleter
        leaves the getter in place."""
        for stmt in reversed(cls.node.body):
            if isinstance(stmt, FUNCTION_DEFS) and stmt.name == name and not _property_accessor(stmt):
                return FunctionRef(stmt, cls.module, cls)
        return None

    def _find_method(self, cls: ClassRef, name: str) -> FunctionRef | None:
        for c in self._bases(cls):
            if isinstance(c, ClassRef):
                m = self._own_method(c, name)
                if m is not None:
                    return m
        return None

    def inherited_callers(self, cls: ClassRef, name: str) -> list[FunctionRef]:
        """Methods ``cls`` inherits from a project base class (and does not override) that call
        ``self.<name>(...)``: the template methods through which an override of ``name`` runs."""
        out: list[FunctionRef] = []
        for base in self._bases(cls)[1:]:
            if not isinstance(base, ClassRef):
                continue
            calls = self._self_calls_by_method.get(id(base.node))
            if calls is None:
                calls = self._self_calls_by_method[id(base.node)] = {
                    stmt.name: frozenset(self_calls(stmt)) for stmt in base.node.body if isinstance(stmt, FUNCTION_DEFS)
                }
            for method, called in calls.items():
                if name in called and method != "__init__":
                    ref = self._find_method(cls, method)
                    if ref is not None and ref.owner is base and ref not in out:
                        out.append(ref)
        return out

    def template_trains(self, cls: ClassRef, caller: FunctionRef) -> bool:
        """The inherited method ``caller``, run on ``cls``, back-propagates: itself, or through the
        ``self.<name>(...)`` methods it calls as ``cls`` resolves them, the overrides among them
        (SpareNet's ``BaseRunner.runner`` calls ``self.train()``, whose loop calls the subclass's
        ``train_step``, which calls ``backward()``). Such a template is a training loop, not a body
        analysed alone: a meter its override updates on every step keeps every step's loss."""
        seen: set[int] = set()
        todo = [caller]
        while todo and len(seen) < _TEMPLATE_METHODS:
            ref = todo.pop()
            if id(ref.node) in seen:
                continue
            seen.add(id(ref.node))
            if self.drives_training(ref.node, ref.module):
                return True
            for name in sorted(self_calls(ref.node)):
                method = self._find_method(cls, name)
                if method is not None and id(method.node) not in seen:
                    todo.append(method)
        return False

    def mixin_methods(self, cls: ClassRef) -> list[FunctionRef]:
        """For a module class (``nn.Module``, ``LightningModule``): the methods it inherits, and does not
        override, from a base class of the checked code that is no module class itself (a mixin whose
        ``training_step`` calls ``self(batch)`` and ``self.loss_fn``: its body means the module's forward
        and attributes, which the mixin alone does not have). Dunder methods are left out. A base that is a module
        class itself counts when it has no forward in the checked code, for its methods that call the object
        (``self(x)``, ``self.__call__(x)``: the subclass's forward; interp.own_calls)."""
        if not self._is_nn_module(cls):
            return []
        out: list[FunctionRef] = []
        for base in self._bases(cls)[1:]:
            if not isinstance(base, ClassRef):
                continue
            # a module class with no forward of its own: only its methods that call the object (interp.own_calls)
            abstract = self._is_nn_module(base) and self._find_method(base, FORWARD) is None
            if self._is_nn_module(base) and not abstract:
                continue
            for stmt in base.node.body:
                if not isinstance(stmt, FUNCTION_DEFS) or stmt.name.startswith("__") or abstract and not calls_itself(stmt):
                    continue
                ref = self._find_method(cls, stmt.name)
                if ref is not None and ref.owner is base and ref.node is stmt and ref not in out:
                    out.append(ref)
        return out

    def unread_attribute(self, cls: ClassRef, name: str) -> bool:
        """Whether storing ``name`` on a built instance (``model.nc = 1`` in YOLOP's train.py) leaves
        what its methods compute as it was: no class of its hierarchy, all defined in the checked
        code or ``nn.Module``, defines it or reads ``self.<name>`` (or names it in a string) outside
        construction (``__init__`` and the helpers only it calls), and it is not one of the module
        machinery's own names (``forward``, ``training``, ``_private``)."""
        if name.startswith("_") or name in ("forward", "training"):
            return False
        for base in self._bases(cls):
            if isinstance(base, ClassRef):
                helpers = base.module.facts.init_helpers(base.node)
                for stmt in base.node.body:
                    if isinstance(stmt, (*FUNCTION_DEFS, ast.ClassDef)) and stmt.name == name:
                        return False
                    if isinstance(stmt, FUNCTION_DEFS) and stmt.name != "__init__" and stmt.name not in helpers:
                        if name in base.module.facts.self_names(stmt):
                            return False
                    elif not isinstance(stmt, (*FUNCTION_DEFS, ast.ClassDef, ast.Expr, ast.Pass)):
                        return False  # class attributes, decorators' state: not followed
            elif not (isinstance(base, QualName) and base.name in MODULE_BASES):
                return False  # a base class whose code is not read: it may read the attribute
        return True

    def _is_nn_module(self, cls: ClassRef) -> bool:
        for b in self._bases(cls)[1:]:
            if isinstance(b, QualName) and (b.name in MODULE_BASES or b.name.endswith("LightningModule")):
                return True
        return False


def _property_accessor(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """``@x.setter`` / ``@x.deleter``: a second ``def x`` that completes the property, not a new method."""
    return any(isinstance(d, ast.Attribute) and d.attr in ("setter", "deleter") for d in func.decorator_list)


def replaced_later(body: list[ast.stmt], func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """An undecorated method that a later ``def`` of the same name in the same class body replaces: the
    class is built with the last one only, so no one can call it and its body is not analysed on its
    own. (A module's functions are not judged so: a script or notebook may call a function before
    defining it again.)"""
    if func.decorator_list or func not in body:
        return False
    later = body[body.index(func) + 1 :]
    return any(isinstance(s, FUNCTION_DEFS) and s.name == func.name and not _property_accessor(s) for s in later)
