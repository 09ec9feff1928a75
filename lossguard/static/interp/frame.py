"""The interpreter's state: frames, environments, and small helpers shared by its parts."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.events import BACKWARD_CALLS, CALLEE, SET_GRAD, ZERO_BUILDERS, Accumulate, Context, ForeignCall, zeroes_built_tensor
from lossguard.static.project import ModuleInfo
from lossguard.static.scope_nodes import FUNCTION_DEFS
from lossguard.static.values import ClassRef, Value, join

Env = dict[str, Value]
Sink = Callable[[object], None]
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


def drop(event: object) -> None:
    """The sink of calls whose events are not reported (each option of a choice run in turn)."""


@contextmanager
def events_dropped(interp: Any) -> Iterator[None]:
    """Run with the interpreter's events dropped (its sink is :func:`drop`); the functions first
    reached meanwhile are not counted as covered, so they are still analysed on their own."""
    sink, covered = interp.sink, set(interp.covered)
    interp.sink = drop
    try:
        yield
    finally:
        interp.sink, interp.covered = sink, covered


def parameter_names(fn: ast.AST, starred: bool = True) -> list[str]:
    """The names of ``fn``'s parameters, in order (positional, keyword-only), then its ``*args`` and
    ``**kwargs`` names unless ``starred`` is False; none for a node that is not a function."""
    args = getattr(fn, "args", None)
    if args is None:
        return []
    names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
    return names + [a.arg for a in (args.vararg, args.kwarg) if a is not None] if starred else names


def call_argument(node: ast.Call, fn: ast.AST, name: str, bound_self: bool) -> ast.expr | None:
    """The expression ``node`` passes for parameter ``name`` of ``fn``; None for a default, or when a
    starred argument hides which one it is."""
    if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
        return None
    for k in node.keywords:
        if k.arg == name:
            return k.value
    args = getattr(fn, "args", None)
    if args is None:
        return None
    positional = [a.arg for a in (*args.posonlyargs, *args.args)]
    if bound_self:
        positional = positional[1:]
    if name in positional and positional.index(name) < len(node.args):
        return node.args[positional.index(name)]
    return None


MAX_DEPTH = 6
#: list methods that change a list's length or items
LIST_MUTATORS = ("append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "__setitem__", "__delitem__")
MODULE_BASES = {"torch.nn.Module", "torch.nn.modules.module.Module"}
MODULE_MUTATORS = {"add_module", "append", "extend", "insert", "register_module", "__setitem__"}
MODULE_SELF_METHODS = {
    "to",
    "cuda",
    "cpu",
    "train",
    "eval",
    "float",
    "double",
    "half",
    "bfloat16",
    "requires_grad_",
    "apply",
    "type",
    "share_memory",
    "to_empty",
}


class Closure:
    """The names a lambda sees (compared by identity, so lambdas stay hashable)."""

    def __init__(self, env: Env) -> None:
        self.env = env


@dataclass(frozen=True, eq=False)
class LambdaRef(Value):
    node: ast.Lambda
    module: ModuleInfo
    closure: Closure

    def __hash__(self) -> int:
        return id(self.node)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LambdaRef) and other.node is self.node


class SuperRef(Value):
    def __init__(self, cls: ClassRef, self_value: Value) -> None:
        self.cls = cls
        self.self_value = self_value


class Frame:
    """The state of one function body being interpreted."""

    __slots__ = (
        "module",
        "func",
        "scope",
        "self_value",
        "is_init",
        "loops",
        "no_grad",
        "returns",
        "yields",
        "returned_at",
        "loop_calls",
        "depth",
        "owner",
        "called",
        "callsite",
        "result_site",
        "grad_calls",
        "self_accs",
        "param_accs",
        "choices",
        "nested",
        "free_growth",
        "sums",
        "listed",
        "backpropagated",
        "dead",
        "_dead_frozen",
        "tests",
        "unrolling",
        "taken",
        "forced",
        "carried",
        "receiver_state",
    )

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
        self.result_site: tuple[ModuleInfo, ast.Call] | None = None  # where its result goes (interp.result_sites)
        self.module = module
        self.func = func
        self.scope = id(func) if func is not None else id(module.module)
        self.self_value = self_value
        self.is_init = is_init
        self.loops: list[ast.stmt] = []
        self.unrolling = False  # a loop over known layers is being run once per layer (interp.layer_loops)
        self.forced: dict[int, bool] = {}  # `if` statements a loop's last iteration decides (interp.layer_loops), by id
        self.no_grad = no_grad
        self.returns: list[Value] = []
        self.yields: list[Value] = []  # what the ``yield`` expressions of this body give (interp.generators)
        self.returned_at: dict[int, Value] = {}  # id of a return statement -> what it returned (joined)
        self.loop_calls: list[list[tuple[str, Value, ast.AST]]] = []
        # the gradient calls (backward, step, zero_grad, ...) this body makes, directly or through the
        # functions it calls, with their module: a loop that calls this function makes them too
        self.grad_calls: list[tuple[str, Value, ast.AST, ModuleInfo]] = []
        # graph-holding values this body (outside any loop of its own) adds to attributes of ``self``
        # or of the objects ``self`` holds (``self.sum += val``): they outlive the call
        self.self_accs: list[Accumulate] = []
        # the same for objects this body was given (interp.passed_holders): (parameter, accumulation)
        self.param_accs: list[tuple[str, Accumulate]] = []
        # functions an `if` bound together (interp.choices): statements reading several run per side
        self.choices: tuple = ()
        self.nested: list[FunctionNode] = []  # functions defined in this body (interp.nested)
        self.free_growth: dict[str, Value] = {}  # items appended to free names of this body (interp.closure_lists)
        self.sums: dict[str, frozenset[str]] = {}  # local name -> the names it adds up (interp.loss_parts)
        self.listed: dict[str, tuple[str, ...]] = {}  # local name -> the names of the list it was bound to (interp.loss_parts)
        self.backpropagated: set[str] | None = None  # FunctionFacts.backpropagated of this body, once read
        #: ids of the nodes of branches this call never takes (decided tests); it only grows
        self.dead: set[int] = set()
        self._dead_frozen: frozenset[int] = frozenset()  # the last copy of ``dead`` handed out (:meth:`frozen_dead`)
        self.tests: list[tuple[str, object, bool]] = []  # outcomes of the setting tests around (interp.branch_settings)
        self.taken: set[int] = set()  # ids of the `if` statements whose body this call certainly runs (decided true)
        self.depth = depth
        self.owner = owner
        self.carried: frozenset[str] = frozenset()  # `self` attributes the caller's bindings gave (interp.self_effects)
        self.receiver_state: dict[str, tuple] = {}  # name -> (object, call, what the call set) (interp.receiver_state)

    @property
    def scope_node(self) -> ast.AST:
        """The body being interpreted: the function, or the module at module level."""
        return self.func if self.func is not None else self.module.module

    def frozen_dead(self) -> frozenset[int]:
        """``dead`` as it stands, frozen: each event and loop summary carries it. ``dead`` only grows, so a copy of the
        same size is the same set: a new one is made only after it grew, not per event."""
        if len(self._dead_frozen) != len(self.dead):
            self._dead_frozen = frozenset(self.dead)
        return self._dead_frozen

    def dead_extra(self) -> dict[str, object]:
        """A loop summary's ``extra`` for the branches this call never takes: ``{"dead": ...}``, or {} when none."""
        return {"dead": self.frozen_dead()} if self.dead else {}

    def ctx(self) -> Context:
        return Context(
            self.module,
            self.func,
            self.scope,
            tuple(self.loops),
            self.no_grad,
            self.called,
            self.callsite,
            dead=self.frozen_dead(),
            result_site=self.result_site,
        )


# ---------------------------------------------------------------------- helpers


def grad_relevant(name: str) -> bool:
    """Whether a call of this name can matter to a loop's backward / step / zero_grad bookkeeping."""
    low = name.lower()
    # `torch.zeros(...)` in a helper of another file is no clearing call (it would stand as one there)
    return name in BACKWARD_CALLS or name in ("step", SET_GRAD) or "grad" in low or "zero" in low and name not in ZERO_BUILDERS


def record_call(frame: Frame, name: str, receiver: Value, node: ast.AST) -> None:
    """A call made in this body: into every enclosing loop's calls, and into the body's gradient calls."""
    for calls in frame.loop_calls:
        calls.append((name, receiver, node))
    if grad_relevant(name) and not zeroes_built_tensor(name, receiver):
        frame.grad_calls.append((name, receiver, node, frame.module))


def loops_trained(frame: Frame) -> tuple[bool, ...]:
    """For each loop of the body (outermost first): whether a ``backward()`` ran in it so far, in its
    own body or in a function it called; not one in a branch this call never takes (``frame.dead``)."""
    dead = frame.dead
    return tuple(any(name in BACKWARD_CALLS and id(node) not in dead for name, _, node in calls) for calls in frame.loop_calls)


def fold_callee_calls(frame: Frame, made: tuple[tuple[str, Value, ast.AST, ModuleInfo], ...]) -> None:
    """The gradient calls a called function made are this body's, and its loops': ``train_step()`` in
    a loop that runs ``loss.backward()`` and ``self.optimizer.step()`` is a loop with those calls. A
    clearing call in another file stands as a clearing whose optimizer is not known (the rules read
    the text of a call in the loop's own file); a step() there is kept with its file
    (:class:`ForeignCall`), for a loop that clears no gradient at all."""
    if not made:
        return
    frame.grad_calls.extend(made)
    if not frame.loop_calls:
        return
    folded = as_seen_from(frame.module, made)
    for calls in frame.loop_calls:
        calls.extend(folded)


def as_seen_from(module: ModuleInfo, made: Iterable[tuple[str, Value, ast.AST, ModuleInfo]]) -> list[tuple[str, Value, ast.AST]]:
    """Gradient calls as a loop in ``module`` keeps them: a call made in that file as it is; a step()
    in another file kept with its file (:class:`ForeignCall`); any other call there a clearing whose
    optimizer is not known."""
    folded: list[tuple[str, Value, ast.AST]] = []
    for name, receiver, node, where in made:
        if where is module or name in BACKWARD_CALLS or name == CALLEE:
            folded.append((name, receiver, node))
        elif name == "step":
            folded.append((name, ForeignCall(receiver, where, name), node))
        else:
            folded.append((SET_GRAD, ForeignCall(receiver, where, name), node))
    return folded


def replace_env(env: Env, new: Env) -> None:
    env.clear()
    env.update(new)


def join_envs(envs: list[Env]) -> Env:
    if len(envs) == 1:
        return dict(envs[0])
    # the names bound on every path, in the first path's order (a set's order would change with
    # the string hash seed, and what is looked for in a module's globals with it: round 27)
    keys = [k for k in envs[0] if all(k in e for e in envs[1:])]
    bound_everywhere = set(keys)
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
            elif k not in bound_everywhere:
                out[k] = join(out[k], v)
    return out


def is_self(node: ast.expr, frame: Frame) -> bool:
    return isinstance(node, ast.Name) and frame.self_value is not None and node.id == "self"


#: in-place methods that give the tensor other axes (round 28: `imgs.resize_(n, 784)` of a loader's images)
RESHAPES_IN_PLACE = frozenset(
    {"resize_", "resize_as_", "squeeze_", "unsqueeze_", "t_", "transpose_", "swapaxes_", "swapdims_", "as_strided_", "set_"}
)
KEEPS_VALUES_IN_PLACE = {"requires_grad_", "detach_", "share_memory_", "retain_grad", "pin_memory_", "record_stream_", "resize_"}


def rewrites_values(method: str) -> bool:
    """An in-place tensor method (trailing underscore) that changes the tensor's numbers."""
    return method.endswith("_") and not method.startswith("_") and method not in KEEPS_VALUES_IN_PLACE


def detached_expr(node: ast.expr) -> bool:
    """Whether the expression is written as graph-free: ``pred.detach().cpu()``, ``out.data[:, 0]``,
    ``loss.item()`` (read from the text: a value the interpreter does not know may still be one)."""
    while True:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("detach", "item"):
                return True
            if node.func.attr not in api.GRAPH_KEEPING_METHODS:
                return False
            node = node.func.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            return isinstance(node, ast.Attribute) and node.attr == "data"


def same_expr(a: ast.expr, b: ast.expr) -> bool:
    """Whether two expressions are written the same (``acc`` in ``acc = acc + x``)."""
    if isinstance(a, ast.Name):
        return isinstance(b, ast.Name) and a.id == b.id
    if type(a) is not type(b) or not isinstance(a, (ast.Attribute, ast.Subscript)):
        return False
    return ast.unparse(a) == ast.unparse(b)  # ast.dump would tell the Store target from the Load read


def is_static(fn: FunctionNode) -> bool:
    return has_decorator(fn, "staticmethod")


def has_decorator(fn: FunctionNode, name: str) -> bool:
    return any(isinstance(d, ast.Name) and d.id == name for d in fn.decorator_list)


def all_functions(module: ast.Module) -> list[tuple[FunctionNode, ast.ClassDef | None]]:
    """Every function and method, with its class (top-level classes and functions only, plus nesting)."""
    out: list[tuple[FunctionNode, ast.ClassDef | None]] = []

    def walk(stmts: Iterable[ast.stmt], owner: ast.ClassDef | None) -> None:
        for s in stmts:
            if isinstance(s, FUNCTION_DEFS):
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


def pattern_names(pattern: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(pattern):
        for attr in ("name", "rest"):
            value = getattr(node, attr, None)
            if isinstance(value, str):
                names.add(value)
    return names


EXTERNAL_ROOTS = {
    "torch",
    "torchvision",
    "torchaudio",
    "timm",
    "transformers",
    "numpy",
    "np",
    "lightning",
    "pytorch_lightning",
    "tensorflow",
    "jax",
    "flax",
    "sklearn",
    "pandas",
    "os",
    "sys",
    "math",
    "typing",
    "collections",
    "functools",
    "itertools",
    "random",
    "json",
    "re",
    "time",
    "logging",
    "argparse",
    "dataclasses",
    "pathlib",
    "abc",
    "copy",
    "warnings",
    "__future__",
}


def is_external(dotted: str) -> bool:
    return dotted.split(".")[0] in EXTERNAL_ROOTS
