"""LG014 missing-zero-grad: a training loop with backward() and step() but no zero_grad()."""

from __future__ import annotations

import ast
import dataclasses
import re
from typing import TYPE_CHECKING

from lossguard.static import torch_api as api
from lossguard.static.events import (
    BACKWARD_CALLS,
    CALLEE,
    KERAS_APPLY,
    SET_GRAD,
    ForeignCall,
    LoopSummary,
    TorchCall,
    rescales_grad,
    zeroes_built_tensor,
)
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.rule import Rule
from lossguard.static.rules._abstract_calls import calls_a_subclass_method
from lossguard.static.rules._aliased_optimizers import same_optimizer
from lossguard.static.rules._container_clears import cleared_container, stepped_from
from lossguard.static.rules._counter_schedule import scheduled_step
from lossguard.static.rules._foreign_torch import overwrites_gradients
from lossguard.static.rules._fresh_optimizers import fresh_each_iteration, lightning_optimizers
from lossguard.static.rules._graph_evidence import call_name
from lossguard.static.rules._holder_clears import holder_cleared
from lossguard.static.rules._last_iteration import on_last_iteration_only
from lossguard.static.rules._network_clears import cleared_network, steps_uncleared_network
from lossguard.static.rules._parameter_tensors import may_be_cleared
from lossguard.static.rules._per_network_loop import picked_by_loop
from lossguard.static.rules._single_pass_loops import single_pass
from lossguard.static.scope_nodes import scope_nodes
from lossguard.static.values import External, Instance, Optimizer, QualName, Unknown

_NOT_CLEARING = {"clip_grad_norm_", "clip_grad_value_", "requires_grad_", "no_grad", "enable_grad", "set_grad_enabled", "backward", "manual_backward"}


# zero_grad, zero_grads, optimizer_zero_grad, p.grad.zero_(), reset_grads, ... (not torch.zeros_like)
_CLEARING = re.compile(r"zero.*grad|grad.*zero|^zero_$|(reset|clear|free|set|drop).*grad|grad.*(reset|clear|none)")


def _clears_grads(name: str, receiver: object = None) -> bool:
    """Whether a call of this name clears gradients. A bare ``zero_()`` does when its receiver may be a
    gradient (``g = p.grad; g.zero_()``), not on a tensor the checked code built (``zeroes_built_tensor``)."""
    if zeroes_built_tensor(name, receiver):
        return False
    low = name.lower()
    if low in _NOT_CLEARING or low.startswith("clip_grad"):
        return False
    return name == SET_GRAD or _CLEARING.search(low) is not None


if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo


def _clears_elsewhere(receiver: ForeignCall) -> bool:
    """Whether a call folded from a function of another file (``as_seen_from`` folds every call there whose name
    mentions a gradient as a clearing whose optimizer is not known) is a clearing call: the call made there clears
    (``zero_grad()``, ``p.grad = None``), not any call whose name mentions a gradient (round 31,
    CuthbertCai/pytorch_DANN: the domain classifier's forward calls its gradient-reversal layer's ``grad_reverse()``)."""
    return _clears_grads(receiver.name, receiver.receiver)


#: the attributes a parameter keeps its gradient in (LG017 and LG018 read them too)
GRAD_ATTRS = ("grad", "_grad")
# in-place methods that reset or overwrite a gradient (zero_grad's own code is detach_() + zero_());
# clamp_/div_ (clipping, averaging) keep it, so a loop that only clips is still reported
_OVERWRITING = {"zero_", "detach_", "fill_", "mul_", "copy_", "set_"}


def _is_grad(node: ast.AST) -> bool:
    """``p.grad``, ``param._grad``, ``p.grad.data``: a parameter's gradient."""
    while isinstance(node, ast.Attribute):
        if node.attr in GRAD_ATTRS:
            return True
        node = node.value
    return False


def _clears_manually(loop: ast.AST, dead: frozenset[int] = frozenset()) -> bool:
    """Whether the loop handles gradients by hand: assigns or deletes ``.grad`` / ``._grad``
    (``p.grad = None``), calls an in-place method on a gradient (``p.grad.zero_()``,
    ``p.grad.detach_()``, ``p.grad.mul_(0)``; not ``clamp_``, nor a rescaling, ``events.rescales_grad``), ``setattr(p, "grad",
    None)`` or ``torch._foreach_zero_``. Nodes in ``dead`` (a branch the call analysed never takes: ``if params is not None:`` with
    ``params=None``) do not count."""
    for node in ast.walk(loop):
        if id(node) in dead or rescales_grad(node):
            continue
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            if any(isinstance(t, ast.Attribute) and t.attr in GRAD_ATTRS for target in targets for t in ast.walk(target)):
                return True
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in _OVERWRITING and _is_grad(func.value):
                return True
            name = call_name(node)
            if name == "setattr" and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and node.args[1].value in GRAD_ATTRS:
                return True
            if name == "_foreach_zero_":
                return True
    return False


def _clears_in(fn: ast.AST) -> bool:
    """``fn`` clears gradients in its own body: a clearing call (``self.optimizer.zero_grad()``) or by hand."""
    return _clears_manually(fn) or any(isinstance(c, ast.Call) and _clears_grads(call_name(c)) for c in ast.walk(fn))


def _elided(loop: ast.AST) -> bool:
    """The loop's body holds a bare ``...`` statement (round 27, seilk/fullstack-deeplearning's
    trainer templates: ``for batch in loader: ...  # training logic`` then ``loss.backward()``,
    ``optimizer.step()``): part of the step is left out, and the clearing may be in it."""
    return any(isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and node.value.value is Ellipsis for node in scope_nodes(loop))


def _lbfgs_iterations(node: ast.Call) -> object:
    """The ``max_iter`` written at an ``LBFGS(...)`` call (a keyword or the third positional argument): the literal,
    or ``...`` when it is written otherwise, or 20 (torch's default) when absent."""
    for kw in node.keywords:
        if kw.arg == "max_iter":
            return kw.value.value if isinstance(kw.value, ast.Constant) else ...
        if kw.arg is None:
            return ...
    if len(node.args) >= 3:
        return node.args[2].value if isinstance(node.args[2], ast.Constant) else ...
    return 20


def _uncleared_lbfgs_step(node: ast.Call, scope: ast.AST, module_tree: ast.AST) -> ast.Call | None:
    """``optimizer = optim.LBFGS(params, max_iter=50)`` ... ``def closure(): loss = ...; loss.backward(); return loss``
    ... ``optimizer.step(closure)`` (gpleiss/temperature_scaling before 126a509): LBFGS evaluates the closure up to
    ``max_iter`` times within one step(), so a closure that back-propagates and never clears the gradients adds each
    evaluation's gradient to the previous ones. The step() call, when the optimizer is assigned to one name or
    attribute in ``scope``, stepped there with a closure defined there (a ``def`` of that name, or a lambda), which
    calls ``backward()`` itself and no clearing call (``zero_grad()``, ``p.grad = None``, nor a function of the
    file that clears); None otherwise, and for ``max_iter=1`` or a ``max_iter`` not written as a literal."""
    iterations = _lbfgs_iterations(node)
    if not isinstance(iterations, int) or iterations <= 1:
        return None
    targets = [n.targets[0] for n in ast.walk(scope) if isinstance(n, ast.Assign) and n.value is node and len(n.targets) == 1]
    if len(targets) != 1 or not isinstance(targets[0], (ast.Name, ast.Attribute)):
        return None
    holder = ast.unparse(targets[0])
    clearing_defs = {fn.name for fn in ast.walk(module_tree) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and _clears_in(fn)}
    for call in ast.walk(scope):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "step"):
            continue
        if ast.unparse(call.func.value) != holder:
            continue
        given = call.args[0] if len(call.args) == 1 and not call.keywords else next((k.value for k in call.keywords if k.arg == "closure"), None)
        closure: ast.AST | None = None
        if isinstance(given, ast.Lambda):
            closure = given
        elif isinstance(given, ast.Name):
            defs = [f for f in ast.walk(scope) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.name == given.id]
            closure = defs[0] if len(defs) == 1 else None
        if closure is None:
            continue
        calls = [c for c in ast.walk(closure) if isinstance(c, ast.Call)]
        if not any(call_name(c) in BACKWARD_CALLS for c in calls):
            continue
        if _clears_manually(closure) or any(_clears_grads(call_name(c)) or call_name(c) in clearing_defs for c in calls):
            continue
        return call
    return None


def _closure_of(step: ast.Call, scope: ast.AST, loop: ast.AST) -> ast.AST | None:
    """The closure ``opt.step(closure)`` (or ``step(closure=...)``) passes: a lambda written there, or the ``def`` of that
    name the step reads: the last one before it in ``loop`` (an engine defines a ``closure`` in its training loop and
    another in its validation loop), else the one in ``scope``; None otherwise."""
    given = step.args[0] if len(step.args) == 1 and not step.keywords else None
    if not step.args:
        given = next((k.value for k in step.keywords if k.arg == "closure"), None)
    if isinstance(given, ast.Lambda):
        return given
    if isinstance(given, ast.Name):
        before = [
            f
            for f in ast.walk(loop)
            if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
            and f.name == given.id
            and f.end_lineno is not None
            and f.end_lineno < step.lineno
        ]
        if before:
            return max(before, key=lambda f: f.lineno)
        defs = [f for f in ast.walk(scope) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.name == given.id]
        return defs[0] if len(defs) == 1 else None
    return None


def _closure_steps(loop: LoopSummary) -> frozenset[int]:
    """The step() calls of the loop (written in its own file) that pass a closure which calls ``backward()`` and clears no
    gradient (round 29, nnaakkaaii/g2-MLP's torchnet-style engine: ``def closure(): ...; loss.backward()`` then
    ``state['optimizer'].step(closure)`` in the batch loop, its ``zero_grad()`` removed by a mutation). torch's optimizers
    call the closure inside step(), so the loop back-propagates and steps there; a closure that clears (``zero_grad()`` at its
    start, the usual LBFGS form) leaves the step out, and LBFGS's several evaluations per step are
    :func:`_uncleared_lbfgs_step`'s."""
    scope = loop.ctx.func if loop.ctx.func is not None else loop.ctx.module.module
    found: set[int] = set()
    for name, _, node in loop.calls:
        if name != "step" or not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        closure = _closure_of(node, scope, loop.node)
        if closure is None:
            continue
        calls = [c for c in ast.walk(closure) if isinstance(c, ast.Call)]
        if (
            any(call_name(c) in BACKWARD_CALLS for c in calls)
            and not _clears_manually(closure)
            and not any(_clears_grads(call_name(c)) for c in calls)
        ):
            found.add(id(node))
    return frozenset(found)


# A name that says scheduler names a learning-rate scheduler, whatever else it says: its step() moves the learning
# rate, not the weights (round 34, YyzHarry/imbalanced-semi-self: `self.model_optimizer, self.model_optimizer_scheduler
# = self.init_optimizers(params)`, then `self.model_optimizer_scheduler.step()` once per epoch).
_SCHEDULER_WORD = "sched"


def _optimizer_like(node: ast.AST, module: ModuleInfo) -> bool:
    """Whether the last part of a value's text names an optimizer (``self.opt_g``, ``model_optimizer``) and not a
    learning-rate scheduler (``optim_scheduler``, ``self.model_optimizer_scheduler``)."""
    text = module.segment(node).lower()
    last = text.rsplit(".", 1)[-1]
    if _SCHEDULER_WORD in last:
        return False
    return "optim" in last or last in ("opt", "optimiser") or last.startswith("opt_") or last.endswith("_opt")


def _scaler_step(receiver: object, node: ast.Call, module: ModuleInfo) -> bool:
    """``scaler.step(optimizer)``: a GradScaler stepping an optimizer. With neither known, both names
    must say so (torchrl's ``policy[1].step(optim_steps_per_collect)`` advances an exploration
    schedule by a count)."""
    if isinstance(receiver, External) and receiver.qname in api.GRAD_SCALERS:
        return True
    receiver_text = module.segment(node.func.value).lower() if isinstance(node.func, ast.Attribute) else ""
    return "scaler" in receiver_text.rsplit(".", 1)[-1] and _optimizer_like(node.args[0], module)


def _stepped_optimizer(name: str, receiver: object, node: ast.AST, module: ModuleInfo, closures: frozenset[int] = frozenset()) -> str | None:
    """The source text of the optimizer an ``X.step()`` call steps (``""`` for a GradScaler's step
    of an optimizer not named); None when the call is not an optimizer's step. A Keras optimizer's
    ``apply(grads, weights)`` in a Keras model's torch-backend ``train_step`` (interp.manual_steps) is its step."""
    if name == KERAS_APPLY and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return module.segment(node.func.value)
    if name != "step" or not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    n_args = len(node.args) + len(node.keywords)
    if id(node) in closures:
        n_args = 0  # opt.step(closure) with a closure that back-propagates (_closure_steps): a step like any other
    if isinstance(receiver, Optimizer) and not n_args:
        return module.segment(node.func.value)
    if isinstance(receiver, Unknown) and not n_args and _optimizer_like(node.func.value, module):
        return module.segment(node.func.value)
    if n_args == 1 and len(node.args) == 1 and _scaler_step(receiver, node, module):
        return module.segment(node.args[0])  # scaler.step(optimizer)
    if isinstance(receiver, External) and receiver.qname in api.GRAD_SCALERS:
        return ""
    return None


def _walk_ids(stmts: list[ast.stmt]) -> set[int]:
    return {id(node) for stmt in stmts for node in ast.walk(stmt)}


def _branches(loop: ast.AST) -> list[tuple[ast.If, list[ast.stmt], list[ast.stmt]]]:
    """Each ``if``/``else`` of the loop's body, outside the functions it defines, as (the if, one
    branch, the other branch), both ways round."""
    out: list[tuple[ast.If, list[ast.stmt], list[ast.stmt]]] = []
    todo: list[ast.AST] = [loop]
    while todo:
        node = todo.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue
            if isinstance(child, ast.If) and child.orelse:
                out += [(child, child.body, child.orelse), (child, child.orelse, child.body)]
            todo.append(child)
    return out


def _uncleared_branch_step(loop: LoopSummary, module: ModuleInfo) -> tuple[ast.Call, ast.If] | None:
    """The step() of a branch that back-propagates and steps but clears nothing, when every
    clearing call of the loop is on the other branch of the same ``if``/``else``, which also
    back-propagates and steps: the two branches are two versions of one training step (with and
    without a GradScaler, say), and only one of them clears. The branches of another ``if``/``else``
    of the loop on the same test (the same source) count as the same two versions. A clearing call made in a function
    the loop calls, or by hand (``p.grad = None``), is not placed on a branch: silent."""
    if any(isinstance(receiver, ForeignCall) and _clears_grads(name, receiver) and _clears_elsewhere(receiver) for name, receiver, _ in loop.calls):
        return None  # a clearing call in another file is not placed on a branch
    calls = [(name, receiver, node) for name, receiver, node in loop.calls if name != CALLEE and not isinstance(receiver, ForeignCall)]
    clearing = {id(node) for name, receiver, node in calls if _clears_grads(name, receiver)}
    if not clearing or not clearing <= _walk_ids([loop.node]) or _clears_manually(loop.node):
        return None
    branches = _branches(loop.node)
    for branch_if, clears, other in branches:
        mine, theirs = _walk_ids(clears), _walk_ids(other)
        if not clearing <= mine:
            continue
        # an earlier `if` on the same test splits the step the same way (LAVIS: `if use_amp:
        # scaler.scale(loss).backward() else: loss.backward()`, then `if use_amp: scaler.step(...)`)
        test = ast.dump(branch_if.test)
        for twin, one, _ in branches:
            if twin is not branch_if and ast.dump(twin.test) == test:
                (mine if (one is twin.body) == (clears is branch_if.body) else theirs).update(_walk_ids(one))
        backward = [node for name, _, node in calls if name in BACKWARD_CALLS]
        steps = [node for name, receiver, node in calls if _stepped_optimizer(name, receiver, node, module) is not None]
        if not any(id(n) in mine for n in backward) or not any(id(n) in mine for n in steps):
            continue
        if not any(id(n) in theirs for n in backward):
            continue
        step = next((n for n in steps if id(n) in theirs), None)
        if isinstance(step, ast.Call) and not scheduled_step(branch_if, other, step, loop.node):
            return step, branch_if
    return None


def _zero_grad_optimizer(name: str, receiver: object, node: ast.AST, module: ModuleInfo) -> str | None:
    """The source text of the optimizer whose gradients ``X.zero_grad()`` clears; None for any
    other clearing call (a model's zero_grad, ``p.grad = None``, a helper)."""
    if name != "zero_grad" or not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    target = node.func.value
    if lightning_optimizers(target):
        return None  # self.optimizers().zero_grad(): whichever optimizer Lightning hands back, by another name
    if isinstance(receiver, Optimizer) or isinstance(receiver, Unknown) and _optimizer_like(target, module):
        return module.segment(target)
    return None


def _scope(loop: LoopSummary) -> ast.AST:
    """The function the loop is in, or its module."""
    return loop.ctx.func if loop.ctx.func is not None else loop.ctx.module.module


def _params_cleared(optimizer: str, cleared: set[str], owners: dict[str, tuple[str, ...]]) -> bool:
    """Every module whose parameters ``optimizer`` steps is one whose gradients a cleared optimizer
    zeroes (infoGAN's ``Adam(chain(G.parameters(), D.parameters()))`` next to ``G_opt.zero_grad()``
    and ``D_opt.zero_grad()``): zero_grad clears parameters, not optimizer objects."""
    mine = owners.get(optimizer, ())
    covered = [o for c in cleared for o in owners.get(c, ())]
    return bool(mine) and all(any(m == c or m.startswith(c + ".") for c in covered) for m in mine)


# torchforge's SFT recipe (meta-pytorch/torchforge): train_step() runs forward_backward() (the backward) and then
# step(); `{clear_each}` is a clear in forward_backward(), `{clear_once}` one before the loop
_FORWARD_BACKWARD = """
import torch
import torch.nn.functional as F

class Trainer:
    def __init__(self, model):
        self.model = model
        self.optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    def forward_backward(self, x, y):
{clear_each}        loss = F.cross_entropy(self.model(x), y)
        loss.backward()
        return loss

    def train_step(self, x, y):
        loss = self.forward_backward(x, y)
        self.optimizer.step()
        return loss

    def train(self, loader):
{clear_once}        for x, y in loader:
            self.train_step(x, y)
"""


# expected message fragments that several examples share
_ACCUMULATE = "never clears the gradients; they accumulate across steps"
_NEVER_CLEARS = "never clears the gradients"


# d2l's train_ch3: gradients cleared by hand only when a parameter list is given
_HAND_CLEARING = """
def train(net, loader, loss, params=None, optimizer=None):
    for x, y in loader:
        l = loss(net(x), y)
        if params is not None and params[0].grad is not None:
            for p in params:
                p.grad.data.zero_()
        l.backward()
        if optimizer is not None:
            optimizer.step()
        else:
            sgd(params)


{call}
"""


_AMP_TWO_TESTS = """
import torch

scaler = torch.amp.GradScaler() if use_amp else None
for i, (x, y) in enumerate(loader):
    with torch.autocast("cuda", enabled=use_amp):
        loss = criterion(model(x), y)
    if use_amp:
        scaler.scale(loss).backward()
    else:
        loss.backward()
    if (i + 1) % accum_steps == 0:
        if use_amp:
            scaler.step(optimizer)
            scaler.update()
        else:
            optimizer.step()
{clear}"""


def _distributed_autograd(receiver: object) -> bool:
    """``dist_autograd.backward([loss])`` (torch.distributed.autograd) puts the gradients in the distributed autograd
    context of the ``with dist_autograd.context():`` around it, a new one each iteration, never in ``.grad``: there is
    nothing to clear (pytorch/examples' distributed/rpc trainers)."""
    return isinstance(receiver, QualName) and receiver.name == "torch.distributed.autograd"


def _foreign_cleared(path: object, optimizer: str, cleared: set[tuple[object, str]]) -> bool:
    """Whether a step() of ``optimizer`` made in the file ``path`` (not the loop's) may be cleared by one of the
    ``cleared`` (file, optimizer text) calls of the loop's other files. A call in a third file names the optimizer in
    that file's words (mae: the engine clears `optimizer`, the loss scaler in misc.py steps it), so it may; in the same
    file, a wrapper's attribute of the same name (the annotated transformer: `self.opt.optimizer.zero_grad()` beside
    NoamOpt's `self.optimizer.step()`) may too."""
    last = optimizer.rsplit(".", 1)[-1]
    return any(where != path or text == optimizer or text.rsplit(".", 1)[-1] == last for where, text in cleared)


# uma-pi1/kge's training loop (round 33): the loop's class computes each batch's loss in `_compute_batch_loss`, {loss}
_TRAINING_JOB = """
import torch
import torch.nn.functional as F

class TrainingJob:
    def __init__(self, model, loader):
        self.model = model
        self.loader = loader
        self.optimizer = torch.optim.Adagrad(model.parameters(), lr=0.1)

    def run_epoch(self):
        total = 0.0
        for batch_index, batch in enumerate(self.loader):
            loss_value, batch_size = self._compute_batch_loss(batch_index, batch)
            total += loss_value.item() * batch_size
            loss_value.backward()
            self.optimizer.step()
        return total

    def _compute_batch_loss(self, batch_index, batch):
        "Returns the loss of the batch and its size."
{loss}
"""


def _where(loop: LoopSummary, step: ast.Call) -> str:
    """How a message names the loop that runs ``step``."""
    inside = loop.node.lineno <= step.lineno <= (loop.node.end_lineno or loop.node.lineno)
    where = "this loop" if inside else f"the loop at line {loop.node.lineno} (through the functions it calls)"
    if isinstance(loop.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        where = "training_step (run by Lightning once per batch, under manual optimization)"
        if loop.extra.get("keras"):
            where = "train_step (run by Keras fit() once per batch; backward() fills each weight's .grad on the torch backend)"
    return where


class MissingZeroGrad(Rule):
    code = "LG014"

    def on_loop(self, loop: LoopSummary) -> None:
        if loop.extra.get("one_step"):
            return  # a function no checked loop calls (interp.manual_steps): its caller may clear
        module = loop.ctx.module
        if overwrites_gradients(module):
            return  # Dragon's `torch`: each backward writes the gradients afresh (rules._foreign_torch)
        backward = False
        steps: list[tuple[ast.Call, str]] = []  # each step() call, with the optimizer's source text
        cleared: set[str] = set()  # optimizers whose zero_grad() the loop calls
        containers: set[str] = set()  # containers every optimizer of which the loop clears (`for opt in X.values(): opt.zero_grad()`)
        owners: dict[str, tuple[str, ...]] = {}  # each optimizer's parameter owners, where known
        callees: list[ast.AST] = []  # functions the loop calls whose gradient calls are among these
        foreign: dict[int, tuple[ModuleInfo, str]] = {}  # step() calls made in other files: their file, the optimizer
        foreign_cleared: set[tuple[object, str]] = set()  # (file, optimizer) of zero_grad() calls made in other files
        cleared_networks: list[Instance] = []  # networks whose own zero_grad() the loop calls (_network_clears)
        cleared_values: list[object] = []  # the optimizers whose zero_grad() the loop calls, as values, in any file
        stepped_values: dict[int, object] = {}  # each step() call's optimizer, as a value, by the call's id
        dead = loop.extra.get("dead", frozenset())  # branches the call analysed never takes
        closures = _closure_steps(loop)
        backward = bool(closures)  # the step runs the closure, which back-propagates
        for name, receiver, node in loop.calls:
            if id(node) in dead:
                continue
            if name == CALLEE:
                callees.append(node)
            elif name in BACKWARD_CALLS:
                backward = backward or not _distributed_autograd(receiver)
            elif _clears_grads(name, receiver):
                if isinstance(receiver, ForeignCall):
                    if not _clears_elsewhere(receiver):
                        continue  # `clip_grad_norm_(...)` in the other file: no clearing there either
                    network = cleared_network(receiver.name, receiver.receiver)
                    if network is not None:
                        cleared_networks.append(network)
                        continue
                    optimizer = _zero_grad_optimizer(receiver.name, receiver.receiver, node, receiver.module)
                    if optimizer is not None:
                        foreign_cleared.add((receiver.module.path, optimizer))
                        cleared_values.append(receiver.receiver)
                        continue
                network = cleared_network(name, receiver)
                if network is not None:
                    cleared_networks.append(network)
                    continue
                optimizer = _zero_grad_optimizer(name, receiver, node, module)
                if optimizer is None:
                    # model.zero_grad(), p.grad = None, a helper: which gradients it clears is not known
                    self._report_uncleared_branch(loop)
                    return
                cleared.add(optimizer)
                if (container := cleared_container(node, module)) is not None:
                    containers.add(container)
                cleared_values.append(receiver)
                if isinstance(receiver, Optimizer):
                    owners[optimizer] = receiver.params
            elif isinstance(receiver, ForeignCall):
                # a step() in the file of a function the loop calls (`agent.learn()`): its optimizer's text is
                # that file's, comparable with no clearing call of the loop's, so it counts only where none clears
                stepped = _stepped_optimizer(name, receiver.receiver, node, receiver.module)
                if stepped is not None and isinstance(node, ast.Call):
                    foreign[id(node)] = (receiver.module, stepped)
                    stepped_values[id(node)] = receiver.receiver
            else:
                stepped = _stepped_optimizer(name, receiver, node, module, closures)
                if stepped is not None and isinstance(node, ast.Call):
                    steps.append((node, stepped))
                    stepped_values[id(node)] = receiver
                    if isinstance(receiver, Optimizer):
                        owners[stepped] = receiver.params
        if (
            not backward
            or _clears_manually(loop.node, dead)
            or any(_clears_manually(fn) for fn in callees)
            or any(_elided(n) for n in (loop.node, *callees))
            # `self._compute_batch_loss(batch)`, which the class leaves to its subclasses (round 33, uma-pi1/kge)
            or calls_a_subclass_method(loop.node, loop.ctx.func, module, _clears_in)
            or any(calls_a_subclass_method(fn, fn, module, _clears_in) for fn in callees)
        ):
            if cleared_networks:
                self._report_uncleared_branch(loop)  # as for any clearing call of a reach not read by text
            return
        if cleared_networks:
            # a network's own zero_grad(): the optimizers are compared by the networks they step, not by their texts
            self._report_uncleared_branch(loop)
            uncleared_networks = {
                id(node): node
                for node, _ in steps
                if steps_uncleared_network(stepped_values.get(id(node)), cleared_networks, cleared_values)
                and not on_last_iteration_only(node, loop.node)
                and not fresh_each_iteration(node, loop)
            }
            for node, _ in steps:
                if id(node) in uncleared_networks:
                    self._report_network_step(loop, node, module)
                    return
            uncleared_foreign = {
                i: m for i, (m, _) in foreign.items() if steps_uncleared_network(stepped_values.get(i), cleared_networks, cleared_values)
            }
            if uncleared_foreign:
                self._report_foreign_step(loop, uncleared_foreign)
            return
        if foreign_cleared and steps:
            return  # a zero_grad() in another file may clear what this loop steps: its text is not comparable
        if not steps and foreign and not cleared:
            uncleared_foreign = {
                i: m
                for i, (m, opt) in foreign.items()
                if not _foreign_cleared(m.path, opt, foreign_cleared)
                # the other file's `self.optimizer_D.zero_grad()` beside its `self.Discriminator_opt.step()` (_aliased_optimizers)
                and not same_optimizer(opt, {text for where, text in foreign_cleared if where == m.path}, loop.extra.get("self_classes"))
            }
            if uncleared_foreign:
                self._report_foreign_step(loop, uncleared_foreign)
            return
        if steps and single_pass(loop.node, loop.ctx.func):
            return  # a loop over one-item lists the function wrote runs once: the loop around it clears (_single_pass_loops)
        if (
            steps
            and isinstance(loop.node, ast.For)
            and all(isinstance(n.func, ast.Attribute) and picked_by_loop(n.func.value, loop.node) for n, _ in steps)
        ):
            # each iteration steps the optimizer the loop variable picks (`for key, loss in losses.items(): ...;
            # self.optimizers[key].step()`): one update per network, not a loop over batches; the loop around it clears
            return
        uncleared = [
            (node, optimizer)
            for node, optimizer in steps
            if optimizer not in cleared
            and not (cleared and not optimizer)
            # self.optimizers().step() next to opt.zero_grad(): one optimizer by two names
            and not (cleared and isinstance(node.func, ast.Attribute) and lightning_optimizers(node.func.value))
            and not _params_cleared(optimizer, cleared, owners)
            # `self.optimizer.zero_grad()` of a wrapper that holds the stepped `self.optimizer.G` (_holder_clears)
            and not holder_cleared(optimizer, cleared)
            # `self.optimizer_D` cleared, `self.Discriminator_opt` stepped, both construction's `optimizer_D` (_aliased_optimizers)
            and not same_optimizer(optimizer, cleared, loop.extra.get("self_classes"))
            # `Adam([model.W])` beside a cleared optimizer of unknown parameters, or of model's, which may hold model.W
            and not may_be_cleared(optimizer, _scope(loop), module, cleared, owners)
            and not stepped_from(node, containers, module)
            # a step on the loop's last iteration only: one step per run of the loop, as if after it
            and not on_last_iteration_only(node, loop.node)
        ]
        if not uncleared:
            self._report_uncleared_branch(loop)
            return
        step, which = uncleared[0]
        if fresh_each_iteration(step, loop):
            return  # rebuilt every iteration, perhaps over fresh parameters: not a training loop over steps
        where = _where(loop, step)
        if cleared:
            message = (
                f"{where} calls {' and '.join(f'{c}.zero_grad()' for c in sorted(cleared))} but never {which}.zero_grad(): "
                f"{which} steps on gradients that accumulate across steps; clear them every step"
            )
        elif loop.extra.get("keras"):
            message = (
                f"{where} calls backward() and {which}.apply() but never clears the gradients; they accumulate across "
                "batches: call self.zero_grad() at the start of train_step"
            )
        else:
            message = (
                f"{where} calls backward() and step() but never clears the gradients; they accumulate across "
                "steps: call optimizer.zero_grad() every step"
            )
        self.report(step, loop.ctx, message)

    def on_torch_call(self, call: TorchCall) -> None:
        """An LBFGS optimizer stepped with a closure that back-propagates and never clears the gradients
        (:func:`_uncleared_lbfgs_step`): reported at the step() call, once per constructor call."""
        if call.qname != "torch.optim.LBFGS":
            return
        read = self.__dict__.setdefault("_lbfgs_read", set())
        if id(call.node) in read:
            return
        read.add(id(call.node))
        scope = call.ctx.func if call.ctx.func is not None else call.ctx.module.module
        step = _uncleared_lbfgs_step(call.node, scope, call.ctx.module.module)
        if step is None:
            return
        self.report(
            step,
            call.ctx,
            "LBFGS evaluates this closure up to max_iter times within one step(), and the closure calls backward() "
            "without clearing the gradients, so each evaluation adds to the last: call optimizer.zero_grad() at the "
            "start of the closure",
        )

    def _report_foreign_step(self, loop: LoopSummary, foreign: dict[int, ModuleInfo]) -> None:
        """A loop that back-propagates, clears nothing, and steps an optimizer only through a function of
        another file it calls (round 25: ChenglongChen/pytorch-DRL's ``run_a2c.py`` calls ``a2c.train()``,
        whose ``A2C.py`` steps the actor's optimizer): reported at the first such step, in its file."""
        for name, receiver, node in loop.calls:
            module = foreign.get(id(node))
            if module is None or not isinstance(node, ast.Call) or on_last_iteration_only(node, loop.node):
                continue
            which = _stepped_optimizer(name, receiver.receiver if isinstance(receiver, ForeignCall) else receiver, node, module)
            message = (
                f"the loop at line {loop.node.lineno} of {loop.ctx.module.path.name} (through the functions it calls) calls "
                f"backward() and {which or 'the optimizer'}.step() but never {which or 'its'}.zero_grad(): its gradients "
                "accumulate across steps; clear them every step"
            )
            self.report(node, dataclasses.replace(loop.ctx, module=module), message)
            return

    def _report_network_step(self, loop: LoopSummary, step: ast.Call, module: ModuleInfo) -> None:
        """A step() of an optimizer over networks that none of the loop's clearing calls reaches, in a loop that clears
        other networks by their own ``zero_grad()`` (rules/_network_clears.py)."""
        which = module.segment(step.func.value) if isinstance(step.func, ast.Attribute) else "the optimizer"
        self.report(
            step,
            loop.ctx,
            f"{_where(loop, step)} clears the gradients of other networks (their zero_grad()) but never those of the "
            f"network {which} steps: they accumulate across steps; call {which}.zero_grad() every step",
        )

    def _report_uncleared_branch(self, loop: LoopSummary) -> None:
        """The clearing calls of a loop that clears its gradients only on one branch of an
        ``if``/``else`` whose other branch back-propagates and steps without clearing (nwm's float32
        branch calls ``opt.zero_grad()``, its bfloat16 branch only ``scaler.step(opt)``)."""
        module = loop.ctx.module
        found = _uncleared_branch_step(loop, module)
        if found is None or fresh_each_iteration(found[0], loop):
            return
        step, branch_if = found
        test = module.segment(branch_if.test)
        self.report(
            step,
            loop.ctx,
            f"this loop clears the gradients only on one branch of `if {test}:`; this branch runs backward() and "
            "step() without a zero_grad(), so its gradients accumulate across steps: clear them on both branches",
        )

    VALID = (
        # the loop's class leaves the batch's loss to its subclasses (a body that only raises NotImplementedError),
        # and each override clears first: what the loop runs is not the base class's code (round 33, uma-pi1/kge)
        _TRAINING_JOB.replace(
            "{loss}",
            "        raise NotImplementedError\n\n\n"
            "class TrainingJob1vsAll(TrainingJob):\n"
            "    def _compute_batch_loss(self, batch_index, batch):\n"
            "        triples, labels = batch\n"
            "        self.optimizer.zero_grad()\n"
            "        scores = self.model(triples)\n"
            "        return F.binary_cross_entropy_with_logits(scores, labels), len(triples)",
        ),
        # a one-step function that no checked loop calls: the loop that calls it may clear (round 31)
        """
import torch.nn.functional as F

def train_step(model, x, y, optimizer):
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()
""",
        # distributed autograd (pytorch/examples' distributed/rpc rnn trainer, torch 1.4's API): each iteration's
        # gradients live in its own context, never in .grad
        """
import torch.distributed.autograd as dist_autograd
from torch.distributed.optim import DistributedOptimizer

def train(model, params, batches, criterion):
    opt = DistributedOptimizer(torch.optim.SGD, params, lr=0.05)
    for data, target in batches:
        with dist_autograd.context():
            loss = criterion(model(data), target)
            dist_autograd.backward([loss])
            opt.step()
""",
        # both versions of the step clear: the zero_grad() follows the two branches
        _AMP_TWO_TESTS.replace("{clear}", "        optimizer.zero_grad()\n"),
        # the same hand clearing when the call gives the parameter list (and, analysed alone, when
        # nothing says which arguments it gets)
        _HAND_CLEARING.replace("{call}", "train(net, loader, loss, [w, b], None)"),
        """
def train(net, loader, loss, params=None, optimizer=None):
    for x, y in loader:
        l = loss(net(x), y)
        if params is not None:
            for p in params:
                p.grad.data.zero_()
        l.backward()
        optimizer.step()
""",
        """
import torch

opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
for real in loader:
    opt_d.zero_grad()
    d_loss(real).backward()
    opt_d.step()
    G.zero_grad()   # clears the generator's gradients through the model: which optimizer owns them is not tracked
    g_loss(real).backward()
    opt_g.step()
""",
        # YyzHarry/imbalanced-semi-self (imagenet_inat/run_networks.py, round 34): an optimizer and its learning-rate
        # scheduler unpacked from a method's result, the scheduler stepped once per epoch; its name says optim too
        """
import torch.nn.functional as F
from torch import optim

class ModelRunner:
    def __init__(self, networks, loader, params, epochs):
        self.networks = networks
        self.loader = loader
        self.epochs = epochs
        self.model_optimizer, self.model_optimizer_scheduler = self.init_optimizers(params)

    def init_optimizers(self, params):
        optimizer = optim.SGD(params, lr=0.1, momentum=0.9)
        scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)
        return optimizer, scheduler

    def batch_backward(self, loss):
        self.model_optimizer.zero_grad()
        loss.backward()
        self.model_optimizer.step()

    def train(self):
        for epoch in range(self.epochs):
            self.model_optimizer_scheduler.step()
            for x, y in self.loader:
                logits = self.networks["classifier"](self.networks["feat_model"](x))
                self.batch_backward(F.cross_entropy(logits, y))
""",
        # a scheduler given as a parameter, stepped every batch next to the optimizer it schedules
        """
import torch.nn.functional as F

def train(model, loader, optimizer, optim_scheduler, epochs):
    for epoch in range(epochs):
        for x, y in loader:
            loss = F.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            optim_scheduler.step()
""",
        # torchrl's Dreamer (pytorch/rl ae9719f1): the exploration schedule advances by a count
        # named like an optimizer; it is not a GradScaler stepping one
        """
for batch in collector:
    for _ in range(optim_steps_per_collect):
        world_model_opt.zero_grad()
        world_model_loss(batch).backward()
        world_model_opt.step()
    policy[1].step(optim_steps_per_collect)
""",
        """
import torch

for real in loader:
    opt_d.zero_grad()
    d_loss(real).backward()
    opt_d.step()
    opt_g.zero_grad(set_to_none=True)
    g_loss(real).backward()
    opt_g.step()
""",
        """
import torch

def compare(model_a, model_b, x, iterations=3):
    for _ in range(iterations):
        model_a(x).sum().backward()
        model_b(x).sum().backward()
        opt = torch.optim.SGD(model_a.parameters(), lr=0.01)   # a fresh optimizer each time
        opt.step()
""",
        # a new network and its optimizer for every batch (a probe fitted per batch): its gradients start empty
        """
import torch
import torch.nn.functional as F

def fit_probes(encoder, loader, n_classes):
    accuracies = []
    for x, y in loader:
        features = encoder(x).detach()
        probe = torch.nn.Linear(features.shape[1], n_classes)
        optimizer = torch.optim.SGD(probe.parameters(), lr=0.1)
        F.cross_entropy(probe(features), y).backward()
        optimizer.step()
        accuracies.append((probe(features).argmax(1) == y).float().mean().item())
    return accuracies
""",
        """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    optimizer.zero_grad(set_to_none=True)
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
""",
        """
for step, (x, y) in enumerate(loader):
    loss = criterion(model(x), y) / accum_steps
    loss.backward()
    if (step + 1) % accum_steps == 0:
        optimizer.step()
        model.zero_grad()
""",
        """
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    for p in model.parameters():
        p.grad = None
""",
        """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    for param in model.parameters():
        param._grad = None
""",
        """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    for p in model.parameters():
        if p.grad is not None:
            p.grad.detach_()
            p.grad.zero_()
""",
        # zero_() on a gradient held in a name clears it, as p.grad.zero_() does
        """
import torch

w = torch.zeros(3, 10, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
for x, y in loader:
    loss = criterion(x @ w, y)
    loss.backward()
    optimizer.step()
    g = w.grad
    g.zero_()
""",
        """
import torch

optimizer = torch.optim.Adam(net.parameters())
for x, y in loader:
    loss = criterion(net(x), y)
    loss.backward()
    optimizer.step()
    torch._foreach_zero_([p.grad for p in net.parameters() if p.grad is not None])
""",
        """
import torch

opt = torch.optim.SGD(model.parameters(), lr=0.1)
for batch in loader:
    model(batch).mean().backward()
    opt.step()
    model.zero_grad(set_to_none=True)   # the model owns the optimizer's parameters
""",
        """
import itertools
import torch

opt_g = torch.optim.Adam(G.parameters())
opt_d = torch.optim.Adam(D.parameters())
opt_info = torch.optim.Adam(itertools.chain(G.parameters(), D.parameters()))
for x in loader:
    opt_d.zero_grad()
    d_loss(x).backward()
    opt_d.step()
    opt_g.zero_grad()
    g_loss(x).backward()
    opt_g.step()
    info_loss(x).backward()   # G's and D's gradients: both cleared above every iteration
    opt_info.step()
""",
        # the gradient calls of the methods a loop calls are the loop's: train_step() clears them
        _FORWARD_BACKWARD.replace("{clear_each}", "        self.optimizer.zero_grad()\n").replace("{clear_once}", ""),
        # ... and so does a helper that sets the gradients to None by hand
        """
import torch

def clear(model):
    for p in model.parameters():
        p.grad = None

def update(model, optimizer, loss):
    loss.backward()
    optimizer.step()

def train(model, loader, criterion):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for x, y in loader:
        update(model, optimizer, criterion(model(x), y))
        clear(model)
""",
        # both versions of the step clear (one before the branch would do as well)
        """
import torch

scaler = torch.amp.GradScaler()
for x, y in loader:
    loss = criterion(model(x), y)
    if use_amp:
        optimizer.zero_grad()
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    else:
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
        # the branch without zero_grad() only accumulates: it never steps
        """
import torch

for i, (x, y) in enumerate(loader):
    loss = criterion(model(x), y) / accum_steps
    if (i + 1) % accum_steps == 0:
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    else:
        loss.backward()
""",
        # the other branch calls a helper that may clear: where is not known
        """
import torch

def amp_step(scaler, optimizer, loss):
    optimizer.zero_grad()
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()

for x, y in loader:
    loss = criterion(model(x), y)
    if use_amp:
        amp_step(scaler, optimizer, loss)
    else:
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
        # Eclectic-Sheep/sheeprl's A2C (sheeprl/algos/a2c/a2c.py): the gradients of every minibatch
        # are summed and the optimizer steps on the last one only, once per call (cleared before)
        """
def train(agent, optimizer, data, sampler):
    optimizer.zero_grad(set_to_none=True)
    for i, idx in enumerate(sampler):
        is_accumulating = i < len(sampler) - 1
        loss = agent.loss({k: v[idx] for k, v in data.items()})
        loss.backward()
        if not is_accumulating:
            optimizer.step()
""",
        # naver/sqlova (train.py): the `if` tests the loop's counter, so its branches run in turn; the one that
        # steps without clearing ends a cycle of gradient accumulation the other one began with zero_grad()
        """
def train(loader, model, opt, opt_bert, accumulate_gradients=1):
    for iB, batch in enumerate(loader):
        loss = loss_of(model(batch), batch)
        if iB % accumulate_gradients == 0:
            opt.zero_grad()
            if opt_bert:
                opt_bert.zero_grad()
            loss.backward()
            if accumulate_gradients == 1:
                opt.step()
                if opt_bert:
                    opt_bert.step()
        elif iB % accumulate_gradients == (accumulate_gradients - 1):
            loss.backward()
            opt.step()
            if opt_bert:
                opt_bert.step()
        else:
            loss.backward()
""",
        # the same cycle on a step counter of the loop's own
        """
def train(loader, model, opt, accum=4):
    step = 0
    while step < 1000:
        loss = model(next(loader)).mean() / accum
        if step % accum == 0:
            opt.zero_grad()
            loss.backward()
            if accum == 1:
                opt.step()
        elif (step + 1) % accum == 0:
            loss.backward()
            opt.step()
        else:
            loss.backward()
        step += 1
""",
        # a trainer template (seilk/fullstack-deeplearning): the batch's logic is left out with `...`, and the
        # clearing may be in it
        """
class Trainer:
    def train_epoch(self, model, loader, optimizer):
        for batch in loader:
            # the training logic of each batch
            ...
            loss.backward()
            optimizer.step()
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG014"),
            line=7,
            col=5,
            message=_ACCUMULATE,
        ),
        # CuthbertCai/pytorch_DANN before 540e0c1699: an optimizer rebuilt for every batch over networks made before the
        # loop clears nothing; their gradients add up from batch to batch
        # the scheduler beside the step does not hide an optimizer that is never cleared (round 34)
        Invalid(
            """
import torch.nn.functional as F

def train(model, loader, optimizer, optim_scheduler, epochs):
    for epoch in range(epochs):
        for x, y in loader:
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            optim_scheduler.step()
""",
            line=8,
            col=13,
            message=_ACCUMULATE,
        ),
        # a torch optimizer is one whatever its name says (round 34)
        Invalid(
            """
import torch
import torch.nn.functional as F

optim_sched = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optim_sched.step()
""",
            line=8,
            col=5,
            message=_ACCUMULATE,
        ),
        Invalid(
            """
import torch.optim as optim

def train_source_only(extractor, classifier, criterion, loader):
    for batch_idx, (x, y) in enumerate(loader):
        optimizer = optim.SGD(list(extractor.parameters()) + list(classifier.parameters()), lr=0.01, momentum=0.9)
        loss = criterion(classifier(extractor(x)), y)
        loss.backward()
        optimizer.step()
""",
            line=8,
            col=9,
            message=_ACCUMULATE,
        ),
        # torch.autograd.backward (not the distributed one) fills .grad like loss.backward()
        Invalid(
            """
import torch

def train(model, batches, criterion, opt):
    for data, target in batches:
        loss = criterion(model(data), target)
        torch.autograd.backward([loss])
        opt.step()
""",
            line=7,
            col=9,
            message=_ACCUMULATE,
        ),
        # the same loop stepping on every minibatch but the last: each step sees the sum so far
        Invalid(
            """
def train(agent, optimizer, data, sampler):
    optimizer.zero_grad(set_to_none=True)
    for i, idx in enumerate(sampler):
        loss = agent.loss({k: v[idx] for k, v in data.items()})
        loss.backward()
        if i < len(sampler) - 1:
            optimizer.step()
""",
            line=7,
            col=13,
            message=_ACCUMULATE,
        ),
        # facebookresearch/nwm before 7782ade (issue #16): the mixed-precision branch never clears
        Invalid(
            """
import torch

scaler = torch.amp.GradScaler()
for x, y in loader:
    with torch.autocast("cuda", enabled=use_amp):
        loss = criterion(model(x), y)
    if not use_amp:
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    else:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
""",
            line=13,
            col=9,
            message="clears the gradients only on one branch of `if not use_amp:`",
        ),
        # the sqlova loop split on a setting instead of the counter: with accumulation on, no step clears
        Invalid(
            """
def train(loader, model, opt, accumulate_gradients=1):
    for iB, batch in enumerate(loader):
        loss = loss_of(model(batch), batch)
        if accumulate_gradients == 1:
            opt.zero_grad()
            loss.backward()
            opt.step()
        else:
            loss.backward()
            opt.step()
""",
            line=10,
            col=13,
            message="clears the gradients only on one branch of `if accumulate_gradients == 1:`",
        ),
        # a clearing branch on the counter, but the other steps in a plain `else`: at every other iteration, on the
        # gradients summed since the last clear
        Invalid(
            """
def train(loader, model, opt, accum=4):
    step = 0
    while step < 1000:
        loss = model(next(loader)).mean()
        if step % accum == 0:
            opt.zero_grad()
            loss.backward()
            opt.step()
        else:
            loss.backward()
            opt.step()
        step += 1
""",
            line=11,
            col=13,
            message="clears the gradients only on one branch of `if step % accum == 0:`",
        ),
        # the backward split by an earlier `if` on the same test (salesforce/LAVIS before b7198ad,
        # realcode_heldout15): the mixed-precision branch still never clears
        Invalid(
            _AMP_TWO_TESTS.replace("{clear}", "            optimizer.zero_grad()\n"),
            line=13,
            col=13,
            message="clears the gradients only on one branch of `if use_amp:`",
        ),
        Invalid(
            """
import torch
import torch.nn.functional as F

opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
for real in loader:
    fake = G(torch.randn(real.size(0), 64))
    opt_d.zero_grad()
    loss_d = F.binary_cross_entropy_with_logits(D(real), torch.ones(real.size(0), 1))
    loss_d.backward()
    opt_d.step()
    loss_g = F.binary_cross_entropy_with_logits(D(fake), torch.ones(real.size(0), 1))
    loss_g.backward()
    opt_g.step()
""",
            line=14,
            col=5,
            message="opt_g steps on gradients that accumulate across steps; clear them every step",
        ),
        Invalid(
            """
import torch

optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(epochs):
    for x, y in loader:
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
""",
            line=8,
            col=9,
            message=_ACCUMULATE,
        ),
        Invalid(
            """
def train(model, loader, optimizer, criterion, scaler):
    for x, y in loader:
        with torch.autocast("cuda"):
            loss = criterion(model(x), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
""",
            line=6,
            col=9,
            message=_ACCUMULATE,
        ),
        Invalid(
            """
import torch

optimizer = torch.optim.RMSprop(policy_net.parameters())
for state, target in replay:
    loss = criterion(policy_net(state), target)
    loss.backward()
    for param in policy_net.parameters():
        param.grad.data.clamp_(-1, 1)   # clipping keeps the gradients: they still add up
    optimizer.step()
""",
            line=9,
            col=5,
            message=_NEVER_CLEARS,
        ),
        # tomgoldstein/loss-landscape's MSE loop: zero_() builds the one-hot targets; no gradient is cleared
        Invalid(
            """
import torch
import torch.nn.functional as F

def train(trainloader, net, criterion, optimizer):
    for inputs, targets in trainloader:
        one_hot_targets = torch.FloatTensor(inputs.size(0), 10).zero_()
        one_hot_targets = one_hot_targets.scatter_(1, targets.view(-1, 1), 1)
        loss = criterion(F.softmax(net(inputs), dim=1), one_hot_targets)
        loss.backward()
        optimizer.step()
""",
            line=10,
            col=9,
            message=_NEVER_CLEARS,
        ),
        Invalid(
            """
import itertools
import torch

opt_g = torch.optim.Adam(G.parameters())
opt_info = torch.optim.Adam(itertools.chain(G.parameters(), Q.parameters()))
for x in loader:
    opt_g.zero_grad()
    g_loss(x).backward()
    opt_g.step()
    info_loss(x).backward()   # Q's gradients are never cleared
    opt_info.step()
""",
            line=11,
            col=5,
            message="never opt_info.zero_grad()",
        ),
        # torchforge's SFT recipe (meta-pytorch/torchforge before f55a2076): zero_grad() once before
        # the loop; each train_step() runs forward_backward() (the backward) and then step()
        Invalid(
            _FORWARD_BACKWARD.replace("{clear_each}", "").replace("{clear_once}", "        self.optimizer.zero_grad()\n"),
            line=16,
            col=9,
            message="the loop at line 21 (through the functions it calls) calls backward() and step() but never clears",
        ),
        # clearing by hand only when a parameter list is given; the one call passes params=None and
        # an optimizer, so that branch never runs for it
        Invalid(
            _HAND_CLEARING.replace("{call}", "train(net, loader, loss, None, optimizer)"),
            line=9,
            col=13,
            message=_NEVER_CLEARS,
        ),
        # the same loop whose class computes the batch's loss itself, with no clearing: the loop is the class's own
        Invalid(
            _TRAINING_JOB.replace(
                "{loss}",
                "        triples, labels = batch\n"
                "        scores = self.model(triples)\n"
                "        return F.binary_cross_entropy_with_logits(scores, labels), len(triples)",
            ),
            line=16,
            col=13,
            message=_NEVER_CLEARS,
        ),
        # the class leaves a data-sampling helper to its subclasses, and the override of the file clears nothing
        Invalid(
            """
import torch
import torch.nn.functional as F

class Learner:
    def __init__(self, model):
        self.model = model
        self.opt = torch.optim.SGD(model.parameters(), lr=0.1)

    def sample_memory(self, t):
        raise NotImplementedError

    def observe(self, x, y, t, steps):
        self.opt.zero_grad()
        for _ in range(steps):
            xx, yy = self.sample_memory(t)
            loss = F.cross_entropy(self.model(x), y) + F.cross_entropy(self.model(xx), yy)
            loss.backward()
            self.opt.step()


class ReplayLearner(Learner):
    def sample_memory(self, t):
        return self.memory[t]
""",
            line=18,
            col=13,
            message=_NEVER_CLEARS,
        ),
    )
