"""Cheap syntactic facts about functions and classes: whole-subtree scans (does this function
yield? call backward()? which ``self`` attributes does it assign?), computed once per node on
first request (most functions of an imported module are never asked about).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

from lossguard.static.events import BACKWARD_CALLS, BACKWARD_HELPERS
from lossguard.static.no_grad_names import GradFreeNames, grad_free_names


@dataclass
class FunctionFacts:
    is_generator: bool = False
    calls_backward: bool = False
    self_assigned: set[str] = field(default_factory=set)
    #: names whose value this body back-propagates: ``loss.backward()``, ``(loss / n).backward()``,
    #: ``scaler.scale(loss).backward()``, and the names added into one of those (``loss_sum += loss``)
    backpropagated: set[str] = field(default_factory=set)
    #: ``target = a + b`` / ``target += a``: the names each name adds up
    adds: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    #: the names this body calls: ``f(...)`` and ``x.f(...)``, apart
    calls_names: set[str] = field(default_factory=set)
    calls_methods: set[str] = field(default_factory=set)


NO_NAMES: frozenset[str] = frozenset()


def summands(
    expr: ast.expr,
    sums: dict[str, frozenset[str]] | None = None,
    products: bool = True,
    number: Callable[[ast.expr], bool] | None = None,
) -> frozenset[str]:
    """The names ``expr`` adds up (``a + 0.5 * b - c``, ``-a``, ``a / n``), with, from ``sums``, the
    names those are sums of. A product of two names counts both, unless not ``products``; a quotient
    counts its dividend only (the divisor of ``a / n`` is a count or weight sum, not a loss term).
    A factor ``number`` says is a Python number (``accumulation_steps``, bound to ``4``) scales a term
    as a literal does."""

    def constant(factor: ast.expr) -> bool:
        return isinstance(factor, ast.Constant) or number is not None and number(factor)

    def again(part: ast.expr) -> frozenset[str]:
        return summands(part, sums, products, number)

    if isinstance(expr, ast.Name):
        added = sums.get(expr.id) if sums else None
        return frozenset((expr.id,)) if added is None else added | {expr.id}
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, (ast.USub, ast.UAdd)):
        return again(expr.operand)
    if isinstance(expr, ast.BinOp):
        if isinstance(expr.op, (ast.Add, ast.Sub)):
            return again(expr.left) | again(expr.right)
        if isinstance(expr.op, (ast.Mult, ast.Div)):
            if constant(expr.right):
                return again(expr.left)
            if constant(expr.left) and isinstance(expr.op, ast.Mult):
                return again(expr.right)
            if products and isinstance(expr.op, ast.Div):
                # a divisor is a normaliser (`loss.sum() / weight_sum`, `total / n`), not a term
                return again(expr.left)
            if products:
                return again(expr.left) | again(expr.right)
            return NO_NAMES
    if isinstance(expr, ast.Call):
        container = _summed_container(expr)
        if container is not None:
            return frozenset((container,))
    return NO_NAMES


def sum_call(call: ast.Call) -> bool:
    """``sum(...)`` or ``<x>.sum()`` / ``<x>.mean()``: a call that may add up a container of terms."""
    func = call.func
    return isinstance(func, ast.Name) and func.id == "sum" or isinstance(func, ast.Attribute) and func.attr in ("sum", "mean")


def _summed_container(call: ast.Call) -> str | None:
    """The name of the list or dict of terms a call adds up: ``sum(losses)``, ``sum(d.values())``,
    ``sum(list(d.values()))``, ``sum(v for v in d.values())``, ``torch.stack(losses).sum()``."""
    func = call.func
    if isinstance(func, ast.Name) and func.id == "sum" and len(call.args) == 1:
        arg = call.args[0]
        if isinstance(arg, ast.GeneratorExp) and len(arg.generators) == 1:
            arg = arg.generators[0].iter
        if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id in ("list", "tuple") and len(arg.args) == 1:
            arg = arg.args[0]
        if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "values" and not arg.args:
            arg = arg.func.value
        return arg.id if isinstance(arg, ast.Name) else None
    if isinstance(func, ast.Attribute) and func.attr in ("sum", "mean") and isinstance(func.value, ast.Call):
        inner = func.value
        if isinstance(inner.func, ast.Attribute) and inner.func.attr == "stack" and len(inner.args) == 1 and isinstance(inner.args[0], ast.Name):
            return inner.args[0].id
    return None


_SUMS = (ast.Name, ast.BinOp, ast.UnaryOp)
#: method names that torch objects answer too (``optimizer.step()``, ``model.train()``): a call of one
#: says nothing of which function of the checked code runs
TORCH_METHOD_NAMES = frozenset({"step", "forward", "zero_grad", "backward", "train", "eval", "to", "cuda", "cpu", "apply", "update", "__call__"})


@dataclass
class ClassFacts:
    called_names: set[str] = field(default_factory=set)


class _FunctionScan(ast.NodeVisitor):
    def __init__(self, root: ast.AST) -> None:
        self.root = root
        self.facts = FunctionFacts()

    def visit_FunctionDef(self, node: ast.AST) -> None:
        if node is self.root:
            self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        return None

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        return None

    def visit_Yield(self, node: ast.Yield) -> None:
        self.facts.is_generator = True
        self.generic_visit(node)

    def visit_YieldFrom(self, node: ast.YieldFrom) -> None:
        self.facts.is_generator = True
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in BACKWARD_CALLS:
            self.facts.calls_backward = True
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name):
            self.facts.calls_names.add(func.id)
        elif isinstance(func, ast.Attribute):
            self.facts.calls_methods.add(func.attr)
        if isinstance(func, ast.Attribute) and func.attr in ("backward", "manual_backward"):
            receiver = func.value
            given = node.args[0] if node.args else None
            if func.attr == "manual_backward" or isinstance(receiver, ast.Name) and receiver.id in BACKWARD_HELPERS:
                back = given
            elif isinstance(receiver, ast.Call) and receiver.args:
                back = receiver.args[0]  # scaler.scale(loss).backward()
            else:
                back = receiver
            if back is not None:
                self.facts.backpropagated |= summands(back)
        self.generic_visit(node)

    def _adds(self, target: ast.AST, value: ast.expr) -> None:
        if isinstance(target, ast.Name) and (isinstance(value, _SUMS) or isinstance(value, ast.Call) and sum_call(value)):
            added = summands(value) - {target.id}
            if added:
                self.facts.adds.append((target.id, added))

    def _target(self, t: ast.AST) -> None:
        if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
            self.facts.self_assigned.add(t.attr)
        elif isinstance(t, (ast.Tuple, ast.List)):
            for el in t.elts:
                self._target(el)

    def visit_Assign(self, node: ast.Assign) -> None:
        for t in node.targets:
            self._target(t)
            self._adds(t, node.value)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._target(node.target)
        if isinstance(node.op, (ast.Add, ast.Sub)):
            self._adds(node.target, node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._target(node.target)
        self.generic_visit(node)


class ModuleFacts:
    """Facts about the functions and classes of one module, keyed by node identity."""

    def __init__(self) -> None:
        self._functions: dict[int, FunctionFacts] = {}
        self._classes: dict[int, ClassFacts] = {}
        self._self_names: dict[int, frozenset[str]] = {}
        self._init_helpers: dict[int, frozenset[str]] = {}
        self._method_names: frozenset[str] | None = None
        self._trainers: frozenset[str] | None = None
        self._defined: list[ast.FunctionDef | ast.AsyncFunctionDef] | None = None
        self._grad_free: dict[int, GradFreeNames] = {}

    def defined(self, module: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
        """The module's top-level functions and the methods of its top-level classes."""
        if self._defined is None:
            found: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
            for node in module.body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found.append(node)
                elif isinstance(node, ast.ClassDef):
                    found.extend(f for f in node.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)))
            self._defined = found
        return self._defined

    def trainers(self, module: ast.Module) -> frozenset[str]:
        """The names of the module's functions and methods (:meth:`defined`) that run ``backward()``,
        themselves or through another of them they call by name (``train_step(...)``,
        ``self.epochTrain(...)``, ``Trainer.epochTrain(...)``). A method called as ``x.step()``,
        ``x.forward()``, ``x.train()`` and the like does not count: those names are torch's too."""
        if self._trainers is None:
            functions = self.defined(module)
            found = {f.name for f in functions if self.function(f).calls_backward}
            grown = bool(found)
            while grown:
                grown = False
                for f in functions:
                    if f.name not in found and self.drives(f, found):
                        found.add(f.name)
                        grown = True
            self._trainers = frozenset(found)
        return self._trainers

    def drives(self, node: ast.FunctionDef | ast.AsyncFunctionDef, trainers: set[str] | frozenset[str]) -> bool:
        """``node`` calls, by name, one of ``trainers``."""
        if not trainers:
            return False
        facts = self.function(node)
        return bool(facts.calls_names & trainers) or bool((facts.calls_methods - TORCH_METHOD_NAMES) & trainers)

    def method_names(self, module: ast.Module) -> frozenset[str]:
        """The names of the methods the top-level classes of the module define."""
        if self._method_names is None:
            self._method_names = frozenset(
                f.name for c in module.body if isinstance(c, ast.ClassDef) for f in c.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
            )
        return self._method_names

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Module) -> FunctionFacts:
        facts = self._functions.get(id(node))
        if facts is None:
            scan = _FunctionScan(node)
            scan.visit(node)
            facts = self._functions[id(node)] = scan.facts
            back = facts.backpropagated
            grown = True
            while grown:  # `loss_sum += loss; loss_sum.backward()` back-propagates loss too
                grown = False
                for target, added in facts.adds:
                    if target in back and not added <= back:
                        back |= added
                        grown = True
        return facts

    def grad_free_names(self, node: ast.AST) -> GradFreeNames:
        """The names ``node``'s body binds only under ``no_grad``, and those it binds only as loop
        targets (:mod:`lossguard.static.no_grad_names`)."""
        names = self._grad_free.get(id(node))
        if names is None:
            names = self._grad_free[id(node)] = grad_free_names(node)
        return names

    def self_names(self, node: ast.AST) -> frozenset[str]:
        """The names code under ``node`` (nested functions and lambdas included) may read an
        attribute of ``self`` by: ``self.<name>`` and every string constant (``getattr(self, "nc")``)."""
        names = self._self_names.get(id(node))
        if names is None:
            found = set()
            for n in ast.walk(node):
                if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self":
                    found.add(n.attr)
                elif isinstance(n, ast.Constant) and isinstance(n.value, str):
                    found.add(n.value)
            names = self._self_names[id(node)] = frozenset(found)
        return names

    def init_helpers(self, cls: ast.ClassDef) -> frozenset[str]:
        """Methods that only ``__init__`` runs (``self.__build_model()``), directly or through each
        other: what they assign to ``self`` is part of construction. Asked for every attribute a
        built instance is given (a 1,800-line trainer class took 3 s before it was kept)."""
        helpers = self._init_helpers.get(id(cls))
        if helpers is None:
            helpers = self._init_helpers[id(cls)] = _init_helpers(cls)
        return helpers

    def cls(self, node: ast.ClassDef) -> ClassFacts:
        facts = self._classes.get(id(node))
        if facts is None:
            names = {n.func.id for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
            facts = self._classes[id(node)] = ClassFacts(names)
        return facts


def self_calls(fn: ast.AST) -> set[str]:
    """Names of methods called as ``self.<name>(...)`` in a function body."""
    return {
        n.func.attr
        for n in ast.walk(fn)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name) and n.func.value.id == "self"
    }


def _init_helpers(cls: ast.ClassDef) -> frozenset[str]:
    methods = {s.name: s for s in cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    if "__init__" not in methods:
        return frozenset()
    reached: set[str] = set()
    todo = [n for n in self_calls(methods["__init__"]) if n in methods and n != "__init__"]
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        todo.extend(n for n in self_calls(methods[name]) if n in methods and n != "__init__")
    called_elsewhere: set[str] = set()
    for name, fn in methods.items():
        if name != "__init__" and name not in reached:
            called_elsewhere |= self_calls(fn)
    return frozenset(reached - called_elsewhere)


def parameter_defaults(args: ast.arguments) -> list[tuple[ast.arg, ast.expr]]:
    """Each parameter that has a default, with the default's expression (positional, then keyword-only)."""
    positional = [*args.posonlyargs, *args.args]
    pairs = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults))
    return pairs + [(p, d) for p, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
