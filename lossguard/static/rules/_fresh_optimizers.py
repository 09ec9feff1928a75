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
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

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
    if not rebuilt_in_loop(step, node, module):
        return False
    receiver = _stepped_value(step, loop)
    owners = receiver.params if isinstance(receiver, Optimizer) else ()
    if not owners or not isinstance(node, (ast.For, ast.AsyncFor)) or _counts(node.iter):
        return True
    bound = _bound_in(node, module)
    return any(owner == name or owner.startswith(name + ".") for owner in owners for name in bound)
