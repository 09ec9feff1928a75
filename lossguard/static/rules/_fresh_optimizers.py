"""LG014's reading of an optimizer (re)built inside the loop that steps it.

A new optimizer clears nothing: gradients live on the parameters, and ``torch.optim.SGD(model.parameters())`` built
afresh each iteration steps on whatever ``.grad`` the earlier iterations left there. Such a loop still starts each
step from empty gradients when the parameters themselves are new every iteration (``model = Net()`` in the loop: one
network per iteration), and a loop counted by ``range`` over a model's outputs is as likely a numeric check as a
training loop (torch's ``fx_passes/numeric_utils.py``, the survey look-alike
``tests/corpus/files/survey_numeric_check_fresh_optimizer.py``). Round 31 (CuthbertCai/pytorch_DANN before
540e0c1699): a domain-adaptation trainer rebuilds ``optim.SGD(list(feature_extractor.parameters()) +
list(class_classifier.parameters()), ...)`` for every pair of batches it draws from two loaders, of networks it was
handed, and steps it without clearing: each step applies the sum of every batch's gradient so far.

Round 39 (prec29's false alarm on CarperAI/trlx ``tests/test_peft.py:209``): the optimizer is built in a helper the
loop calls, a local of that helper (``optimizer = torch.optim.SGD(model.parameters(), lr=0.1)`` then
``optimizer.step()`` in ``_backprop(self, model)``), over the helper's parameter, and the loop hands it
``self.model``, which another method it calls rebinds every iteration (``self._create_model(...)`` storing
``self.model = ...from_pretrained(...)``). A local is built anew at every call, so each iteration's is a new
optimizer; its parameters are read at the loop's call site (the argument the helper's parameter receives), and a
``self`` attribute counts as rebound by the loop when a method of the class the loop calls on ``self`` stores it.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.scope_nodes import FUNCTION_DEFS, own_nodes
from lossguard.static.tree_index import ancestors, class_of_member
from lossguard.static.values import Optimizer

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.events import LoopSummary
    from lossguard.static.project import ModuleInfo

# calls whose result only counts (`for i in range(n)`, tqdm's `trange(n)`, `itertools.count()`)
_COUNTERS = frozenset({"range", "trange", "count"})
# calls that hand on the items of their first argument (`enumerate(loader)`, `tqdm(loader)`)
_PASS_THROUGH = frozenset({"enumerate", "tqdm", "iter"})


def lightning_optimizers(node: ast.AST) -> bool:
    """``self.optimizers()`` or ``self.optimizers()[0]``: Lightning's configured optimizers, fetched in place."""
    while isinstance(node, ast.Subscript):
        node = node.value
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "optimizers"


def rebuilt_in_loop(step: ast.Call, loop: ast.AST, module: ModuleInfo) -> bool:
    """Whether the optimizer whose step() is called is (re)built inside the loop body: a call assigned to the
    step's receiver there. Lightning's ``self.optimizers()`` hands back the optimizers it configured once, the
    same objects every step."""
    receiver = module.segment(step.func.value) if isinstance(step.func, ast.Attribute) else ""
    return any(
        isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and not lightning_optimizers(node.value)
        and any(module.segment(t) == receiver for t in node.targets)
        for node in ast.walk(loop)
    )


def _callee(node: ast.expr) -> str:
    func = node.func if isinstance(node, ast.Call) else None
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _counts(iterable: ast.expr) -> bool:
    """The loop's iterable only counts: ``range(n)``, ``trange(n)``, ``itertools.count()``, a number, also inside
    ``enumerate(...)`` / ``tqdm(...)``."""
    while isinstance(iterable, ast.Call) and _callee(iterable) in _PASS_THROUGH and iterable.args:
        iterable = iterable.args[0]
    if isinstance(iterable, ast.Constant):
        return True
    return isinstance(iterable, ast.Call) and _callee(iterable) in _COUNTERS


def _bound_in(loop: ast.AST, module: ModuleInfo) -> set[str]:
    """Source texts of every name or attribute the loop (re)binds: assignment targets, its own and its inner
    loops' targets, ``with ... as`` names (not inside functions it defines)."""
    bound: set[str] = set()
    todo: list[ast.AST] = [loop]
    while todo:
        node = todo.pop()
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor)):
            targets = [node.target]
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            targets = [node.optional_vars]
        for target in targets:
            for sub in ast.walk(target):
                if isinstance(sub, (ast.Name, ast.Attribute)):
                    bound.add(module.segment(sub))
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                todo.append(child)
    return bound


def _holding_function(node: ast.AST, module: ModuleInfo) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The innermost function of the module whose body holds ``node``."""
    return next((up for up in reversed(ancestors(module.module, node)) if isinstance(up, FUNCTION_DEFS)), None)


def _local_rebuilt(step: ast.Call, fn: ast.AST) -> bool:
    """Whether ``step``'s receiver is a plain name that ``fn`` binds from a call, a local of ``fn`` (no ``global`` or
    ``nonlocal`` of it): every call of ``fn`` builds its own optimizer."""
    receiver = step.func.value if isinstance(step.func, ast.Attribute) else None
    if not isinstance(receiver, ast.Name):
        return False
    nodes = list(own_nodes(ast.iter_child_nodes(fn)))
    if any(isinstance(n, (ast.Global, ast.Nonlocal)) and receiver.id in n.names for n in nodes):
        return False
    return any(
        isinstance(n, ast.Assign)
        and isinstance(n.value, ast.Call)
        and not lightning_optimizers(n.value)
        and any(isinstance(t, ast.Name) and t.id == receiver.id for t in n.targets)
        for n in nodes
    )


def _calls_of(fn: ast.FunctionDef | ast.AsyncFunctionDef, loop: ast.AST) -> list[ast.Call]:
    """The loop's own calls of ``fn`` by its name: ``fn(...)``, ``self.fn(...)``."""
    return [
        n
        for n in own_nodes([loop])
        if isinstance(n, ast.Call)
        and (isinstance(n.func, ast.Name) and n.func.id == fn.name or isinstance(n.func, ast.Attribute) and n.func.attr == fn.name)
    ]


def _argument_texts(owner: str, fn: ast.FunctionDef | ast.AsyncFunctionDef, calls: list[ast.Call], module: ModuleInfo) -> set[str] | None:
    """The texts the loop's calls of ``fn`` hand to the parameter ``owner`` starts with (``self.model`` for ``model``
    of ``self._backprop(self.model)``), the rest of ``owner`` appended; None where a call hands it on no way read
    here (a starred argument, a default) or ``owner`` starts with no parameter of ``fn``."""
    root, dot, rest = owner.partition(".")
    params = [a.arg for a in [*fn.args.posonlyargs, *fn.args.args]]
    if root not in params and root not in {a.arg for a in fn.args.kwonlyargs}:
        return None
    texts: set[str] = set()
    for call in calls:
        index = params.index(root) if root in params else -1
        if index >= 0 and isinstance(call.func, ast.Attribute) and params and params[0] in ("self", "cls"):
            index -= 1  # a method called on its object: the first parameter is the receiver
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return None
        given = call.args[index] if 0 <= index < len(call.args) else next((k.value for k in call.keywords if k.arg == root), None)
        if given is None:
            return None
        texts.add(module.segment(given) + dot + rest)
    return texts or None


def _stored_by_own_methods(loop: ast.AST, module: ModuleInfo) -> set[str]:
    """``self.<attr>`` texts that the methods the loop calls on ``self`` (and the methods those call on ``self``) store:
    ``self._create_model(...)`` whose body writes ``self.model = ...``."""
    fn = _holding_function(loop, module)
    cls = class_of_member(module.module, fn) if fn is not None else None
    if cls is None:
        return set()
    methods = {m.name: m for m in cls.body if isinstance(m, FUNCTION_DEFS)}
    stored: set[str] = set()
    todo, seen = [loop], set()
    while todo:
        for n in own_nodes([todo.pop()]):
            if isinstance(n, ast.Assign):
                targets = [sub for t in n.targets for sub in ast.walk(t)]
                stored.update(
                    module.segment(t) for t in targets if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"
                )
            elif (
                isinstance(n, ast.Call)
                and isinstance(n.func, ast.Attribute)
                and isinstance(n.func.value, ast.Name)
                and n.func.value.id == "self"
                and n.func.attr in methods
                and n.func.attr not in seen
            ):
                seen.add(n.func.attr)
                todo.extend(methods[n.func.attr].body)
    return stored


def _helper_fresh(step: ast.Call, loop: LoopSummary, owners: tuple[str, ...]) -> bool:
    """The step's optimizer is a local of a helper the loop calls (see the module docstring), over networks the loop
    rebinds as its calls of the helper hand them on."""
    module = loop.ctx.module
    fn = _holding_function(step, module)
    if fn is None or fn is loop.ctx.func or not _local_rebuilt(step, fn):
        return False
    node = loop.node
    if not owners or not isinstance(node, (ast.For, ast.AsyncFor)) or _counts(node.iter):
        return True
    calls = _calls_of(fn, node)
    bound = _bound_in(node, module) | _stored_by_own_methods(node, module)
    for owner in owners:
        texts = _argument_texts(owner, fn, calls, module)
        if texts is None or not all(any(t == name or t.startswith(name + ".") for name in bound) for t in texts):
            return False
    return True


def _stepped_value(step: ast.Call, loop: LoopSummary) -> object:
    return next((receiver for _, receiver, node in loop.calls if node is step), None)


def fresh_each_iteration(step: ast.Call, loop: LoopSummary) -> bool:
    """Whether the optimizer that ``step`` steps is rebuilt inside the loop in a way that may start every step from
    empty gradients, so that a missing ``zero_grad()`` accumulates nothing: rebuilt there (:func:`rebuilt_in_loop`)
    and either over parameters not known (a name, a list built elsewhere), or of a network the loop itself (re)binds
    (``model = Net()`` each iteration), or in a loop that is not a ``for`` over data (a ``while``, or a count:
    ``for i in range(n)``). An optimizer rebuilt for every batch a ``for`` draws from an iterable, over the
    ``.parameters()`` of networks made before the loop, is not fresh: their gradients add up across batches."""
    module = loop.ctx.module
    node = loop.node
    receiver = _stepped_value(step, loop)
    owners = receiver.params if isinstance(receiver, Optimizer) else ()
    if not rebuilt_in_loop(step, node, module):
        return _helper_fresh(step, loop, owners)
    if not owners or not isinstance(node, (ast.For, ast.AsyncFor)) or _counts(node.iter):
        return True
    bound = _bound_in(node, module)
    return any(owner == name or owner.startswith(name + ".") for owner in owners for name in bound)
