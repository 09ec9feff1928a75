"""LG006 graph-retention: a loss that still holds its graph is kept across iterations."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.events import Accumulate
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.fix import Edit, Fix, with_method
from lossguard.static.rule import Rule
from lossguard.static.rules._added_terms import adds_a_loss_term
from lossguard.static.rules._batch_rows import sums_rows_of_one_batch, walks_one_batch
from lossguard.static.rules._caller_use import drops_result, top_functions
from lossguard.static.rules._each_element_backward import each_element_backpropagated
from lossguard.static.rules._graph_evidence import (
    ITEM_STORE,
    BackwardedTexts,
    LoopFacts,
    backward_outside,
    backwarded_in_loop,
    backwards_an_element,
    holds_a_backwarded_item,
    one_element,
    trains_in_other_loop,
)
from lossguard.static.rules._key_loop_items import backwarded_through_a_key_loop
from lossguard.static.rules._library_objects import appended_to_a_library_object
from lossguard.static.rules._lightning_steps import kept_across_lightning_steps
from lossguard.static.rules._loss_reach import enclosing_function
from lossguard.static.rules._micro_batches import one_step_of_micro_batches
from lossguard.static.rules._module_callers import without_helper
from lossguard.static.rules._per_network_loop import one_network_per_iteration
from lossguard.static.rules._rebound_names import rebound_before_backward
from lossguard.static.rules._sibling_backward import backpropagated_by_a_sibling
from lossguard.static.rules._sibling_resets import emptied_by_a_sibling, own_attribute
from lossguard.static.rules._snippet_losses import unbound_loss_of_network
from lossguard.static.rules._sum_resets import reset_now_and_then
from lossguard.static.values import DictVal, Tensor, holds_graph_items

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo


def _fix(acc: Accumulate, value: Tensor, module: ModuleInfo) -> Fix | None:
    """``total += loss`` -> ``total += loss.item()``; ``losses.append(loss)`` -> ``losses.append(loss.detach())``."""
    node = acc.node
    scalar = not value.unreduced and (value.shape is None or value.shape.dims == ())
    if isinstance(node, ast.AugAssign):
        method = "item" if scalar else "detach"
        return Fix(f"Accumulate loss.{method}()", (Edit(node.value, with_method(module, node.value, method)),), "safe")
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords and not isinstance(node.args[0], ast.Starred):
        arg = node.args[0]
        return Fix("Store loss.detach()", (Edit(arg, with_method(module, arg, "detach")),), "safe")
    return None


def _resets_through_method(loop: ast.AST, receiver: str, module: ModuleInfo, facts: LoopFacts, at: ast.AST) -> bool:
    """The loop calls ``meter.reset()`` (or a clear/zero/init method) on the receiver itself, on every iteration that
    reaches ``at`` (the call that adds into it): a reset under a test of its own (``if i % print_every == 0:
    meter.reset()``, the update outside it) lets the meter's sum keep every graph in between, as a running sum reset
    there does (round 38)."""
    for node in ast.walk(loop):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and module.segment(node.func.value) == receiver:
            low = node.func.attr.lower()
            if any(word in low for word in ("reset", "clear", "zero", "init", "start")) and facts.runs_with(node, at):
                return True
    return False


def _restarts(facts: LoopFacts, acc: Accumulate, module: ModuleInfo) -> bool:
    """The loop gives the accumulator, or the dict or list it is stored in (``total`` of
    ``total[k] += v``), a fresh value on every iteration that reaches the accumulation."""
    node: ast.expr = acc.target
    while True:
        if facts.resets(module.segment(node), acc.node):
            return True
        if not isinstance(node, ast.Subscript):
            return False
        node = node.value


def _reads(value: ast.expr, attr: str, module: ModuleInfo) -> bool:
    """``value`` reads the attribute ``attr`` (its source text) it is assigned to."""
    return any(isinstance(n, (ast.Attribute, ast.Subscript)) and module.segment(n) == attr for n in ast.walk(value))


def _scaled_sum(added: ast.expr, reported: set[str], module: ModuleInfo) -> bool:
    """``added`` is one of the ``reported`` sums, or such a sum divided by something or multiplied by
    it (``running_loss / len(loader)``, ``total * 0.5``)."""
    while True:
        if module.segment(added) in reported:
            return True
        if not isinstance(added, ast.BinOp):
            return False
        if isinstance(added.op, ast.Mult) and module.segment(added.right) in reported:
            return True
        if not isinstance(added.op, (ast.Div, ast.Mult)):
            return False
        added = added.left


def _keeps_graph_under_no_grad(acc: Accumulate) -> bool:
    """``with torch.no_grad(): losses.append(loss)`` of a loss made outside it (round 25, rasbt's char-RNN
    notebook logging its loss every 200 iterations): no_grad keeps a sum it computes (``total += loss``)
    from holding a graph, but the list keeps the tensor itself, and the graph that tensor already holds."""
    node = acc.node
    value = acc.value
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("append", "extend", "insert")
        and isinstance(value, Tensor)
        and value.graph
    )


# a loss kept by a list in a logging block under no_grad, every `log_every` iterations
_LOGGED_UNDER_NO_GRAD = """
import torch
import torch.nn.functional as F


def train(model, loader, optimizer, log_every=200):
    loss_list = []
    for iteration, (x, y) in enumerate(loader):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            if iteration % log_every == 0:
                {logged}
    return loss_list
"""

# a loss scaled by a tensor method before it is summed across the epoch
_SCALED_SUM = """
import torch.nn.functional as F


def train(model, loader, optimizer):
    total = 0
    for x, y in loader:
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += {scaled}
    return total
"""

# gradient accumulation with a running sum of the micro-batches' scaled losses (round 34, realcode_heldout25's
# priyammaz/PyTorch-Adventures seq2seq): the sum starts again where the loop steps its optimizer, or in a logging
# branch of its own while the optimizer steps elsewhere
_ACCUMULATED = """
import torch.nn.functional as F


def train(model, loader, optimizer, accum=4):
    running = 0
    for i, (x, y) in enumerate(loader):
        loss = F.cross_entropy(model(x), y) / accum
        running += loss
        loss.backward()
        if (i + 1) % accum == 0:
            optimizer.step()
            optimizer.zero_grad()
            {in_step}
        if i % 100 == 0:
            {in_log}
"""

# a trainer's running totals of what a model it was given returns (round 25, alibaba/EasyNLP's trainer): the step's
# loss is back-propagated through an AMP scaler or directly, and the auxiliary term is one of the sum's terms
_TOTALS = """
def train(model, loader, optimizer, scaler, accum, contrast):
    total = 0
    aux_total = 0
    for step, batch in enumerate(loader):
        out = model.compute_loss(batch)
        step_loss = out["loss"]
        if contrast:
            step_loss = out["loss"] + out["aux"]
        if accum > 1:
            step_loss = step_loss / accum
        if scaler is not None:
            scaler.scale(step_loss).backward()
        else:
            step_loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        {added}
        if step % 10 == 0:
            print(total / 10, aux_total / 10)
            total = 0
            aux_total = 0
"""

# a segmentation trainer's epoch sum of the loss a step helper returns first (round 32, realcode_heldout23's GaNDLF):
# the loss is back-propagated only when it is a number, so the interpreter cannot say on every path that it holds a graph
_GUARDED_STEP = """
import math


def train_epoch(model, loader, optimizer, step):
    total = 0
    for batch in loader:
        optimizer.zero_grad()
        {bound}
        if not math.isnan(loss):
            loss.backward()
            optimizer.step()
        {after}total += loss
    return total / len(loader)
"""

# horovod's imagenet example's metric before 6bac3dde: hvd.allreduce is an autograd function, so the average of the
# loss across processes still holds its graph (round 25, realcode_heldout5's miss)
_ALLREDUCED = """
import horovod.torch as hvd
import torch
import torch.nn.functional as F


class Metric:
    def __init__(self, name):
        self.name = name
        self.sum = torch.tensor(0.0)
        self.n = torch.tensor(0.0)

    def update(self, val):
        self.sum += hvd.allreduce({given}, name=self.name)
        self.n += 1


def train(model, loader, optimizer):
    train_loss = Metric("train_loss")
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        train_loss.update(loss)
"""

# code that a VALID example and an INVALID one share (they differ in the loop that uses it)
_METER = """
import torch
import torch.nn.functional as F


class AverageMeter:
    def __init__(self):
        self.reset()

    def reset(self):
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.sum += val * n
        self.count += n
"""


# running averages kept per name, smoothed or averaged by a flag
_KEEPER = """
import torch.nn.functional as F


class RunningAverages:
    def __init__(self):
        self.values = {}
        self.counts = {}

    def update(self, key, value, smooth=False):
        if smooth:
            self.values[key] = 0.9 * self.values[key] + 0.1 * value
        else:
            self.values[key] = self.values[key] * self.counts[key] + value
            self.counts[key] += 1
            self.values[key] /= self.counts[key]


def train(model, loader, optimizer):
    averages = RunningAverages()
    for x, y in loader:
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        averages.update("loss", {kept})
"""
_TRACKER = """
import torch.nn.functional as F


class Tracker:
    def __init__(self):
        self.total = 0.0

    def update(self, loss):
        self.total += loss


class Metrics:
    def __init__(self):
        self.losses = Tracker()
"""
_TRAIN_STEP = """
def train_step(x, y):
    terms = {"mse": F.mse_loss(model(x), y), "l1": F.l1_loss(model(x), y)}
    opt.zero_grad()
    sum(terms.values()).backward()
    opt.step()
    return terms
"""

# a trainer whose step method back-propagates and then keeps the loss on `self` for its logs; the
# loop that calls it has no backward() of its own (nequip's early `Trainer.batch_step`)
_STEP_METHOD = """
import torch
from torch import nn


class Trainer:
    def __init__(self, model, loader):
        self.model = model
        self.loader = loader
        self.criterion = nn.MSELoss()
        self.optim = torch.optim.Adam(model.parameters())
        self.losses = []

    def batch_step(self, x, y):
        loss = self.criterion(self.model(x), y)
        self.optim.zero_grad()
        {backward}
        self.optim.step()
        self.losses.append({kept})

    def train(self):
        for epoch in range(10):
            for x, y in self.loader:
                self.batch_step(x, y)
"""

# the same trainer keeping its losses in a table on `self`, reached through a local alias: `{keep}` stands
# for the method's last lines (nequip's `end_of_batch_log` before 14d53f9c)
_STATS_TABLE = _STEP_METHOD.replace("{backward}", "loss.backward()").replace("self.losses = []", "self.statistics = {}")
_STATS_TABLE = _STATS_TABLE.replace("self.losses.append({kept})", "{keep}")

# a loop that back-propagates and adds each loss to an attribute of an object it was given
_ATTRIBUTE_SUM = """
import torch.nn.functional as F


def train(model, loader, optimizer, log):
    for x, y in loader:
        loss = F.mse_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        log.total = log.total + {added}
"""

# a meter given a list of losses sums their numbers; its other branch (`+= values`, a number plus the list)
# never runs with a list, so nothing is said of it
_LIST_METER = """
import torch.nn.functional as F


class Meter:
    def __init__(self):
        self.sums = [0, 0]

    def update(self, values):
        if isinstance(values, list):
            for i, v in enumerate(values):
                self.sums[i] += v.item()
        else:
            self.sums[0] += values


def train(model, loader, optimizer):
    meter = Meter()
    for x, y in loader:
        out = model(x)
        coarse, fine = F.mse_loss(out, y), F.l1_loss(out, y)
        optimizer.zero_grad()
        (coarse + fine).backward()
        optimizer.step()
        meter.update([coarse, fine])
"""

# an ensemble's per-model epoch costs kept in one array (deeplearningzerotoall's lab-11-5)
_ENSEMBLE_COSTS = """
import {lib}
import torch.nn.functional as F

for epoch in range(10):
    costs = {zeros}(len(models))
    total = {zeros}(1)
    for x, y in loader:
        for k, m in enumerate(models):
            loss = F.cross_entropy(m(x), y)
            opts[k].zero_grad()
            loss.backward()
            opts[k].step()
            costs[k] += loss / len(loader){more}
"""

# a multi-agent learner (xuehy/pytorch-maddpg's update_policy): one optimizer step per agent, the
# per-agent losses in a list made at each call (rules/_per_network_loop.py)
_AGENT_LOSSES = """
import torch.nn.functional as F


class Learner:
    def __init__(self, critics, optimizers):
        self.critics = critics
        self.optimizers = optimizers
        self.n_agents = len(critics)
        self.history = []

    def update(self, memory):
        critic_losses = []
        {loop}
            x, y = memory.sample(agent)
            {optimizer}.zero_grad()
            loss = F.mse_loss({critic}(x), y)
            loss.backward()
            {optimizer}.step()
            {kept}.append(loss)
        return critic_losses


def train(learner, memory, steps):
    for step in range(steps):
        losses = learner.update(memory)
"""
# several discriminators trained by a method the loop hands the index to (hanzhanggit/StackGAN-v2's
# train_Dnet), their losses summed into a total started again for every batch
_DISCRIMINATORS = """
import torch.nn.functional as F


class Trainer:
    def train_d(self, idx, x, y):
        net, opt = self.nets[idx], self.optimizers[idx]
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(net(x), y)
        loss.backward()
        opt.step()
        return loss

    def train(self, loader):
        {outer}
        for x, y in loader:
            {inner}
            for i in range(self.n):
                total += self.train_d(i, x, y)
            print(total.item())
"""
_AGENTS_BY_INDEX = (
    _AGENT_LOSSES.replace("{loop}", "for agent in range(self.n_agents):")
    .replace("{optimizer}", "self.optimizers[agent]")
    .replace("{critic}", "self.critics[agent]")
)

# a criterion written by hand whose logging method returns a term of its loss again
_DICE_BCE = """
import torch.nn as nn
import torch.nn.functional as F


class SoftDiceLoss(nn.Module):
    def forward(self, p, t):
        return 1 - 2 * (p * t).sum() / (p.sum() + t.sum())


class DiceBCE(nn.Module):
    def __init__(self):
        super().__init__()
        self.dice_loss = SoftDiceLoss()

    def show_dice(self, p, t):
        return {show}

    def forward(self, p, t):
        return self.dice_loss(p, t) + F.binary_cross_entropy(p, t)


criterion = DiceBCE()
dice_sum = 0.0
for x, y in loader:
    pred = model(x)
    loss = criterion(pred, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    dice_sum += criterion.show_dice(pred, y)
"""

# a list of loss terms extended with their sum, returned as a named tuple (bubbliiiing's Faster R-CNN trainer)
# a statistics collector that keeps every value stored into it (its `__setitem__` appends), filled by a
# helper that the training loop calls with the collector (IBM/mi-prometheus's worker before d585f9a2);
# `{store}` is the collector's own line, `{stored}` what the helper stores
_COLLECTOR = """
import torch.nn.functional as F


class StatisticsCollector:
    def __init__(self):
        self.statistics = {"loss": []}

    def __setitem__(self, key, value):
        {store}


def evaluate_and_collect(model, x, y, stat_col):
    logits = model(x)
    loss = F.cross_entropy(logits, y)
    stat_col["loss"] = {stored}
    return logits, loss


def train(model, loader, optimizer):
    stat_col = StatisticsCollector()
    for x, y in loader:
        optimizer.zero_grad()
        logits, loss = evaluate_and_collect(model, x, y, stat_col)
        loss.backward()
        optimizer.step()
"""
_COLLECT = _COLLECTOR.replace("{store}", "self.statistics[key].append(value)")

_LOSS_LIST = """
from collections import namedtuple

import torch.nn.functional as F

Losses = namedtuple("Losses", ["box", "cls", "total"])


def smooth_l1(x, t):
    d = (x - t).abs()
    return (d * d).sum()


def train_step(model, opt, x, y, t):
    out = model(x)
    losses = [smooth_l1(out, t), F.cross_entropy(out, y)]
    losses = losses + [sum(losses)]
    opt.zero_grad()
    losses[-1].backward()
    opt.step()
    return Losses(*losses)


box_sum = 0.0
for x, y, t in loader:
    box, cls, total = train_step(model, opt, x, y, t)
    box_sum += {box}
"""

# an exponential moving average of the loss, printed now and then (sh0416/bpr)
_SMOOTHED = """
import torch

smooth = {start}
for step, (x, y) in enumerate(loader):
    opt.zero_grad()
    loss = model(x, y)
    loss.backward()
    opt.step()
    {average}
    if step % 100 == 0:
        print(f"loss {float(smooth):.4f}")
"""

#: the spellings of the average, each keeping the graph of the loss
_AVERAGES = (
    ("0", "smooth = smooth * 0.99 + loss * 0.01"),
    ("0", "smooth = 0.9 * smooth + (1 - 0.9) * loss"),
    ("0", "smooth = loss / 2 + smooth / 2"),
    ("torch.zeros(())", "smooth.mul_(0.99).add_(loss, alpha=0.01)"),
)


# an epoch loop that keeps each epoch's sum (or a value made from it) after the batch loop reported it
_EPOCH_SUMS = """
import torch.nn.functional as F

loss_arr = []
for epoch in range(epochs):
    epoch_loss = 0.0
    for data, label in loader:
        loss = F.cross_entropy(model(data), label)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        epoch_loss += loss  # expect: LG006
    loss_arr.append({kept})
"""

# a learning-rate range test's batch step (kingyiusuen/image-to-latex's copy of torch_lr_finder's
# `_train_batch`): each micro-batch is back-propagated, the optimizer steps once after the loop
_MICRO_BATCHES = """
import torch.nn.functional as F


class RangeTest:
    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer

    def train_batch(self, batches, accumulation_steps):
{start}        self.optimizer.zero_grad()
        for _ in range(accumulation_steps):
            x, y = next(batches)
            loss = F.cross_entropy(self.model(x), y) / accumulation_steps
            loss.backward()
            if total_loss is None:
                total_loss = loss
            else:
                total_loss += loss
{step}        return total_loss.item()

    def range_test(self, batches, steps):
        return [self.train_batch(batches, 4) for _ in range(steps)]
"""


# a LightningModule keeps what its training_step produces for an epoch hook (pytorch-forecasting's
# BaseModel before #1924; see _lightning_steps.py): Lightning runs the step once per batch
_LIGHTNING_OUTPUTS = """
import collections

import torch
import torch.nn.functional as F
import lightning.pytorch as pl


class Forecaster(pl.LightningModule):
    def __init__(self, loss_fn):
        super().__init__()
        self.net = torch.nn.Linear(8, 1)
        self.loss_fn = loss_fn
        self.training_step_outputs = {start}

    def step(self, x, y):
        loss = self.loss_fn(self.net(x), y)
        return {"loss": loss, "n_samples": x.size(0)}

    def training_step(self, batch, batch_idx):
        x, y = batch
        log = self.step(x, y)
        self.training_step_outputs.append({kept})
        return log

    def {hook}(self):
        self.training_step_outputs.clear()
"""


def _keeps(kept: str) -> str:
    """The message's opening for a sum or list ``kept`` that holds every step's loss (the examples' expectation)."""
    return f"`{kept}` keeps every step's loss tensor and its autograd graph alive"


def _summed(code: str, line: int, col: int, adds: str) -> Invalid:
    """An INVALID example whose statement ``adds`` (``total += loss``) keeps every step's graph; the
    fix accumulates ``.item()`` of what it adds."""
    return Invalid(code, line=line, col=col, message=_keeps(adds.split(" += ")[0]), edit=(adds, f"{adds}.item()"), fix_title="Accumulate loss.item()")


def _stored(code: str, line: int, col: int, kept: str) -> Invalid:
    """An INVALID example whose ``kept.append(loss)`` keeps every step's graph; the fix stores ``loss.detach()``."""
    return Invalid(
        code,
        line=line,
        col=col,
        message=_keeps(kept),
        edit=(f"{kept}.append(loss)", f"{kept}.append(loss.detach())"),
        fix_title="Store loss.detach()",
    )


def _called(call: str, line: int) -> str:
    """The message's words for a sum kept in an object that the training loop's ``call(...)`` at ``line`` adds to."""
    return f"the training loop calls `{call}(...)` at line {line} every step on an object made before it"


# what the message adds for a list kept through `self.batch_step(...)` (_STEP_METHOD, _STATS_TABLE)
_BATCH_STEP = ": the training loop calls `self.batch_step(...)`"


class GraphRetention(Rule):
    code = "LG006"

    def __init__(self, report) -> None:  # type: ignore[no-untyped-def]
        super().__init__(report)
        self._loops: dict[int, LoopFacts] = {}
        self._backwarded: dict[int, BackwardedTexts] = {}
        # per function (scope id): the accumulators this rule reported there
        self._reported: dict[int, set[str]] = {}
        self._one_step: dict[tuple[int, str], bool] = {}  # (loop id, sum): a loop over one step's micro-batches

    def on_accumulate(self, acc: Accumulate) -> None:
        if acc.outer is not None:
            self._through_method(acc)
            return
        value = acc.value
        if not acc.ctx.loops and kept_across_lightning_steps(acc):
            self._lightning_step(acc)
            return
        if acc.ctx.no_grad and not _keeps_graph_under_no_grad(acc) or not acc.ctx.loops:
            return
        module = acc.ctx.module
        loop = acc.ctx.loops[-1]
        facts = self._facts(loop, module)
        # outputs.append(output) where output["loss"] is back-propagated, losses.append(loss) where
        # losses[-1] is: the backward needs the graph, so no .detach() fix
        holder = backwards_an_element(acc, facts, module) or holds_graph_items(value)
        if (
            not (isinstance(value, Tensor) and value.graph)
            and not backwarded_in_loop(acc, value, facts, module)
            and not holder
            and not adds_a_loss_term(acc, value, facts, module)
        ):
            holder = holds_a_backwarded_item(acc, facts)
            if (
                not holder
                and not unbound_loss_of_network(acc, value, facts, module)
                and (isinstance(value, Tensor) or not backwarded_through_a_key_loop(acc, lambda loop: self._facts(loop, module), module))
            ):
                return
        if not isinstance(value, Tensor):
            value = Tensor(graph=True)
        target = module.segment(acc.target)
        if _restarts(facts, acc, module):
            return  # re-initialised every iteration
        if self._bounded_by_outer_step(acc, loop, module):
            return
        if one_network_per_iteration(acc):
            return  # one loss per agent of one step, in a list made afresh at every call
        if self._micro_batches(acc, loop, target, module):
            return  # the micro-batches of one optimizer step (gradient accumulation by hand)
        trains = facts.trains_outside(acc.ctx.dead) or self._trained_around(acc, module)
        if not trains and sums_rows_of_one_batch(acc.ctx.func, acc.ctx.loops, acc.target, module.module):
            return  # the per-row losses of the one batch the function was given: one step's graph
        if not trains and self._one_batch_of_outer(acc, module):
            return  # a decoder's steps over the batch the loop around binds, restarted per batch
        if not trains and not acc.ctx.called:
            return  # a loop that does not train, in a function whose callers (and their no_grad) are unknown
        scope = acc.ctx.func if acc.ctx.func is not None else module.module
        found = self._texts(scope, module)
        patterns = found.derived(target)
        store = ITEM_STORE.match(target)
        if store is not None and isinstance(acc.target, ast.Subscript):
            # `sums[k] += loss` keeps one running sum per slot: back-propagating a slot
            # (`sums[-1].backward()`, a MAML step's meta-loss) or the container is gradient accumulation
            patterns += found.derived(store.group(1))
        # `losses[-1].backward()` back-propagates one element: the earlier ones still hold graphs
        texts = [t for t in found.texts if not one_element(t, target)]
        # `loss = total / n` at the epoch's end does not make the next iteration's `loss.backward()` back-propagate the
        # sum when the loop binds `loss` afresh before it (rules/_rebound_names.py)
        texts = [t for t in texts if not (t.isidentifier() and t != target and rebound_before_backward(loop, scope, t, patterns, module))]
        if any(p.search(t) for p in patterns for t in texts):
            return  # the accumulated sum is what gets back-propagated (gradient accumulation)
        if isinstance(acc.target, ast.Name) and each_element_backpropagated(scope, target):
            return  # `for opt, loss in zip(optimizers, losses): loss.backward()`: the graphs are needed
        if not trains and any(p.search(t) for p in patterns for t in found.returned) and not self._caller_drops_graph(acc):
            return  # a helper that sums losses for its caller to back-propagate
        reported = self._reported.setdefault(id(scope), set())
        added = acc.node.args[0] if isinstance(acc.node, ast.Call) and acc.node.args else getattr(acc.node, "value", None)
        if added is not None and _scaled_sum(added, reported, module):
            # `history.append(epoch_loss)` of a sum reported above in this function, or of its mean
            # (`history.append(epoch_loss / n)`): one mistake, reported where it is made (its fix,
            # `epoch_loss += loss.item()`, fixes both)
            return
        if appended_to_a_library_object(acc, module):
            return  # read last: it walks the function and the module's imports
        reported.add(target)
        kept = "loss tensor and its autograd graph"
        instead = "accumulate loss.item() (or loss.detach()) instead"
        if acc.keyed:
            # `log[step] = loss` at a key new at every step (interp/keyed_stores.py): one more graph per step
            kept, instead = (
                "loss tensor and its autograd graph (one more at every new key)",
                "store loss.item() (or loss.detach()) instead",
            )
        elif isinstance(acc.node, ast.Assign) and any(isinstance(t, ast.Subscript) for t in acc.node.targets):
            # `losses[epoch] = loss` into a tensor (interp/slot_stores.py): the copy chains the graphs
            kept, instead = (
                "loss tensor and its autograd graph (a store into a tensor's slot chains them)",
                "store loss.item() (or loss.detach()) instead",
            )
        if holds_graph_items(acc.value):
            kind = "dict" if isinstance(acc.value, DictVal) else "tuple"
            kept, instead = f"{kind} of loss tensors and their autograd graphs", "store each item's .item() (or .detach()) instead"
        self.report(
            acc.node,
            acc.ctx,
            f"`{target}` keeps every step's {kept} alive; {instead}",
            # a sum started from zero (`adv = 0.0` then `adv += ...` under a condition) may still be
            # the float on some paths, where `.detach()` / `.item()` would raise: no automatic fix
            None if holder or value.from_zero else _fix(acc, value, module),
        )

    def _lightning_step(self, acc: Accumulate) -> None:
        """``self.outputs.append(log)`` in a LightningModule's ``training_step`` (:mod:`._lightning_steps`):
        Lightning runs the method every step, so the list keeps every step's graph until an epoch
        hook clears it. No automatic fix: what is kept may be the dict Lightning back-propagates."""
        assert acc.ctx.func is not None
        attr = acc.ctx.module.segment(acc.target)
        reported = self._reported.setdefault(id(acc.ctx.func), set())
        if attr in reported:
            return
        reported.add(attr)
        self.report(
            acc.node,
            acc.ctx,
            f"`{attr}` keeps every step's loss tensor and its autograd graph alive until it is cleared: Lightning "
            "runs training_step once per batch; keep a .detach()ed copy (or the loss's .item()) instead",
        )

    def _through_method(self, acc: Accumulate) -> None:
        """``self.sum += val`` in ``Meter.update``, which a training loop calls as ``meter.update(loss)``
        with a meter made before the loop: the sum keeps every step's graph. Judged like
        ``meter += loss`` written in the loop (reset there, back-propagated, bounded by an outer
        step: silent), with a value known to hold a graph, a loop that trains, and a method that
        does not start the sum afresh itself."""
        assert acc.outer is not None
        outer, receiver, call = acc.outer
        value = acc.value
        # `self.losses += [loss]` and `.extend([loss])` keep the list's items as `.append(loss)` keeps loss
        if outer.no_grad or acc.ctx.no_grad or not outer.loops or not (isinstance(value, Tensor) and value.graph or holds_graph_items(value)):
            return
        module = outer.module
        loop = outer.loops[-1]
        facts = self._facts(loop, module)
        method = acc.ctx.func
        attr = acc.ctx.module.segment(acc.target)
        # the loop may train through the call itself (`self.batch_step(x, y)` runs backward()), provided
        # the method does not back-propagate what it keeps (`self.acc += loss; self.acc.backward()`)
        through_call = bool(acc.outer_trained) and acc.outer_trained[-1] and method is not None
        if through_call and method is not None:
            own = self._texts(method, acc.ctx.module)
            if any(p.search(t) for p in own.derived(attr) for t in own.texts):
                return
        if not facts.trains and not through_call:
            return
        name = module.segment(receiver)
        # `metrics.losses_track.update(loss)`: re-making or resetting `metrics` restarts it too
        holders = [receiver]
        while isinstance(holders[-1], ast.Attribute):
            holders.append(holders[-1].value)
        texts = [module.segment(h) for h in holders]
        kept = own_attribute(method, acc.target)
        if kept is not None:
            # `self.action_buffer = []` in the loop that calls `self.gen_episode()`, whose method
            # appends to `self.action_buffer`: the loop empties the list the call fills
            texts.insert(0, f"{name}.{kept}")
        if any(facts.resets(t, call) or _resets_through_method(loop, t, module, facts, call) for t in texts):
            return
        if (
            method is not None
            and emptied_by_a_sibling(loop, name, module, method, acc.target, acc.ctx.module)
            and not reset_now_and_then(loop, name, module, method, acc.node, acc.target, acc.ctx.module, facts, call)
        ):
            return  # `self.learn()` in the loop ends with `self.trajectory.clear()`: at most one update's steps are kept
        if method is not None and backpropagated_by_a_sibling(loop, name, module, method, acc.target, acc.ctx.module):
            return  # `self.actor_learn()` in the loop back-propagates a loss made from the list, which a reset empties
        if method is not None and any(
            isinstance(n, ast.Assign)
            and n is not acc.node
            and any(acc.ctx.module.segment(t) == attr for t in n.targets)
            and not _reads(n.value, attr, acc.ctx.module)
            for n in ast.walk(method)
        ):
            # `self.total = 0` in the method itself: a sum of one call; an assignment that reads the
            # attribute (`self.avg = 0.99 * self.avg + 0.01 * val` in another branch) carries it on
            return
        proxy = Accumulate(call, receiver, value, outer)
        if self._bounded_by_outer_step(proxy, loop, module):
            return
        found = self._texts(outer.func if outer.func is not None else module.module, module)
        # `collect(batch, stats)` given the object (interp/passed_holders.py): its result is not the object
        given_to = module.segment(call) if any(receiver is a for a in (*call.args, *(k.value for k in call.keywords))) else None
        if any(p.search(t) for p in found.derived(name, given_to) for t in found.texts):
            return  # meter.sum.backward(): the sum is what gets back-propagated
        reported = self._reported.setdefault(id(method if method is not None else acc.ctx.module.module), set())
        if attr in reported:
            return
        reported.add(attr)
        line = f" at line {call.lineno}" if module is acc.ctx.module else f" in {module.path.name}"
        # `stats["loss"] = loss` runs the class's __setitem__ (interp/item_stores.py)
        does = f"stores into `{module.segment(call.func)}`" if isinstance(call.func, ast.Subscript) else f"calls `{module.segment(call.func)}(...)`"
        self.report(
            acc.node,
            acc.ctx,
            f"`{attr}` keeps every step's loss tensor and its autograd graph alive: the training loop {does}{line} "
            "every step on an object made before it; add loss.item() (or loss.detach()) instead",
        )

    def _micro_batches(self, acc: Accumulate, loop: ast.AST, target: str, module: ModuleInfo) -> bool:
        """:func:`one_step_of_micro_batches`, read once per loop and sum."""
        key = (id(loop), target)
        found = self._one_step.get(key)
        if found is None:
            scope = acc.ctx.func if acc.ctx.func is not None else module.module
            found = self._one_step[key] = one_step_of_micro_batches(scope, loop, target, module)
        return found

    def _facts(self, loop: ast.AST, module: ModuleInfo) -> LoopFacts:
        """What a loop calls and assigns, read once per loop node."""
        facts = self._loops.get(id(loop))
        if facts is None:
            facts = self._loops[id(loop)] = LoopFacts(module, loop)
        return facts

    def _texts(self, scope: ast.AST, module: ModuleInfo) -> BackwardedTexts:
        """What a function (or module) back-propagates and returns, read once per scope."""
        found = self._backwarded.get(id(scope))
        if found is None:
            found = self._backwarded[id(scope)] = BackwardedTexts(module, scope)
        return found

    def _trained_around(self, acc: Accumulate, module: ModuleInfo) -> bool:
        """The loop around the accumulation back-propagates through a function it called, or an
        enclosing loop does (in its body or through its calls) and no loop in between restarts the
        sum: ``out = self.train_step(batch)`` (which runs ``backward()``) then ``for k, v in
        out.items(): total[k] += v`` keeps every step's terms. A restart in an enclosing loop
        (``total = {}`` per batch) holds one step's graphs at most: silent."""
        loops = acc.ctx.loops
        if len(acc.trained) != len(loops):
            return False
        if acc.trained[-1]:
            return True
        for i in range(len(loops) - 2, -1, -1):
            facts = self._facts(loops[i], module)
            if _restarts(facts, acc, module):
                return False
            if facts.trains or acc.trained[i]:
                return True
        return False

    def _bounded_by_outer_step(self, acc: Accumulate, loop: ast.AST, module: ModuleInfo) -> bool:
        """The sum is re-initialised by an enclosing loop that back-propagates on its own (VocGAN:
        `loss_d_sum = 0.0`, then the discriminator repeated `rep` times inside one generator step):
        it holds at most one outer step's graphs, not every step's. An epoch loop that resets the
        sum around its batch loop does not back-propagate itself, so the batch loop's sum is still
        reported. The outer step may back-propagate in a function it calls (``terms =
        train_step(batch)``) when the loops inside it have run no backward() so far."""
        loops = acc.ctx.loops
        trained = acc.trained if len(acc.trained) == len(loops) else (False,) * len(loops)
        inner = loop
        for i in range(len(loops) - 2, -1, -1):
            outer = loops[i]
            if _restarts(self._facts(outer, module), acc, module) and (
                backward_outside(outer, inner)
                or (trained[i] and not trained[i + 1] and not self._facts(inner, module).trains and not trains_in_other_loop(outer, inner, module))
            ):
                return True
            inner = outer
        return False

    def _one_batch_of_outer(self, acc: Accumulate, module: ModuleInfo) -> bool:
        """The loop walks the positions of a tensor the loop around it binds at each iteration, and
        that loop restarts the sum (:func:`walks_one_batch`): one batch's graph, let go at the next."""
        loops = acc.ctx.loops
        if len(loops) < 2:
            return False
        outer, inner = loops[-2], loops[-1]
        scope = acc.ctx.func if acc.ctx.func is not None else module.module
        return _restarts(self._facts(outer, module), acc, module) and walks_one_batch(outer, inner, scope)

    def _caller_drops_graph(self, acc: Accumulate) -> bool:
        """The call this helper was analysed for is known, and the caller is known to throw its
        result's graph away (``print(validate(model, loader))``): the summed graphs are waste. A
        caller that may differentiate it in any way (:mod:`._caller_use`) leaves the rule silent."""
        site = acc.ctx.result_site or acc.ctx.callsite  # through thin wrappers: their caller (interp.result_sites)
        if site is None:
            return False
        module, call = site
        scope = enclosing_function(call, module.module)
        if self._backpropagates_a_part(without_helper(scope, acc.ctx.func), call, module):
            return False
        return drops_result(scope, call, self._returned_item(acc), top_functions(module, acc.ctx.module), acc.ctx.func)

    def _backpropagates_a_part(self, scope: ast.AST, call: ast.Call, module: ModuleInfo) -> bool:
        """The caller back-propagates or returns the result, or any part of it (``loss, parts =
        criterion(out, y); loss.backward()``): the helper computes one training step's loss, and
        whatever else it sums is that step's too, freed with it."""
        # the caller's own function: a name it binds is not the same variable as one of another
        # function (`losstensor` summed into the `losstensorMean` the helper returns)
        found = self._texts(scope, module) if not isinstance(scope, ast.Module) or scope is module.module else BackwardedTexts(module, scope)
        call_text = module.segment(call)
        names = {
            part.strip(" ()[]*")  # `loss, parts = helper(...)` binds each name of the tuple
            for target, value in found.assignments
            if call_text in value
            for part in target.split(",")
        } - {""}
        # `G_losses["VGG"] = self.criterionVGG(...)`: the caller keeps it in the dict it returns
        names |= {m.group(1) for n in names if (m := ITEM_STORE.match(n)) is not None}
        patterns = [p for n in names for p in found.derived(n)]
        if any(target.startswith("self.") and any(p.search(value) for p in patterns) for target, value in found.assignments):
            # `pcp, _ = self.criterion(...); self.loss_G_pcp = pcp * w`: a part kept on the object for the
            # method that back-propagates it (a trainer class's `optimize_parameters`), not thrown away
            return True
        return any(call_text in text or any(p.search(text) for p in patterns) for text in (*found.texts, *found.returned))

    def _returned_item(self, acc: Accumulate) -> int | None:
        """The one position of the tuple every ``return`` of the helper gives that holds the sum
        (``return outLoss, losstensorMean``), if there is one."""
        func = acc.ctx.func
        if func is None:
            return None
        patterns = self._texts(func, acc.ctx.module).derived(acc.ctx.module.segment(acc.target))
        found: set[int] = set()
        for node in ast.walk(func):
            if isinstance(node, ast.Return) and node.value is not None:
                if not isinstance(node.value, ast.Tuple):
                    return None
                found |= {i for i, el in enumerate(node.value.elts) if any(p.search(acc.ctx.module.segment(el)) for p in patterns)}
        return found.pop() if len(found) == 1 else None

    VALID = (
        # one loss per discriminator of one batch, the total started again for every batch
        _DISCRIMINATORS.replace("{outer}", "pass").replace("{inner}", "total = 0"),
        # one loss per agent of one step, in a list made afresh at every call; by index and by zip
        _AGENTS_BY_INDEX.replace("{kept}", "critic_losses"),
        _AGENT_LOSSES.replace("{loop}", "for agent, (critic, optimizer) in enumerate(zip(self.critics, self.optimizers)):")
        .replace("{optimizer}", "optimizer")
        .replace("{critic}", "critic")
        .replace("{kept}", "critic_losses"),
        # the loss detached before it is averaged across processes (horovod's fix)
        _ALLREDUCED.replace("{given}", "val.detach().cpu()"),
        # the accumulation's sum started again where the optimizer steps: it spans one update's micro-batches
        _ACCUMULATED.replace("{in_step}", "print(float(running))\n            running = 0").replace("{in_log}", "pass"),
        # the totals of numbers; an item of the model's output that is no term of the back-propagated sum
        _TOTALS.replace("{added}", "total += step_loss.item()"),
        _TOTALS.replace("{added}", 'aux_total += out["aux"].item()'),
        _TOTALS.replace("{added}", 'aux_total += out["accuracy"]'),
        # the loss unpacked from the step helper's result, then detached after its backward; unpacked from a
        # conditional that gives a number on some iterations (the interpreter does not say which are summed)
        _GUARDED_STEP.replace("{bound}", "loss, metrics, _ = step(model, batch)").replace("{after}", "loss = loss.detach()\n        "),
        _GUARDED_STEP.replace("{bound}", "loss, metrics = step(model, batch) if model.training else (0.0, {})").replace("{after}", ""),
        # a LightningModule that keeps a detached copy of what training_step returns, clears its list
        # every batch, bounds it (`deque(maxlen=...)`), or steps its optimizers by hand
        *(
            _LIGHTNING_OUTPUTS.replace("{start}", start).replace("{kept}", kept).replace("{hook}", hook)
            for start, kept, hook in (
                ("[]", "{k: v.detach() if torch.is_tensor(v) else v for k, v in log.items()}", "on_train_epoch_end"),
                ("[]", "log", "on_train_batch_end"),
                ("collections.deque(maxlen=10)", "log", "on_train_epoch_end"),
            )
        ),
        _LIGHTNING_OUTPUTS.replace("{start}", "[]\n        self.automatic_optimization = False")
        .replace("{kept}", "log")
        .replace("{hook}", "on_train_epoch_end"),
        # the validation step runs under no_grad
        _LIGHTNING_OUTPUTS.replace("{start}", "[]")
        .replace("{kept}", "log")
        .replace("{hook}", "on_train_epoch_end")
        .replace("def training_step", "def validation_step"),
        # the average of the loss's number, and of a detached copy
        _SMOOTHED.replace("{start}", "0").replace("{average}", "smooth = smooth * 0.99 + loss.item() * 0.01"),
        _SMOOTHED.replace("{start}", "torch.zeros(())").replace("{average}", "smooth.mul_(0.99).add_(loss.detach(), alpha=0.01)"),
        # the same averages given the loss's number; and a keeper whose method stores the value
        # afresh in one branch (a sum of one call there): silent
        _KEEPER.replace("{kept}", "loss.item()"),
        _KEEPER.replace("self.values[key] = 0.9 * self.values[key] + 0.1 * value", "self.values[key] = value").replace("{kept}", "loss, smooth=True"),
        # under no_grad the list is given the loss's number, or a loss computed there (no graph)
        _LOGGED_UNDER_NO_GRAD.replace("{logged}", "loss_list.append(loss.item())"),
        _LOGGED_UNDER_NO_GRAD.replace("{logged}", "loss_list.append(F.cross_entropy(model(x), y))"),
        # the same meter given numbers, reset every step, or used under no_grad
        _METER
        + """

def train(model, loader, optimizer):
    losses = AverageMeter()
    last = AverageMeter()
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        losses.update(loss.item(), x.size(0))
        last.reset()
        last.update(loss)


def validate(model, loader):
    losses = AverageMeter()
    with torch.no_grad():
        for x, y in loader:
            losses.update(F.cross_entropy(model(x), y), x.size(0))
""",
        # Informer2020's vali (zhouhaoyi/Informer2020 29f2a739, exp/exp_informer.py): the loss of
        # detached predictions holds no graph, and the loop that calls vali() trains
        """
import numpy as np
import torch.nn as nn

class Exp:
    def vali(self, loader, criterion):
        total_loss = []
        for x, y in loader:
            pred = self.model(x)
            loss = criterion(pred.detach().cpu(), y.detach().cpu())
            total_loss.append(loss)
        return np.average(total_loss)

    def train(self, loader, vali_loader):
        criterion = nn.MSELoss()
        for epoch in range(10):
            for x, y in loader:
                self.optimizer.zero_grad()
                loss = criterion(self.model(x), y)
                loss.backward()
                self.optimizer.step()
            print(self.vali(vali_loader, criterion))
""",
        """
import torch.nn as nn
import torch.nn.functional as F


class BoxLoss(nn.Module):
    def forward(self, pred, target, matches):
        loc_loss = 0.0
        for i in range(len(target)):
            per_image = 0.0
            for j in matches[i]:   # sums terms into the one loss it returns: nothing trains here
                per_image += F.smooth_l1_loss(pred[i, j], target[i, j], reduction="sum")
            loc_loss += per_image / len(matches[i])
        return loc_loss / len(target)


criterion = BoxLoss()
for x, target, matches in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), target, matches)
    loss.backward()
    optimizer.step()
""",
        # chenjun2hao/Attention_ocr.pytorch@81785f3 (val): an evaluation loop with no backward sums the
        # decoder's steps over the positions of the batch's target, `loss = 0.0` again at every batch:
        # the sum holds one batch's graph and lets it go at the next
        """
import torch.nn as nn

criterion = nn.NLLLoss()


def evaluate(encoder, decoder, loader, converter):
    for images, texts in loader:
        target = converter.encode(texts)
        memory = encoder(images)
        step_input = target[0]
        hidden = decoder.init_hidden(images.size(0))
        loss = 0.0
        if greedy:
            for t in range(1, target.shape[0]):
                out, hidden = decoder(step_input, hidden, memory)
                loss += criterion(out, target[t])
                step_input = out.argmax(1)
        print(loss.item())


evaluate(enc, dec, val_loader, conv)
""",
        # sgugger/Deep-Learning's SSD notebook (ssd_loss): a helper sums the per-image losses of the
        # one batch it was given, over `zip` of its parameters, and the caller only looks at the
        # value: the sum holds that batch's graph once, not one graph per step
        """
import torch.nn as nn
import torch.nn.functional as F


class ClassLoss(nn.Module):
    def forward(self, logits, target):
        return F.binary_cross_entropy_with_logits(logits, target, reduction="sum")


class_loss = ClassLoss()


def image_loss(p_cls, p_box, t_cls, t_box):
    return class_loss(p_cls, t_cls), (p_box - t_box).abs().mean()


def detection_loss(pred_cls, pred_box, targ_cls, targ_box):
    cls_total, box_total = 0.0, 0.0
    for p_c, p_b, t_c, t_b in zip(pred_cls, pred_box, targ_cls, targ_box):
        c, b = image_loss(p_c, p_b, t_c, t_b)
        cls_total += c
        box_total += b
    return cls_total + box_total


detection_loss(pred_cls, pred_box, targ_cls, targ_box)
""",
        """
total_loss = 0.0
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    total_loss += loss.item()
""",
        """
import torch

val_loss = 0
with torch.no_grad():
    for x, y in val_loader:
        val_loss += criterion(model(x), y)
""",
        """
for i, (x, y) in enumerate(loader):
    optimizer.zero_grad()
    loss = 0
    for head in heads:
        loss = loss + criterion(head(x), y)
    loss.backward()
    optimizer.step()
""",
        """
losses = []
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    losses.append(loss.detach())
""",
        """
import torch

total = 0.0
for batch in loader:
    outputs = model(**batch)
    loss = outputs.loss
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    total += loss.item()
with torch.no_grad():
    val = 0
    for batch in val_loader:
        val += model(**batch).loss
""",
        """
import torch

# hand-written loss terms, accumulated as numbers (look-alikes of the invalid examples)
mse_total = ce_total = 0.0
for x, y, t in loader:
    pred = model(x)
    loss = ((pred - y) ** 2).mean()
    mse_total += loss.item()
    nll = -(t * torch.log_softmax(pred, dim=1)).sum()
    ce_total += nll.detach()
    optimizer.zero_grad()
    (loss + nll).backward()
    optimizer.step()
""",
        """
import torch

total = 0.0
for x, y in loader:
    loss = ((model(x) - y) ** 2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    loss = loss.item()  # the name now holds a number
    total += loss
    total += loss * x.size(0)
""",
        """
import torch
from asr import build_model

model = build_model()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def train(loader, log_every=50):
    for epoch in range(10):
        running = 0.0
        losses = []
        for i, (x, y, x_lengths) in enumerate(loader):
            optimizer.zero_grad()
            loss = model(x, y)
            loss.backward()
            # float() of the loss is a Python number (HawkAaron/E2E-ASR's train_ctc.py), times a count
            # still one; the name is later rebound to the running mean, which is no term of the backward
            loss = float(loss.data) * len(x_lengths)
            running += loss; losses.append(loss)
            optimizer.step()
            if i % log_every == 0:
                loss = running / log_every
                print(f"step {i}: {loss:.3f}")
                running = 0.0
        print(epoch, sum(losses) / len(losses))
""",
        # int() of the loss is a Python integer as float() is a float: no graph in what is kept
        """
def train(model, optimizer, loader, log_every=50):
    running, losses = 0, []
    for i, (x, y, x_lengths) in enumerate(loader):
        optimizer.zero_grad()
        loss = model(x, y)
        loss.backward()
        loss = int(loss.data) * len(x_lengths)
        running += loss
        losses.append(loss)
        optimizer.step()
        if i % log_every == 0:
            loss = running / log_every
            running = 0
    return sum(losses) / len(losses)
""",
        """
outputs = []
for i, batch in enumerate(loader):
    optimizer.zero_grad()
    output = module.training_step(batch, i)
    output["loss"].backward()
    optimizer.step()
    output["loss"] = output["loss"].detach()  # the kept dict no longer holds the graph
    outputs.append(output)
""",
        """
total = 0.0
for x, y in loader:
    loss = criterion(model(x), y)
    if loss is None:
        loss = 0.0  # bound twice: maybe a float when it is accumulated
    total += loss
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
""",
        """
import torch.nn as nn

criterion = nn.MSELoss()
for mel, audio in loader:
    optim_g.zero_grad()
    fake = generator(mel)
    loss_g = criterion(discriminator(fake), ones)
    loss_g.backward()
    optim_g.step()
    loss_d_sum = 0.0   # re-initialised every generator step: holds one step's repeats only
    for _ in range(rep_discriminator):
        optim_d.zero_grad()
        loss_d = criterion(discriminator(fake.detach()), zeros) + criterion(discriminator(audio), ones)
        loss_d.backward()
        optim_d.step()
        loss_d_sum += loss_d
    log(loss_d_sum.item() / rep_discriminator)
""",
        """
import torch.nn as nn

# NVlabs/SPADE@fecacc92: loss terms summed inside one step, stored into the dict the step returns


class VGGLoss(nn.Module):
    def __init__(self):
        super().__init__()
        self.criterion = nn.L1Loss()
        self.weights = [1.0 / 16, 1.0 / 4, 1.0]

    def forward(self, x_feats, y_feats):
        loss = 0
        for i in range(len(x_feats)):
            loss += self.weights[i] * self.criterion(x_feats[i], y_feats[i].detach())
        return loss


class Pix2PixModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.criterionVGG = VGGLoss()
        self.criterionFeat = nn.L1Loss()

    def generator_losses(self, fake_feats, real_feats, pred_fake, pred_real):
        G_losses = {}
        feat_loss = 0.0
        for i in range(len(pred_fake)):  # feature matching: terms of one step's loss
            feat_loss += self.criterionFeat(pred_fake[i], pred_real[i].detach())
        G_losses["GAN_Feat"] = feat_loss
        G_losses["VGG"] = self.criterionVGG(fake_feats, real_feats) * 10.0
        return G_losses


model = Pix2PixModel()
for fake_feats, real_feats, pred_fake, pred_real in loader:
    opt.zero_grad()
    losses = model.generator_losses(fake_feats, real_feats, pred_fake, pred_real)
    sum(losses.values()).backward()
    opt.step()
""",
        """
import torch.nn as nn


class CachedRankingLoss(nn.Module):
    # UKPLab/sentence-transformers@85ec6455: each mini-batch's loss is back-propagated and then
    # detached when with_backward is set; otherwise the caller back-propagates the sum
    def __init__(self, mini_batch_size=32):
        super().__init__()
        self.mini_batch_size = mini_batch_size
        self.cross_entropy_loss = nn.CrossEntropyLoss()

    def calculate_loss(self, scores, labels, batch_size, with_backward=False):
        losses = []
        for b in range(0, batch_size, self.mini_batch_size):
            e = b + self.mini_batch_size
            loss_mbatch = self.cross_entropy_loss(scores[b:e], labels[b:e]) * len(scores[b:e]) / batch_size
            if with_backward:
                loss_mbatch.backward()
                loss_mbatch = loss_mbatch.detach()
            losses.append(loss_mbatch)
        return sum(losses)


loss_fn = CachedRankingLoss()
for scores, labels in loader:
    optimizer.zero_grad()
    loss = loss_fn.calculate_loss(scores, labels, len(labels), with_backward=True)
    optimizer.step()
""",
        """
import torch.nn as nn

criterion = nn.MSELoss()
for step, (mel, audio) in enumerate(loader):
    optim_g.zero_grad()
    loss_g = criterion(generator(mel), audio)
    loss_g.backward()
    optim_g.step()
    if step > start_discriminator:
        loss_d_sum = 0.0   # reset in the branch that holds the sum: every time it is summed
        for _ in range(rep_discriminator):
            optim_d.zero_grad()
            loss_d = criterion(discriminator(audio), ones)
            loss_d.backward()
            optim_d.step()
            loss_d_sum += loss_d
        log(loss_d_sum.item())
""",
        """
import torch.nn.functional as F

"""
        + _TRAIN_STEP
        + """

for x, y in loader:
    terms = train_step(x, y)
    logs = {"mse": 0.0, "l1": 0.0}   # restarted every batch: one step's terms at most
    for name, value in terms.items():
        logs[name] += value
    report(logs)
""",
        # a helper's sum that reaches backward() through a tuple its caller unpacks: not waste
        """
import torch.nn.functional as F


def multi_scale_loss(outputs, y):
    total = 0
    for out in outputs:
        total += F.mse_loss(out, y)
    return total


def train(model, loader, optimizer):
    for x, y in loader:
        raw = multi_scale_loss(model(x), y)
        loss, scale = normalised(raw)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


train(model, loader, optimizer)
""",
        # a task's summed loss that the caller differentiates without backward(): the gradient of
        # an inner step (torch.autograd.grad) or a meta-learner's adapt(); the sum is the loss
        """
import torch
import torch.nn.functional as F


def task_loss(learner, batches):
    loss = 0.0
    for x, y in batches:
        loss += F.cross_entropy(learner(x), y) / len(batches)
    return loss, len(batches)


def inner_step(learner, support, query, meta_opt):
    train_error, _ = task_loss(learner, support)
    grads = torch.autograd.grad(train_error, learner.parameters(), create_graph=True)
    learner.adapt(task_loss(learner, query)[0])
    return grads


inner_step(model, support, query, meta_opt)
""",
        # the object that holds the tracker is made again every step
        _TRACKER
        + """

def train(model, loader, optimizer):
    for x, y in loader:
        metrics = Metrics()   # a new tracker every step: one step's graph at most
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        metrics.losses.update(loss)
""",
        # a MAML step (dragen1860/MAML-Pytorch 98a00d41, meta.py): one running sum per inner step,
        # summed over the tasks, and the last slot is the meta-loss back-propagated after the loop
        """
import torch
import torch.nn.functional as F


def meta_step(net, tasks, inner_steps, inner_lr, meta_opt):
    query_losses = [0.0] * (inner_steps + 1)
    for x_s, y_s, x_q, y_q in tasks:
        weights = list(net.parameters())
        for k in range(inner_steps):
            grads = torch.autograd.grad(F.cross_entropy(net(x_s, weights), y_s), weights)
            weights = [w - inner_lr * g for w, g in zip(weights, grads)]
            query_losses[k + 1] += F.cross_entropy(net(x_q, weights), y_q)
    meta_loss = query_losses[-1] / len(tasks)
    meta_opt.zero_grad()
    meta_loss.backward()
    meta_opt.step()
""",
        # a log line built with `%` from the loss terms is a string (mrlibw/ControlGAN e6cf108b,
        # code/trainer.py): `logs += "kl: %.2f " % kl` keeps no tensor
        """
import torch
import torch.nn.functional as F


def generator_loss(net_d, fake, real_labels):
    logs = ""
    loss = F.binary_cross_entropy_with_logits(net_d(fake), real_labels)
    logs += "g_loss: %.2f " % loss
    return loss, logs


for step, (z, real_labels) in enumerate(loader):
    net_g.zero_grad()
    fake, mu, logvar = net_g(z)
    total, logs = generator_loss(net_d, fake, real_labels)
    kl = -0.5 * torch.mean(1 + logvar - mu.pow(2) - logvar.exp())
    total += kl
    logs += "kl_loss: %.2f " % kl
    total.backward()
    opt_g.step()
    if step % 100 == 0:
        print(logs)
""",
        # an outer loop whose own body back-propagates is one training step: the sum it resets
        # holds that step's discriminator terms only (the epoch-loop case above is not this)
        """
import torch.nn.functional as F

for step, (real, z) in enumerate(loader):
    d_sum = 0.0
    for _ in range(5):
        d_loss = F.softplus(D(G(z).detach())).mean() + F.softplus(-D(real)).mean()
        d_sum += d_loss
    d_opt.zero_grad()
    d_sum.backward()
    d_opt.step()
    g_loss = F.softplus(-D(G(z))).mean()
    g_opt.zero_grad()
    g_loss.backward()
    g_opt.step()
""",
        # the helper's dict of loss tensors is turned into numbers before it is kept
        """
import torch.nn.functional as F


def compute_losses(model, x, y):
    out = model(x)
    return {"mse": F.mse_loss(out, y), "l1": F.l1_loss(out, y)}


def train(model, loader, opt):
    history = []
    for x, y in loader:
        losses = compute_losses(model, x, y)
        opt.zero_grad()
        (losses["mse"] + losses["l1"]).backward()
        opt.step()
        history.append({name: value.item() for name, value in losses.items()})
    return history
""",
        # a dict of numbers and detached tensors holds no graph
        """
import torch.nn.functional as F

history = []
for x, y in loader:
    loss = F.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    history.append({"loss": loss.item(), "logits": model(x).detach()})
""",
        # the weight sum a loss is divided by, returned next to it, is its normaliser, not a term
        # of it: the meter adds a float and a count (round 14, bilzard/kaggle-hms-public)
        """
import torch.nn.functional as F


class AverageMeter:
    def __init__(self):
        self.sum = 0.0
        self.count = 0

    def update(self, val, count):
        self.sum += val * count
        self.count += count


def weighted_loss(pred, target, weight):
    weight_sum = weight.sum().item()
    loss = F.kl_div(pred.log_softmax(dim=-1), target, reduction="none").sum(dim=-1)
    loss = (loss * weight).sum() / weight_sum
    return loss, weight_sum


meter = AverageMeter()
for x, y, w in loader:
    optimizer.zero_grad()
    loss, weight_sum = weighted_loss(model(x), y, w)
    meter.update(loss.item(), weight_sum)
    loss.backward()
    optimizer.step()
""",
        # the step method keeps numbers, or back-propagates the sum it keeps (gradient accumulation)
        _STEP_METHOD.replace("{backward}", "loss.backward()").replace("{kept}", "loss.item()"),
        # a list grown by a list of numbers (or of detached tensors) keeps no graph
        _STEP_METHOD.replace("{backward}", "loss.backward()").replace("self.losses.append({kept})", "self.losses += [loss.item()]"),
        _STEP_METHOD.replace("{backward}", "loss.backward()").replace("self.losses.append({kept})", "self.losses.extend([loss.detach()])"),
        # the alias's table is filled with numbers; a dict made in the call (or a copy) is not the table on `self`
        _STATS_TABLE.replace("{keep}", 'stat = self.statistics["train"]\n        stat["loss"] += [loss.item()]'),
        _STATS_TABLE.replace("{keep}", 'stat = {"loss": []}\n        stat["loss"] += [loss]'),
        _STATS_TABLE.replace("{keep}", 'stat = dict(self.statistics)\n        stat["loss"] += [loss]'),
        _ATTRIBUTE_SUM.replace("{added}", "loss.item()"),
        _LIST_METER,
        _STEP_METHOD.replace("{backward}", "pass")
        .replace("{kept}", "loss")
        .replace("        self.optim.step()\n", "        sum(self.losses).backward()\n        self.optim.step()\n"),
        # the criterion's logging method returns a number (`.item()` of the term)
        _DICE_BCE.replace("{show}", "(1.0 - self.dice_loss(p, t)).item()"),
        # a NumPy array holds numbers: a loss added or stored into it is converted (or refused), no graph is kept
        _ENSEMBLE_COSTS.replace("{lib}", "numpy as np")
        .replace("{zeros}", "np.zeros")
        .replace("{more}", "\n            costs[k] = costs[k] + loss\n            total += loss"),
        # the term read back as a number
        _LOSS_LIST.replace("{box}", "box.item()"),
        # the collector is given the loss's number
        _COLLECT.replace("{stored}", "loss.item()"),
        # a perceptual loss sums its per-layer terms within one call; the trainer class keeps a part of its
        # result on `self` for the method that back-propagates it and drops the other part
        # (jolibrain/joliGEN's MAT model at HEAD 2026): one call's graphs, not every step's
        """
import torch
import torch.nn as nn


class PerceptualLoss(nn.Module):
    def __init__(self, vgg, layer_weights):
        super().__init__()
        self.vgg = vgg
        self.layer_weights = layer_weights
        self.criterion = nn.L1Loss()

    def forward(self, x, gt):
        x_features = self.vgg(x)
        gt_features = self.vgg(gt.detach())
        percep_loss = 0
        for k in x_features.keys():
            percep_loss += self.criterion(x_features[k], gt_features[k]) * self.layer_weights[k]
        style_loss = 0
        for k in x_features.keys():
            style_loss += self.criterion(x_features[k].mean(0), gt_features[k].mean(0)) * self.layer_weights[k]
        return percep_loss, style_loss


class InpaintingModel:
    def __init__(self, net_g, vgg, opt):
        self.net_g = net_g
        self.opt = opt
        self.criterion_pcp = PerceptualLoss(vgg, {"conv1": 1.0, "conv2": 0.5})

    def compute_g_loss(self):
        pcp_loss, _ = self.criterion_pcp(self.fake_b, self.real_b)
        self.loss_g_pcp = pcp_loss * self.opt.pcp_ratio
        self.loss_g = self.loss_g_pcp + torch.mean(torch.abs(self.fake_b - self.real_b))

    def optimize_parameters(self, batch):
        self.real_a, self.real_b = batch
        self.fake_b = self.net_g(self.real_a)
        self.compute_g_loss()
        self.opt.optimizer_g.zero_grad()
        self.loss_g.backward()
        self.opt.optimizer_g.step()
""",
        # the micro-batches of one optimizer step: the sum starts afresh before each step
        _MICRO_BATCHES.replace("{start}", "        total_loss = None\n").replace("{step}", "        self.optimizer.step()\n"),
        # ... stepped through a gradient scaler, which steps the optimizer it is handed (lucidrains/lightweight-gan's
        # Trainer.train: `D_scaler.step(GAN.D_opt)` after a loop over one step's micro-batches)
        _MICRO_BATCHES.replace("{start}", "        total_loss = None\n").replace(
            "{step}", "        self.scaler.step(self.optimizer)\n        self.scaler.update()\n"
        ),
        # ... cleared after the step rather than before the loop (lucidrains/deep-daze's train_step): the next
        # call starts from cleared gradients
        _MICRO_BATCHES.replace("{start}", "        total_loss = None\n")
        .replace("        self.optimizer.zero_grad()\n        for _ in", "        for _ in")
        .replace("{step}", "        self.scaler.step(self.optimizer)\n        self.scaler.update()\n        self.optimizer.zero_grad()\n"),
        # a collector that keeps only the latest value of each statistic holds one step's graph
        _COLLECTOR.replace("{store}", "self.statistics[key] = [value]").replace("{stored}", "loss"),
        # the object the helper stores into is made afresh inside it (not the one it was given)
        _COLLECT.replace("{stored}", "loss").replace(
            '    stat_col["loss"] = loss', '    stat_col = StatisticsCollector()\n    stat_col["loss"] = loss'
        ),
        # the loss detached before it is scaled by the batch size: no graph is summed
        _SCALED_SUM.replace("{scaled}", "loss.detach().mul(x.size(0))"),
        # torchmetrics runs a metric's update with gradients disabled: its state holds no graph
        """
import torch
import torch.nn.functional as F
from torchmetrics import Metric, MetricCollection


class LossSum(Metric):
    def __init__(self):
        super().__init__()
        self.add_state("total", default=torch.tensor(0.0), dist_reduce_fx="sum")

    def update(self, loss):
        self.total += loss

    def compute(self):
        return self.total


def train(model, loader, optimizer):
    meter = LossSum()
    group = MetricCollection([LossSum()])
    for x, y in loader:
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        meter.update(loss)
        meter(loss)
        group.update(loss)
""",
        # MONAI's CumulativeAverage.append keeps a detached copy (Project-MONAI/tutorials' VISTA-2D notebook): what a
        # library class's append keeps is not a list's business
        """
import torch.nn.functional as F
from monai.metrics import CumulativeAverage


def train(model, loader, optimizer, epochs):
    for epoch in range(epochs):
        running = CumulativeAverage()
        for x, y in loader:
            loss = F.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            running.append(loss, count=len(y))
        print(epoch, running.aggregate())
""",
        # a REINFORCE agent (MythraV/rl_lib): the episode loop steps the environment and the agent's own step, no
        # optimizer; the training loop back-propagates the episode and gives the buffer a fresh value every episode
        """
import torch
from torch.distributions import Categorical


class Reinforce:
    def __init__(self, env, policy):
        self.env = env
        self.policy = policy
        self.optimizer = torch.optim.Adam(policy.parameters(), lr=1e-3)
        self.rewards = []
        self.log_probs = []

    def act(self, state):
        dist = Categorical(self.policy(state))
        action = dist.sample()
        self.log_probs.append(dist.log_prob(action))
        return action.item()

    def step(self, state, reward):
        self.rewards.append(reward)
        return self.act(state)

    def episode(self):
        state, done = self.env.reset(), False
        action = self.act(state)
        while not done:
            state, reward, done, _ = self.env.step(action)
            action = self.step(state, reward)

    def learn(self, episodes):
        for _ in range(episodes):
            self.optimizer.zero_grad()
            self.episode()
            loss = -sum(r * lp for r, lp in zip(self.rewards, self.log_probs))
            loss.backward()
            self.optimizer.step()
            self.rewards = []
            self.log_probs = []
""",
    )
    INVALID = (
        _summed(
            catalog_example("LG006"),
            line=10,
            col=5,
            adds="total_loss += loss",
        ),
        # the discriminators' total started once, before the batch loop: every batch's graphs
        _summed(
            _DISCRIMINATORS.replace("{outer}", "total = 0").replace("{inner}", "pass"),
            line=18,
            col=17,
            adds="total += self.train_d(i, x, y)",
        ),
        # the per-agent losses kept on the learner: they outlive the call, every step's graphs
        _stored(
            _AGENTS_BY_INDEX.replace("{kept}", "self.history"),
            line=19,
            col=13,
            kept="self.history",
        ),
        # a list made at each call around a loop over batches: each iteration is another step of one network
        _stored(
            _AGENTS_BY_INDEX.replace("{kept}", "critic_losses")
            .replace("for agent in range(self.n_agents):", "for agent, batch in enumerate(memory):")
            .replace("self.optimizers[agent]", "self.optimizers[0]"),
            line=19,
            col=13,
            kept="critic_losses",
        ),
        # no_grad does not take the graph off a loss made before it: the list keeps the tensor
        _stored(
            _LOGGED_UNDER_NO_GRAD.replace("{logged}", "loss_list.append(loss)"),
            line=14,
            col=17,
            kept="loss_list",
        ),
        # the dict training_step returns (Lightning back-propagates its "loss"), kept until the epoch ends
        Invalid(
            _LIGHTNING_OUTPUTS.replace("{start}", "[]").replace("{kept}", "log").replace("{hook}", "on_train_epoch_end"),
            line=22,
            col=9,
            message=_keeps("self.training_step_outputs") + " until it is cleared",
        ),
        # a running sum on self, started again at each epoch's end
        Invalid(
            _LIGHTNING_OUTPUTS.replace("{start}", "0.0")
            .replace("log = self.step(x, y)", "log = F.mse_loss(self.net(x), y)")
            .replace("self.training_step_outputs.append({kept})", "self.epoch_loss += log")
            .replace("self.training_step_outputs.clear()", "self.epoch_loss = 0.0")
            .replace("self.training_step_outputs = ", "self.epoch_loss = ")
            .replace("{hook}", "on_train_epoch_end"),
            line=22,
            col=9,
            message="`self.epoch_loss` keeps every step's loss tensor",
        ),
        _summed(
            """
from collections import defaultdict

import torch.nn.functional as F

logs = defaultdict(float)
for x, y in loader:
    terms = {"mse": F.mse_loss(model(x), y), "l1": F.l1_loss(model(x), y)}
    opt.zero_grad()
    sum(terms.values()).backward()
    opt.step()
    for name, value in terms.items():
        logs[name] += value
""",
            line=12,
            col=9,
            adds="logs[name] += value",
        ),
        _summed(
            """
from collections import defaultdict

import torch.nn.functional as F

"""
            + _TRAIN_STEP
            + """

def train_epoch(loader):
    logs = defaultdict(float)
    for x, y in loader:
        terms = train_step(x, y)   # back-propagates: the loop trains through the function it calls
        for name, value in terms.items():
            logs[name] += value
    return logs
""",
            line=19,
            col=13,
            adds="logs[name] += value",
        ),
        _summed(
            """
import torch.nn as nn

criterion = nn.CrossEntropyLoss()

def train_epoch(model, loader, optimizer):
    model.train()
    total_loss = 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        total_loss += loss
    return total_loss / len(loader)
""",
            line=13,
            col=9,
            adds="total_loss += loss",
        ),
        _stored(
            """
import torch.nn.functional as F

history = []
for epoch in range(10):
    for batch in loader:
        out = model(batch["x"])
        loss = F.mse_loss(out, batch["y"])
        opt.zero_grad()
        loss.backward()
        opt.step()
        history.append(loss)
""",
            line=11,
            col=9,
            kept="history",
        ),
        _summed(
            """
import torch.nn as nn

criterion = nn.CrossEntropyLoss()
for epoch in range(10):
    running = 0.0   # reset per epoch: still every batch's graph until the epoch ends
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        running += loss
    scheduler.step()
    print(running / len(loader))
""",
            line=11,
            col=9,
            adds="running += loss",
        ),
        """
import torch

total = 0.0
for inputs in batches:
    optimizer.zero_grad()
    loss = -1 * torch.mean(model(*inputs))
    loss.backward()
    optimizer.step()
    total += loss  # expect: LG006
""",
        """
import torch.nn.functional as F

losses = []
for x, y in loader:
    optimizer.zero_grad()
    losses.append(F.mse_loss(model(x), y))  # expect: LG006
    losses[-1].backward()
    optimizer.step()
""",
        """
from collections import namedtuple

import torch.nn.functional as F

Terms = namedtuple("Terms", "cls reg total")


def step(x, y, boxes):
    parts = [F.cross_entropy(head(x), y), F.l1_loss(box_head(x), boxes)]
    parts = parts + [sum(parts)]
    return Terms(*parts)


running = 0.0
for x, y, boxes in loader:
    optimizer.zero_grad()
    terms = step(x, y, boxes)
    terms.total.backward()
    optimizer.step()
    running += terms.cls  # expect: LG006
""",
        # a hand-written loss term: its own backward() in the loop says it holds a graph, even
        # when it is accumulated before the backward
        """
total_mse = 0.0
for x, y in loader:
    pred = model(x)
    loss = ((pred - y) ** 2).mean()
    total_mse += loss  # expect: LG006
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
""",
        """
import torch

epoch_loss = 0
for x, t in loader:
    log_p = torch.log_softmax(model(x), dim=1)
    loss = custom_loss(log_p, t)
    epoch_loss = epoch_loss + loss  # expect: LG006
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
""",
        """
running_loss = 0.0
for inputs, targets in loader:
    optimizer.zero_grad()
    loss = -(targets * torch.log_softmax(model(inputs), dim=1)).sum(1).mean()
    running_loss += loss * inputs.size(0)  # expect: LG006
    loss.backward()
    optimizer.step()
""",
        # a training helper back-propagates its argument
        """
import torch
from accelerate import Accelerator

accelerator = Accelerator()
model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
loss_sum = torch.tensor(0.0)
for batch in loader:
    outputs = model(**batch)
    loss = outputs.loss
    loss_sum += loss  # expect: LG006
    accelerator.backward(loss)
    optimizer.step()
    optimizer.zero_grad()
""",
        # a sum started from zero and carried through a loop under a condition (VocGAN's adversarial
        # term): a sum on the paths that add to it, the float elsewhere; no automatic fix, since
        # `.detach()` would raise on the float
        Invalid(
            """
import torch
import torch.nn as nn

criterion = nn.MSELoss()
adv_history = []
for step, (mel, audio) in enumerate(loader):
    optim_g.zero_grad()
    fake = generator(mel)
    loss_g = criterion(fake, audio)
    adv_loss = 0.0
    if step > warmup:
        for score in discriminator(fake):
            adv_loss += criterion(score, torch.ones_like(score))
        loss_g += adv_loss
    loss_g.backward()
    optim_g.step()
    adv_history.append(adv_loss)
""",
            line=17,
            col=5,
            message=_keeps("adv_history"),
        ),
        # one mistake, one report: the epoch's sum is reported where the loss is added to it;
        # keeping that sum in a list afterwards is the same mistake, and its fix fixes both
        _EPOCH_SUMS.replace("{kept}", "epoch_loss"),
        # the same with the epoch's mean kept (samuelyu2002/ImVisible@a463a0a2 Model/training.py,
        # `train_losses.append(running_loss/train_total)`, fixed in e536e5e by `running_loss += loss.item()`)
        _EPOCH_SUMS.replace("{kept}", "epoch_loss / len(loader)"),
        # the kept dict holds the back-propagated loss (no automatic fix: it is not a tensor)
        """
outputs = []
for i, batch in enumerate(loader):
    optimizer.zero_grad()
    output = module.training_step(batch, i)
    output["loss"].backward()
    optimizer.step()
    outputs.append(output)  # expect: LG006
""",
        _summed(
            """
import torch.nn as nn

criterion = nn.CrossEntropyLoss()
running_loss = 0.0
for i, (x, y) in enumerate(loader):
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    running_loss += loss
    if i % 2000 == 1999:   # reset only every 2000 steps: 2000 graphs are kept in between
        print(float(running_loss) / 2000)
        running_loss = 0.0
""",
            line=10,
            col=5,
            adds="running_loss += loss",
        ),
        # a meter's running sum (horovod's Metric before 6bac3dde, the AverageMeter of many training
        # scripts) given the loss itself: `self.sum` keeps every step's graph
        Invalid(
            _METER
            + """

def train(model, loader, optimizer):
    losses = AverageMeter()
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        losses.update(loss, x.size(0))
""",
            line=14,
            col=9,
            message=_called("losses.update", 25),
        ),
        # a keeper of running averages (mozilla/TTS's KeepAverage before 8dec2a9): the method that
        # smooths in one branch and averages in the other assigns the slot twice, and neither
        # assignment starts it afresh, since each reads the slot it assigns
        Invalid(
            _KEEPER.replace("{kept}", "loss"),
            line=11,
            col=13,
            message=_called("averages.update", 25),
        ),
        # a helper that returns its sum, to a caller that only prints it: the caller's own names are
        # read (the helper's `val_loss` is not the caller's `val_loss`)
        _summed(
            """
import torch.nn as nn

criterion = nn.CrossEntropyLoss()


def validate(model, loader):
    total = 0
    for x, y in loader:
        val_loss = criterion(model(x), y)
        total += val_loss
    return total


def fit(model, train_loader, val_loader, optimizer):
    for x, y in train_loader:
        loss = criterion(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    val_loss = validate(model, val_loader)
    print(float(val_loss))


fit(model, train_loader, val_loader, optimizer)
""",
            line=10,
            col=9,
            adds="total += val_loss",
        ),
        # a loop over `range(len(xs))` that runs a module-level model on every item: a data source
        _summed(
            """
import torch.nn as nn

net = Net()
criterion = nn.CrossEntropyLoss()


def evaluate(xs, ys):
    total = 0.0
    for i in range(len(xs)):
        total += criterion(net(xs[i]), ys[i])
    return total


print(float(evaluate(xs, ys)))
""",
            line=10,
            col=9,
            adds="total += criterion(net(xs[i]), ys[i])",
        ),
        # the same loop over `zip` of parameters, running a model handed in on each item (a list of
        # mini-batches): every item's graph is kept
        _summed(
            """
import torch.nn.functional as F


def evaluate(model, batches, targets):
    total = 0.0
    for x, y in zip(batches, targets):
        total += F.cross_entropy(model(x), y)
    return total


print(float(evaluate(model, batches, targets)))
""",
            line=7,
            col=9,
            adds="total += F.cross_entropy(model(x), y)",
        ),
        _summed(
            """
import torch.nn.functional as F


def evaluate(model, loader):
    total = 0.0
    for x, y in loader:
        total += F.cross_entropy(model(x), y)
    return len(loader), total / len(loader)


def fit(model, loader, target):
    n, val_loss = evaluate(model, loader)   # no torch.no_grad(), and only logged and compared
    print(f"val loss {float(val_loss):.3f} over {n} batches")
    if val_loss < target:
        print("target reached")


fit(model, loader, 0.1)
""",
            line=7,
            col=9,
            adds="total += F.cross_entropy(model(x), y)",
        ),
        # a loss from a callable parameter: the loop back-propagates the last element of the
        # list, so every element holds a graph (no automatic fix: that backward needs it)
        Invalid(
            """
import torch
from functools import reduce


def optimize(params, loss_function, steps=1000):
    optimizer = torch.optim.Adam(params)
    history = []
    for _ in range(steps):
        optimizer.zero_grad()
        terms = loss_function(*params)
        history.append(reduce(lambda a, b: a + b, terms))   # what the caller's function returns
        history[-1].backward()
        optimizer.step()
    return [h.item() for h in history]
""",
            line=11,
            col=9,
            message=_keeps("history"),
        ),
        # the tracker is an attribute of an object made before the loop
        Invalid(
            _TRACKER
            + """

def train(model, loader, optimizer):
    metrics = Metrics()
    for x, y in loader:
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        metrics.losses.update(loss)
""",
            line=9,
            col=9,
            message="the training loop calls `metrics.losses.update(...)` at line 24 every step",
        ),
        # a validation sum that the caller only logs
        _summed(
            """
import torch.nn.functional as F
from torch.utils.tensorboard import SummaryWriter


def validate(model, loader):
    total = 0.0
    for x, y in loader:
        total += F.mse_loss(model(x), y)
    return total / len(loader)


def fit(model, train_loader, val_loader, epochs):
    writer = SummaryWriter()
    for epoch in range(epochs):
        train_one_epoch(model, train_loader)
        writer.add_scalar("val/loss", validate(model, val_loader), epoch)   # logged only


fit(model, train_loader, val_loader, 10)
""",
            line=8,
            col=9,
            adds="total += F.mse_loss(model(x), y)",
        ),
        _summed(
            """
import torch.nn as nn

mse = nn.MSELoss(reduction="sum")


def train(net, train_loader, val_loader, opt, epochs):
    # realcode_dev3 (FFDNet): the epoch loop resets both sums; its training batch loop
    # back-propagates, the validation batch loop next to it keeps every batch's graph
    for epoch in range(epochs):
        train_losses = 0.0
        for x, y in train_loader:
            loss = mse(net(x), y)
            train_losses += loss.item()
            opt.zero_grad()
            loss.backward()
            opt.step()
        val_losses = 0
        for x, y in val_loader:
            val_loss = mse(net(x), y)
            val_losses += val_loss
        print(train_losses, float(val_losses))


train(net, train_loader, val_loader, opt, 10)
""",
            line=20,
            col=13,
            adds="val_losses += val_loss",
        ),
        # realcode_heldout10 (tier4/Diffusion-Planner before its pull request #372): the dict of loss
        # tensors a helper in another function returns is kept whole, every batch
        Invalid(
            """
import torch.nn.functional as F


def compute_losses(model, x, y):
    out = model(x)
    losses = {}
    losses["mse"] = F.mse_loss(out, y)
    losses["l1"] = F.l1_loss(out, y)
    return losses


def train(model, loader, opt):
    history = []
    for x, y in loader:
        losses = compute_losses(model, x, y)
        losses["loss"] = losses["mse"] + 0.1 * losses["l1"]
        opt.zero_grad()
        losses["loss"].backward()
        opt.step()
        history.append(losses)
    return history
""",
            line=20,
            col=9,
            message="`history` keeps every step's dict of loss tensors and their autograd graphs alive",
        ),
        Invalid(
            """
import torch.nn.functional as F

history = []
for x, y in loader:
    out = model(x)
    loss = F.cross_entropy(out, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    history.append((loss, out.argmax(1)))
""",
            line=10,
            col=5,
            message="`history` keeps every step's tuple of loss tensors and their autograd graphs alive",
        ),
        # `criterion.show_dice(...)` returns `1.0 - self.dice_loss(...)`, a term of the loss its forward
        # computes: it holds the graph of the predictions like the loss does (UDTransNet's `_show_dice`)
        _summed(
            _DICE_BCE.replace("{show}", "1.0 - self.dice_loss(p, t)"),
            line=30,
            col=5,
            adds="dice_sum += criterion.show_dice(pred, y)",
        ),
        # the loop trains through the method it calls: every call keeps one more step's graph on `self`
        Invalid(
            _STEP_METHOD.replace("{backward}", "loss.backward()").replace("{kept}", "loss"),
            line=18,
            col=9,
            message=_keeps("self.losses") + _BATCH_STEP,
        ),
        # the same list grown by a list (nequip's statistics table before 14d53f9c)
        *(
            Invalid(
                _STATS_TABLE.replace("self.statistics = {}", "self.losses = []").replace("{keep}", keep),
                line=18,
                col=9,
                message=_keeps("self.losses") + _BATCH_STEP,
            )
            for keep in ("self.losses += [loss]", "self.losses.extend([loss])", "self.losses = self.losses + [loss]")
        ),
        # a slot of a table on `self`, and the same table through a local alias (read, set by default, or made and stored)
        *(
            Invalid(
                _STATS_TABLE.replace("{keep}", keep),
                line=18 + keep.count("\n"),
                col=9,
                message=_keeps(kept) + _BATCH_STEP,
            )
            for kept, keep in (
                ('self.statistics["loss"]', 'self.statistics["loss"] += [loss]'),
                ('stat["loss"]', 'stat = self.statistics["train"]\n        stat["loss"].append(loss)'),
                ('stat["loss"]', 'stat = self.statistics.setdefault("train", {"loss": []})\n        stat["loss"] += [loss]'),
                (
                    'stat["loss"]',
                    'if "train" not in self.statistics:\n            stat = {"loss": []}\n            self.statistics["train"] = stat\n'
                    '        else:\n            stat = self.statistics["train"]\n        stat["loss"] += [loss]',
                ),
            )
        ),
        # `x = x + loss` into an attribute is an accumulation as `x += loss` is
        Invalid(
            _ATTRIBUTE_SUM.replace("{added}", "loss"),
            line=10,
            col=9,
            message=_keeps("log.total"),
        ),
        # a torch tensor is not a NumPy array: adding a loss into its slot in place records the graph
        Invalid(
            _ENSEMBLE_COSTS.replace("{lib}", "torch").replace("{zeros}", "torch.zeros").replace("{more}", ""),
            line=13,
            col=13,
            message=_keeps("costs[k]"),
            edit=("costs[k] += loss / len(loader)", "costs[k] += (loss / len(loader)).item()"),
            fix_title="Accumulate loss.item()",
        ),
        # a term of a list extended with its own sum (`losses + [sum(losses)]`): the sum holds the
        # graph of the cross-entropy term, and the hand-written term is summed into it, so it holds one too
        _summed(
            _LOSS_LIST.replace("{box}", "box"),
            line=26,
            col=5,
            adds="box_sum += box",
        ),
        # an exponential moving average of the loss tensor is a sum of every step's loss, decayed
        *(
            Invalid(
                _SMOOTHED.replace("{start}", start).replace("{average}", average),
                line=9,
                col=5,
                message=_keeps("smooth"),
            )
            for start, average in _AVERAGES
        ),
        # the optimizer stepped after the loop but never cleared, before it or after the step: the
        # gradients of every step add up, and the loop is not one step's micro-batches
        _summed(
            _MICRO_BATCHES.replace("{start}", "        total_loss = None\n")
            .replace("        self.optimizer.zero_grad()\n        for _ in", "        for _ in")
            .replace("{step}", "        self.scaler.step(self.optimizer)\n        self.scaler.update()\n"),
            line=18,
            col=17,
            adds="total_loss += loss",
        ),
        # the same loop stepping the optimizer on every micro-batch: each iteration is a step
        _summed(
            _MICRO_BATCHES.replace("{start}", "        total_loss = None\n")
            .replace("{step}", "")
            .replace(
                "        self.optimizer.zero_grad()\n        for _ in range(accumulation_steps):\n",
                "        for _ in range(accumulation_steps):\n            self.optimizer.zero_grad()\n",
            )
            .replace("            loss.backward()\n", "            loss.backward()\n            self.optimizer.step()\n"),
            line=20,
            col=17,
            adds="total_loss += loss",
        ),
        # the loss stored into a collector given to a helper the training loop calls
        Invalid(
            _COLLECT.replace("{stored}", "loss"),
            line=9,
            col=9,
            message=_called("evaluate_and_collect", 23),
        ),
        # the loss stored into the collector in the loop itself runs its __setitem__ there
        Invalid(
            _COLLECT.replace("{stored}", "loss.item()")
            + """

def train_inline(model, loader, optimizer):
    stat_col = StatisticsCollector()
    for x, y in loader:
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        stat_col["loss"] = loss
""",
            line=9,
            col=9,
            message='the training loop stores into `stat_col["loss"]` at line 35 every step',
        ),
        # `loss.mul(n)`, `loss.add(c)`, `loss.pow(2)` are the operators: the product still holds the graph
        *(
            _summed(_SCALED_SUM.replace("{scaled}", scaled), line=11, col=9, adds=f"total += {scaled}")
            for scaled in ("loss.mul(x.size(0))", "loss.pow(2)")
        ),
        # the same sum started again only in a logging branch that does not step: it grows over 100 iterations
        _summed(
            _ACCUMULATED.replace("{in_step}", "pass").replace("{in_log}", "print(float(running))\n            running = 0"),
            line=8,
            col=9,
            adds="running += loss",
        ),
        # a loss back-propagated through an AMP scaler on one path, and a term of the back-propagated sum
        *(_summed(_TOTALS.replace("{added}", added), line=17, col=9, adds=added) for added in ("total += step_loss", 'aux_total += out["aux"]')),
        # the loss unpacked from a step helper's result, back-propagated under a NaN guard, summed for the epoch
        _summed(
            _GUARDED_STEP.replace("{bound}", "loss, metrics, _ = step(model, batch)").replace("{after}", ""),
            line=12,
            col=9,
            adds="total += loss",
        ),
        # the loss averaged across processes by horovod's allreduce, an autograd function
        Invalid(
            _ALLREDUCED.replace("{given}", "val.cpu()"),
            line=13,
            col=9,
            message=_called("train_loss.update", 24),
        ),
        # the same decoder loop with the sum started once, before the batch loop: every batch's graph
        _summed(
            """
import torch.nn as nn

criterion = nn.NLLLoss()


def evaluate(encoder, decoder, loader, converter):
    loss = 0.0
    for images, texts in loader:
        target = converter.encode(texts)
        memory = encoder(images)
        step_input = target[0]
        hidden = decoder.init_hidden(images.size(0))
        for t in range(1, target.shape[0]):
            out, hidden = decoder(step_input, hidden, memory)
            loss += criterion(out, target[t])
            step_input = out.argmax(1)
        print(loss.item())


evaluate(enc, dec, val_loader, conv)
""",
            line=15,
            col=13,
            adds="loss += criterion(out, target[t])",
        ),
        # restarted by the epoch loop, over the positions of a tensor the function was given (a whole
        # data set, not a batch the loop binds): every sample's graph until the epoch ends
        _summed(
            """
import torch.nn as nn

criterion = nn.NLLLoss()


def evaluate(model, inputs, targets):
    for epoch in range(3):
        total = 0.0
        for i in range(inputs.shape[0]):
            total += criterion(model(inputs[i]), targets[i])
        print(total.item())


evaluate(net, xs, ys)
""",
            line=10,
            col=13,
            adds="total += criterion(model(inputs[i]), targets[i])",
        ),
    )
