"""LG017 zero-grad-between-backward-and-step: gradients cleared after backward() and before the step() that uses them."""

from __future__ import annotations

import ast
import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lossguard.static.events import BACKWARD_CALLS, CALLEE, ForeignCall, LoopSummary
from lossguard.static.examples import Invalid, catalog_example, catalog_use_instead
from lossguard.static.rule import Report, Rule, place
from lossguard.static.rules._cleared_steps import frozen, other_steps, step_after_clear
from lossguard.static.rules._every_iteration_clears import every_iteration_clears
from lossguard.static.rules._graph_evidence import call_name
from lossguard.static.rules._guarded_clears import guarded_clear
from lossguard.static.rules._indexed_lightning_optimizers import indexed_lightning_optimizer
from lossguard.static.rules._loss_reach import reaches
from lossguard.static.rules._none_receivers import called_on
from lossguard.static.rules._step_orders import call_sites, clamps_gradients, ends_in_backward, following, harmless_method, scheduler_step
from lossguard.static.rules.lg014_missing_zero_grad import GRAD_ATTRS, _clears_grads, _stepped_optimizer, _zero_grad_optimizer
from lossguard.static.scope_nodes import scope_nodes
from lossguard.static.tree_index import loop_with_body
from lossguard.static.values import Optimizer, QualName, Value

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo

# Calls that may sit between the backward() and the clearing call without touching gradients: reading the loss out,
# logging, a running average. Any other call there (a helper, a step hidden in a method) leaves the rule silent.
_BOOKKEEPING = frozenset(
    {
        "item",
        "detach",
        "cpu",
        "numpy",
        "tolist",
        "print",
        "append",
        "extend",
        "add_scalar",
        "add_scalars",
        "log",
        "info",
        "debug",
        "update",
        "set_postfix",
        "set_description",
        "len",
        "float",
        "int",
        "str",
        "round",
        "format",
        "mean",
        "sum",
        "time",
        "perf_counter",
    }
)
# Calls that may sit between the backward() and the step, before or after the clear, and put no gradient back and
# apply none: clipping, a GradScaler's unscaling.
_CLIPPING = frozenset({"clip_grad_norm_", "clip_grad_value_", "clip_grad_norm", "unscale_"})
# the calls that hand a clipping call its parameters
_PARAMETERS = frozenset({"parameters", "named_parameters"})
_CONTROL = (ast.Return, ast.Break, ast.Continue, ast.Raise, ast.Yield, ast.YieldFrom, ast.Await)


@dataclass(frozen=True)
class _Layout:
    """Where each expression statement of a file sits: its list (a body, an ``else``, a handler) and index there, by
    the id of the call it is."""

    where: dict[int, tuple[list[ast.stmt], int]]


def _layout(tree: ast.AST) -> _Layout:
    where: dict[int, tuple[list[ast.stmt], int]] = {}
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            stmts = getattr(node, field, None)
            if isinstance(stmts, list):
                for i, stmt in enumerate(stmts):
                    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
                        where[id(stmt.value)] = (stmts, i)
    return _Layout(where)


# Nerogar/OneTrainer's fine-tuning trainer (before and at ab0c165872): micro-batches accumulated under AMP, the update
# under a test; the clear placed before the backward (`{before}`), after the update (`{after}`), under `{test}`
_ACCUMULATING = """
import torch
from torch import nn
from torch.cuda.amp import GradScaler


class FineTuneTrainer:
    def __init__(self, model, loader, args):
        self.model = model
        self.loader = loader
        self.args = args

    def _is_update_step(self, progress):
        return progress.step % self.args.gradient_accumulation_steps == 0

    def train(self, progress):
        optimizer = torch.optim.AdamW(self.model.parameters(), lr=self.args.lr)
        scaler = GradScaler()
        for epoch in range(self.args.epochs):
            for batch in self.loader:
                with torch.autocast("cuda"):
                    predicted = self.model(batch["x"])
                    loss = nn.functional.mse_loss(predicted.float(), batch["y"].float())
                {before}scaler.scale(loss).backward()
                if {test}:
                    scaler.unscale_(optimizer)
                    nn.utils.clip_grad_norm_(self.model.parameters(), 1)
                    scaler.step(optimizer)
                    scaler.update(){after}
                {last}
"""
_UPDATE_STEP = "self._is_update_step(progress)"

# tientrandinh/Revisiting-Reverse-Distillation's training loop (before and at 94a8df5): a projection and a decoder
# trained together, stepped every `accumulation_steps` batches under `{test}`; the clears placed at the top of the body
# (`{before}`), after the steps (`{after}`), or at its end (`{last}`)
_DISTILLING = """
import torch
from torch import nn


def train(encoder, proj, decoder, loader, args):
    optimizer_proj = torch.optim.Adam(proj.parameters(), lr=args.proj_lr)
    optimizer_distill = torch.optim.Adam(decoder.parameters(), lr=args.distill_lr)
    accumulation_steps = 2
    for epoch in range(args.epochs):
        for i, (img, noisy) in enumerate(loader):
            feats = encoder(img)
            projected = proj(encoder(noisy))
            loss = nn.functional.mse_loss(decoder(projected), feats)
            {before}loss.backward()
            if {test}:
                optimizer_proj.step()
                optimizer_distill.step(){after}
            {last}
"""
_CLEAR_BOTH = "optimizer_proj.zero_grad()\n            optimizer_distill.zero_grad()\n            "
_CLEAR_AFTER = "\n                optimizer_proj.zero_grad()\n                optimizer_distill.zero_grad()"
_EVERY_SECOND = "(i + 1) % accumulation_steps == 0"


@dataclass(frozen=True)
class _Clear:
    node: ast.Call
    text: str  # the optimizer's (or the model's) source text
    model: bool  # ``model.zero_grad()`` rather than an optimizer's


# expected message fragments that several examples share
_NO_GRADIENT = "the step applies no gradient at all"


class ZeroGradBetweenBackwardAndStep(Rule):
    code = "LG017"
    VALID = (
        # Nerogar/OneTrainer at ab0c165872: gradient accumulation, the clear after the step under the step's test
        _ACCUMULATING.replace("{before}", "")
        .replace("{test}", _UPDATE_STEP)
        .replace("{after}", "\n                    optimizer.zero_grad()")
        .replace("{last}", "progress.next_step(self.args.batch_size)"),
        # the clear and the step under one setting that no iteration changes: each step sees its own batch
        _ACCUMULATING.replace("{before}", "if self.args.train:\n                    optimizer.zero_grad()\n                ")
        .replace("{test}", "self.args.train")
        .replace("{after}", "")
        .replace("{last}", "pass"),
        # the clear beside a log line and the step under one setting that no iteration changes
        _ACCUMULATING.replace(
            "{before}", "if self.args.train:\n                    optimizer.zero_grad()\n                    print('cleared')\n                "
        )
        .replace("{test}", "self.args.train")
        .replace("{after}", "")
        .replace("{last}", "progress.next_step(self.args.batch_size)"),
        # the clear and the step under a test that an optimizer was given (pytorch/opacus's tests): the same on every
        # iteration, the shape's own calls on it aside
        _ACCUMULATING.replace("{before}", "if optimizer:\n                    optimizer.zero_grad()\n                ")
        .replace("{test}", "optimizer")
        .replace("{after}", "")
        .replace("{last}", "pass"),
        # the clear at every iteration and the step under the helper test, but the loop never advances the progress the
        # helper's remainder reads: the test does not count iterations
        _ACCUMULATING.replace("{before}", "optimizer.zero_grad()\n                ")
        .replace("{test}", _UPDATE_STEP)
        .replace("{after}", "")
        .replace("{last}", "pass"),
        # tientrandinh/Revisiting-Reverse-Distillation at 94a8df5: the clears after the steps, under their test
        _DISTILLING.replace("{before}", "").replace("{test}", _EVERY_SECOND).replace("{after}", _CLEAR_AFTER).replace("{last}", "pass"),
        # a clear at every iteration and a step skipped when the loss is not finite: the test does not count iterations,
        # each step applies its own batch
        _DISTILLING.replace("{before}", _CLEAR_BOTH).replace("{test}", "torch.isfinite(loss)").replace("{after}", "").replace("{last}", "pass"),
        # a clear at every iteration and a step every k-th, the backward() under the step's test too: nothing discarded
        """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for i, (x, y) in enumerate(loader):
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    if i % 2 == 0:
        loss.backward()
        optimizer.step()
""",
        # the usual order (the catalog's "use instead")
        catalog_use_instead("LG017"),
        # cleared right after the step
        """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
""",
        # gradient accumulation: the step and the clear under the same test, after the backward
        """
import torch

optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
for i, (x, y) in enumerate(loader):
    loss = criterion(model(x), y) / accum_steps
    loss.backward()
    if (i + 1) % accum_steps == 0:
        optimizer.step()
        optimizer.zero_grad()
""",
        # a clear on a branch: which order runs is not told
        """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    if skip_batch:
        optimizer.zero_grad()
    optimizer.step()
""",
        # the clear is another optimizer's: the GAN's generator, before its own backward
        """
import torch

opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
for real in loader:
    opt_d.zero_grad()
    loss_d = d_loss(D(real), D(G(noise()).detach()))
    loss_d.backward()
    opt_g.zero_grad()
    opt_d.step()
    loss_g = g_loss(D(G(noise())))
    loss_g.backward()
    opt_g.step()
""",
        # gradient surgery: each task's gradients are copied out before the clear, and set by hand before the step
        """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y1, y2 in loader:
    out1, out2 = model(x)
    loss1 = criterion(out1, y1)
    loss1.backward(retain_graph=True)
    g1 = [p.grad.clone() for p in model.parameters()]
    optimizer.zero_grad()
    loss2 = criterion(out2, y2)
    loss2.backward()
    project(g1, model)
    optimizer.step()
""",
        # model.zero_grad() of a model the optimizer is not known to hold
        """
def train_step(encoder, head, head_opt, x, y, criterion):
    loss = criterion(head(encoder(x)), y)
    loss.backward()
    encoder.zero_grad()
    head_opt.step()


def fit(encoder, head, head_opt, loader, criterion):
    for x, y in loader:
        train_step(encoder, head, head_opt, x, y, criterion)
""",
        # one optimizer per discriminator: clearing B's before B's backward leaves A's gradients alone
        """
import torch

opt_d_a = torch.optim.Adam(D_A.parameters())
opt_d_b = torch.optim.Adam(D_B.parameters())
for a, b in loader:
    opt_d_a.zero_grad()
    loss_a = mse(D_A(a), ones) + mse(D_A(fake_a.detach()), zeros)
    loss_a.backward()
    opt_d_b.zero_grad()
    loss_b = mse(D_B(b), ones) + mse(D_B(fake_b.detach()), zeros)
    loss_b.backward()
    opt_d_a.step()
    opt_d_b.step()
""",
        # a second loss after the clear, the first one computed from a module the optimizer does not hold
        """
import torch

opt = torch.optim.Adam(policy.parameters())
for batch in loader:
    value_loss = mse(critic(batch.obs), batch.ret)
    value_loss.backward()
    opt.zero_grad()
    policy_loss = -(policy(batch.obs).log_prob(batch.act) * batch.adv).mean()
    policy_loss.backward()
    opt.step()
""",
        # a step given a closure evaluates the loss again and back-propagates it: the step applies the closure's gradients
        """
import torch

optimizer = torch.optim.LBFGS(model.parameters())
for x, y in loader:

    def closure():
        optimizer.zero_grad()
        out = criterion(model(x), y)
        out.backward()
        return out

    loss = criterion(model(x), y)
    loss.backward()
    optimizer.zero_grad()
    optimizer.step(closure)
""",
        # a helper runs between the clear and the step: it may set the gradients again (saved by hooks during backward)
        """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.zero_grad()
    restore_gradients(model, saved)
    optimizer.step()
""",
        # a one-step function that no checked loop calls, in the usual order (round 31)
        """
import torch.nn.functional as F

def train_step(model, x, y, optimizer):
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return loss.item()
""",
        # clipped after the backward, stepped, then cleared for the next batch (round 32, a U-Net trainer's order)
        """
import torch
from torch import nn

optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    optimizer.step()
    optimizer.zero_grad()
""",
        # the discriminator's loss reaches the generator only through `.detach()`: clearing the generator's gradients
        # after it drops nothing its step would apply (read by the loss tracer LG018 shares, session 24; fired before)
        """
import torch

opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
for real in loader:
    opt_d.zero_grad()
    fake = G(noise())
    loss_d = bce(D(real), ones) + bce(D(fake.detach()), zeros)
    loss_d.backward()
    opt_g.zero_grad()
    loss_g = bce(D(fake), ones)
    loss_g.backward()
    opt_g.step()
    opt_d.step()
""",
        # a helper runs between the backward and the clear: it may step
        """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    apply_update(optimizer)
    optimizer.zero_grad()
    optimizer.step()
""",
    )

    INVALID = (
        Invalid(catalog_example("LG017"), line=7, col=5, message=_NO_GRADIENT),
        # clipping between the clear and the step clips zeros
        Invalid(
            """
import torch

optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.zero_grad()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
""",
            line=7,
            col=5,
            message=_NO_GRADIENT,
        ),
        # Lornatang/CycleGAN-PyTorch (train.py at 8c723b3): one optimizer over both discriminators, cleared between
        # discriminator A's backward and discriminator B's; the only step sees B's gradients alone
        Invalid(
            """
import itertools
import torch
import torch.nn as nn

def train(d_a_model, d_b_model, loader, scaler, criterion):
    d_optimizer = torch.optim.Adam(itertools.chain(d_a_model.parameters(), d_b_model.parameters()), lr=2e-4)
    for real_a, real_b, fake_a, fake_b in loader:
        d_optimizer.zero_grad(set_to_none=True)
        with torch.autocast("cuda"):
            real_out_a = d_a_model(real_b)
            fake_out_a = d_a_model(fake_b.detach())
            loss_d_a = (criterion(real_out_a, ones(real_out_a)) + criterion(fake_out_a, zeros(fake_out_a))) / 2
        scaler.scale(loss_d_a).backward()
        d_optimizer.zero_grad(set_to_none=True)
        for p in d_b_model.parameters():
            p.requires_grad = True
        with torch.autocast("cuda"):
            real_out_b = d_b_model(real_a)
            fake_out_b = d_b_model(fake_a.detach())
            loss_d_b = (criterion(real_out_b, ones(real_out_b)) + criterion(fake_out_b, zeros(fake_out_b))) / 2
        scaler.scale(loss_d_b).backward()
        scaler.step(d_optimizer)
        scaler.update()
""",
            line=14,
            col=9,
            message="the step sees only the backward() at line 21",
        ),
        # with a GradScaler, nothing between the clear and the step
        Invalid(
            """
def train(model, loader, optimizer, criterion, scaler):
    for x, y in loader:
        with torch.autocast("cuda"):
            loss = criterion(model(x), y)
        scaler.scale(loss).backward()
        optimizer.zero_grad(set_to_none=True)
        scaler.step(optimizer)
        scaler.update()
""",
            line=6,
            col=9,
            message=_NO_GRADIENT,
        ),
        # clipped between the backward and the clear (round 32, DaoChaShao/py-ml-pt-unet-binary-classification's trainer
        # with the clear moved down): the clear still drops the gradients the step was to apply
        Invalid(
            """
import torch
from torch import nn

class SegTrainer:
    def __init__(self, model, optimiser, criterion):
        self._model = model
        self._optimiser = optimiser
        self._criterion = criterion

    def epoch(self, loader):
        for features, labels in loader:
            loss = self._criterion(self._model(features), labels)
            loss.backward()
            nn.utils.clip_grad_norm_(self._model.parameters(), max_norm=1.0)
            self._optimiser.zero_grad()
            self._optimiser.step()

trainer = SegTrainer(model, torch.optim.AdamW(model.parameters(), lr=1e-3), nn.BCEWithLogitsLoss())
trainer.epoch(loader)
""",
            line=15,
            col=13,
            message=_NO_GRADIENT,
        ),
        # bookkeeping between the backward and the clear; model.zero_grad() of the model the optimizer holds
        Invalid(
            """
import torch

optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
for epoch in range(10):
    for x, y in loader:
        loss = criterion(net(x), y)
        loss.backward()
        running += loss.item()
        net.zero_grad()
        optimizer.step()
""",
            line=9,
            col=9,
            message="`net.zero_grad()` clears the gradients of `loss.backward()` (line 7)",
        ),
        # the first loss handed to `accelerator.backward` is read as `X.backward()`'s (the loss tracer LG018 shares,
        # session 24; silent before: the accelerator itself was traced as the loss)
        Invalid(
            """
import torch

optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
for x, y, x2, y2 in loader:
    loss1 = criterion(model(x), y)
    accelerator.backward(loss1)
    optimizer.zero_grad()
    loss2 = criterion(model(x2), y2)
    accelerator.backward(loss2)
    optimizer.step()
""",
            line=7,
            col=5,
            message="the step sees only the backward() at line 9",
        ),
        # a DQN agent's update method that no checked loop calls (its caller is a framework's or another repository's):
        # read as one step of a loop (round 31)
        Invalid(
            """
import torch
import torch.nn.functional as F

class Agent:
    def __init__(self, net):
        self.q = net
        self.optimizer = torch.optim.Adam(self.q.parameters(), lr=1e-3)

    def learn(self, s, a, target):
        loss = F.mse_loss(self.q(s).gather(1, a), target)
        loss.backward()
        self.optimizer.zero_grad()
        self.optimizer.step()
        return loss.item()
""",
            line=12,
            col=9,
            message=_NO_GRADIENT,
        ),
        # Nerogar/OneTrainer before ab0c165872: the clear under the step's own test, before the backward(), throws away
        # the batches accumulated since the last step (rules/_guarded_clears.py)
        Invalid(
            _ACCUMULATING.replace("{before}", f"if {_UPDATE_STEP}:\n                    optimizer.zero_grad()\n                ")
            .replace("{test}", _UPDATE_STEP)
            .replace("{after}", "")
            .replace("{last}", "progress.next_step(self.args.batch_size)"),
            line=24,
            col=21,
            message="clears at each step the gradients the iterations since the last step accumulated",
        ),
        # the same with a log line beside the clear in its `if` (round 35)
        Invalid(
            _ACCUMULATING.replace(
                "{before}", f"if {_UPDATE_STEP}:\n                    optimizer.zero_grad()\n                    print('cleared')\n                "
            )
            .replace("{test}", _UPDATE_STEP)
            .replace("{after}", "")
            .replace("{last}", "progress.next_step(self.args.batch_size)"),
            line=24,
            col=21,
            message="clears at each step the gradients the iterations since the last step accumulated",
        ),
        # Nerogar/OneTrainer's shape with the clear at every iteration, the step under the helper test
        # `self._is_update_step(progress)`, which returns a remainder of the progress the loop advances (round 36,
        # rules/_helper_tests.py)
        Invalid(
            _ACCUMULATING.replace("{before}", "optimizer.zero_grad()\n                ")
            .replace("{test}", _UPDATE_STEP)
            .replace("{after}", "")
            .replace("{last}", "progress.next_step(self.args.batch_size)"),
            line=23,
            col=17,
            message="only when `self._is_update_step(progress)`",
        ),
        # tientrandinh/Revisiting-Reverse-Distillation before 94a8df5 ("fix clear gradients"): both optimizers cleared
        # at every iteration, stepped every second one: each step applies the last batch's gradients alone
        # (rules/_every_iteration_clears.py)
        Invalid(
            _DISTILLING.replace("{before}", _CLEAR_BOTH).replace("{test}", _EVERY_SECOND).replace("{after}", "").replace("{last}", "pass"),
            line=15,
            col=13,
            message="runs at every iteration, but `optimizer_distill.step()` (line 19) only when `(i + 1) % accumulation_steps == 0`",
        ),
        # the test computed into a name first, the clear at the end of the body, after the stepping `if`
        Invalid(
            _DISTILLING.replace("{before}", "do_step = (i + 1) % accumulation_steps == 0\n            ")
            .replace("{test}", "do_step")
            .replace("{after}", "")
            .replace("{last}", "optimizer_proj.zero_grad()\n            optimizer_distill.zero_grad()"),
            line=19,
            col=13,
            message="only when `do_step`",
        ),
        # jiazhi412/AttGAN-PyTorch's MI variant, shortened: the predictor's gradients come from the generator phase, another
        # method of the class the loop calls; its optimizer is cleared right before its only step (rules/_cleared_steps.py)
        Invalid(
            """
import torch
import torch.nn.functional as F


class Trainer:
    def __init__(self, G, P):
        self.G = G
        self.P = P
        self.optim_G = torch.optim.Adam(self.G.parameters())
        self.optim_P = torch.optim.Adam(self.P.parameters())

    def train(self, loader):
        for i, (x, y) in enumerate(loader):
            if i % 2 == 0:
                self.train_g(x, y)
            else:
                self.train_p()

    def train_g(self, x, y):
        fake = self.G(x)
        g_loss = F.l1_loss(fake, x) + F.binary_cross_entropy_with_logits(self.P(fake), y)
        self.optim_G.zero_grad()
        g_loss.backward()
        self.optim_G.step()

    def train_p(self):
        self.optim_P.zero_grad()
        self.optim_P.step()
""",
            line=27,
            col=9,
            message="its optimizer's only step",
        ),
    )

    def __init__(self, report: Report) -> None:
        super().__init__(report)
        self._seen: set[int] = set()
        self._sites: set[int] = set()  # calls of helpers that end in backward(), read once
        self._layouts: dict[int, _Layout] = {}
        self._foreign = False
        self._cleared: set[int] = set()  # the clears reported

    def on_loop(self, loop: LoopSummary) -> None:
        dead = loop.extra.get("dead", frozenset())
        values: dict[int, tuple[str, Value]] = {}
        files: dict[int, ModuleInfo] = {id(loop.ctx.module): loop.ctx.module}  # the loop's file and those it calls into
        backwards: list[ast.Call] = []
        for name, receiver, node in loop.calls:
            if name == CALLEE or id(node) in dead or not isinstance(node, ast.Call):
                continue
            if isinstance(receiver, ForeignCall):
                # a gradient call made in another file by a function the loop calls (`trainer.train_step(batch)`),
                # read in that file with the method it calls (a clearing call is folded as SET_GRAD in the entry)
                files.setdefault(id(receiver.module), receiver.module)
                name, receiver = receiver.name or name, receiver.receiver
            values[id(node)] = (name, called_on(receiver) if isinstance(receiver, Value) else receiver)  # `optimizer=None`
            if name in BACKWARD_CALLS and not (isinstance(receiver, QualName) and receiver.name == "torch.distributed.autograd"):
                backwards.append(node)
        for backward in backwards:
            if id(backward) in self._seen:
                continue
            self._seen.add(id(backward))
            for module in files.values():
                layout = self._layout(module)
                if id(backward) in layout.where:
                    break
            else:
                continue  # an expression inside a statement, not one of its own
            # the interpreter's reading of the optimizer's parameters is written in the file that built it: compared
            # with another file's text only through that file's own assignments
            self._foreign = module is not loop.ctx.module
            found = (
                self._dropped(backward, module, layout, values)
                or self._accumulation_undone(backward, module, layout, values)
                or self._accumulation_discarded(backward, module, layout, values)
            )
            if found is not None:
                clear, step, message = found
                self._cleared.add(id(clear.node))
                ctx = loop.ctx if module is loop.ctx.module else dataclasses.replace(loop.ctx, module=module)
                self.report(clear.node, ctx, message)
        for name, _, node in loop.calls:
            # a helper that ends in backward(), called by this loop: read at each call (rules/_step_orders.py)
            if name == CALLEE and ends_in_backward(node):
                helped = self._after_helper(node, values, loop)
                if helped is not None:
                    self._cleared.add(id(helped[0].node))
                    self.report(helped[0].node, loop.ctx, helped[2])
        self._only_step_cleared(loop, files, values, backwards)

    def _only_step_cleared(
        self, loop: LoopSummary, files: dict[int, ModuleInfo], values: dict[int, tuple[str, Value]], backwards: list[ast.Call]
    ) -> None:
        """A clear of the loop's code right before the only step of its optimizer (rules/_cleared_steps.py), reported
        with a ``backward()`` of the loop whose loss is computed through one of the optimizer's networks."""
        for node_id, (name, _receiver) in values.items():
            if name != "zero_grad" or node_id in self._cleared:
                continue
            for module in files.values():
                layout = self._layout(module)
                if node_id in layout.where:
                    break
            else:
                continue
            stmts, index = layout.where[node_id]
            top = stmts[index]
            assert isinstance(top, ast.Expr) and isinstance(top.value, ast.Call)
            step = step_after_clear(stmts, index, _BOOKKEEPING | _CLIPPING, GRAD_ATTRS)
            if step is None or id(step) not in values:
                continue
            self._foreign = module is not loop.ctx.module
            clear = self._clear(top.value, module, values)
            stepped = _stepped_optimizer(*values[id(step)], step, module)
            if clear is None or not stepped or not self._same(clear, stepped, step, module, values):
                continue
            owners = _owners(stepped, step, module, values, not self._foreign)
            if clear.model:
                owners = _covered(clear.text, owners)
            if not owners or other_steps(stepped, step, module) or frozen(owners, module, values[id(step)][1]):
                continue
            source = next((b for b in backwards if self._in(b, module) and reaches(b, owners, module) is not None), None)
            if source is None:
                continue
            self._cleared.add(node_id)
            network = reaches(source, owners, module)
            lines = {n: place(module, n.lineno) for n in (source, step)}
            message = (
                f"`{module.segment(top.value)}` clears the gradients right before `{module.segment(step)}` ({lines[step]}), "
                f"its optimizer's only step: what `{module.segment(source)}` ({lines[source]}) leaves on `{network}` is "
                f"never applied ({_NO_GRADIENT}); clear before the forward pass (or after the step)"
            )
            ctx = loop.ctx if module is loop.ctx.module else dataclasses.replace(loop.ctx, module=module)
            self.report(top.value, ctx, message)

    def _in(self, node: ast.Call, module: ModuleInfo) -> bool:
        return id(node) in self._layout(module).where

    def _layout(self, module: ModuleInfo) -> _Layout:
        layout = self._layouts.get(id(module.module))
        if layout is None:
            layout = self._layouts[id(module.module)] = _layout(module.module)
        return layout

    def _after_helper(self, fn: ast.AST, values: dict[int, tuple[str, Value]], loop: LoopSummary) -> tuple[_Clear, ast.Call, str] | None:
        """The clear and the step after a call of ``fn`` (a function that ends in backward(), rules/_step_orders.py) in
        the loop's own file, read as after a backward() there; None otherwise."""
        home = loop.ctx.module
        foreign, self._foreign = self._foreign, False
        try:
            for site, at, call in call_sites(loop.node, getattr(fn, "name", "")):
                if id(call) in self._sites:
                    continue
                self._sites.add(id(call))
                found = self._dropped(call, home, self._layout(home), values, at=(site, at))
                if found is not None:
                    return found
        finally:
            self._foreign = foreign
        return None

    def _dropped(
        self,
        backward: ast.Call,
        module: ModuleInfo,
        layout: _Layout,
        values: dict[int, tuple[str, Value]],
        at: tuple[list[ast.stmt], int] | None = None,
    ) -> tuple[_Clear, ast.Call, str] | None:
        """The clearing call and the step() of one statement list that follow ``backward`` (an expression statement of its
        own) in the order backward, clear, step, with the message; None when anything between may step, clear, read or
        set a gradient, or leave the list, or when the clear's and the step's optimizer are not known to be the same.
        ``at``: the place of a call that back-propagates (a helper ending in backward()), read as ``backward``'s."""
        if at is None and id(backward) not in layout.where:
            return None  # not a statement of its own (or in another file)
        stmts, index = at if at is not None else layout.where[id(backward)]
        clear: _Clear | None = None
        later: list[ast.Call] = []  # backward() calls between the clear and the step
        helpers = False  # a call between the clear and the step that may back-propagate or set gradients out of sight
        for stmt in following(stmts[index + 1 :]):
            if clamps_gradients(stmt):
                continue  # `for p in net.parameters(): p.grad.data.clamp_(-1, 1)`: clipping (rules/_step_orders.py)
            nodes = [stmt, *scope_nodes(stmt)]
            if any(isinstance(n, _CONTROL) for n in nodes) or any(isinstance(n, ast.Attribute) and n.attr in GRAD_ATTRS for n in nodes):
                return None
            calls = [n for n in nodes if isinstance(n, ast.Call)]
            if any(call_name(c) == "grad" for c in calls):
                return None  # torch.autograd.grad: gradients taken by hand
            top = stmt.value if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) else None
            # `scheduler.step()`: a learning rate changed, no gradient touched (rules/_step_orders.py)
            calls = [c for c in calls if not scheduler_step(c, values.get(id(c), ("", None))[1])]
            if top is not None and top not in calls:
                continue
            if top is not None and call_name(top) in _CLIPPING:
                # clip_grad_norm_(model.parameters(), 1.0), scaler.unscale_(opt): no gradient put back or applied; before
                # the clear, the clear still drops what the step would apply
                continue
            if clear is None:
                if top is not None and call_name(top) == "zero_grad":
                    clear = self._clear(top, module, values)
                    if clear is None:
                        return None
                    continue
                if any(call_name(c) not in _BOOKKEEPING for c in calls):
                    return None  # a step, a clear or a helper before any clear of the list: not this shape
                continue
            if top is not None and call_name(top) in ("step", "apply") and id(top) in values:
                name, receiver = values[id(top)]
                stepped = _stepped_optimizer(name, receiver, top, module)
                if not stepped or not self._same(clear, stepped, top, module, values):
                    return None
                if helpers and not later:
                    return None  # the step may apply gradients that call made: silent without a backward() in sight
                return self._finding(backward, clear, top, later, module, values)
            if any(call_name(c) in ("step", "apply") or _clears_grads(call_name(c)) for c in calls):
                return None  # a step or clear under a branch, or of another optimizer
            found = [c for c in calls if call_name(c) in BACKWARD_CALLS]
            later += found
            # clipping under a test (`if self.max_norm is not None: clip_grad_norm_(self.parameters(), ...)`) and a method
            # of the class that only reads the gradients (rules/_step_orders.py) put none back
            if not found and any(call_name(c) not in _BOOKKEEPING | _CLIPPING | _PARAMETERS and not harmless_method(c, module.module) for c in calls):
                helpers = True
        return None

    def _accumulation_undone(
        self,
        backward: ast.Call,
        module: ModuleInfo,
        layout: _Layout,
        values: dict[int, tuple[str, Value]],
    ) -> tuple[_Clear, ast.Call, str] | None:
        """A clear under the step's own test before ``backward`` (rules/_guarded_clears.py), of the optimizer the step
        applies, with the message; None otherwise."""
        if id(backward) not in layout.where:
            return None
        stmts, index = layout.where[id(backward)]
        loop = _loop_of(stmts, module.module)
        shape = guarded_clear(stmts, index, loop) if loop is not None else None
        if shape is None or id(shape.step) not in values:
            return None
        clear = self._clear(shape.clear, module, values)
        stepped = _stepped_optimizer(*values[id(shape.step)], shape.step, module)
        if clear is None or not stepped or not self._same(clear, stepped, shape.step, module, values):
            return None
        lines = {n: place(module, n.lineno) for n in (backward, shape.step)}
        message = (
            f"`{module.segment(shape.clear)}`, under the same test as `{module.segment(shape.step)}` ({lines[shape.step]}) and "
            f"before `{module.segment(backward)}` ({lines[backward]}), clears at each step the gradients the iterations since "
            "the last step accumulated: the step applies the last batch's alone; clear after the step"
        )
        return clear, shape.step, message

    def _accumulation_discarded(
        self,
        backward: ast.Call,
        module: ModuleInfo,
        layout: _Layout,
        values: dict[int, tuple[str, Value]],
    ) -> tuple[_Clear, ast.Call, str] | None:
        """A clear at every iteration of a loop that steps only every k-th (rules/_every_iteration_clears.py), of an
        optimizer the step applies, with the message; None otherwise."""
        if id(backward) not in layout.where:
            return None
        stmts, index = layout.where[id(backward)]
        loop = _loop_of(stmts, module.module)
        for shape in every_iteration_clears(stmts, index, loop, module.module) if loop is not None else []:
            clear = self._clear(shape.clear, module, values)
            if clear is None:
                continue
            for step in shape.steps:
                stepped = _stepped_optimizer(*values[id(step)], step, module) if id(step) in values else None
                if not stepped or not self._same(clear, stepped, step, module, values):
                    continue
                lines = {n: place(module, n.lineno) for n in (backward, step)}
                message = (
                    f"`{module.segment(shape.clear)}` runs at every iteration, but `{module.segment(step)}` ({lines[step]}) "
                    f"only when `{module.segment(shape.test)}`: the gradients of `{module.segment(backward)}` "
                    f"({lines[backward]}) in the iterations that do not step are cleared before any step applies them, so "
                    "each step applies the last batch's alone; clear after the step, under its test"
                )
                return clear, step, message
        return None

    @staticmethod
    def _clear(call: ast.Call, module: ModuleInfo, values: dict[int, tuple[str, Value]]) -> _Clear | None:
        """``opt.zero_grad()`` (an optimizer's, told by lossguard.static.rules.lg014_missing_zero_grad's reading) or
        ``model.zero_grad()``; None for anything else (``self.optimizers().zero_grad()``, a call not analysed)."""
        if id(call) not in values or not isinstance(call.func, ast.Attribute):
            return None
        name, receiver = values[id(call)]
        text = module.segment(call.func.value)
        if text and indexed_lightning_optimizer(call.func.value, module):
            return _Clear(call, text, False)  # self.optimizers()[GEN_OPT]: the step of the same text steps it
        if not text or "optimizers(" in text:
            return None
        optimizer = _zero_grad_optimizer(name, receiver, call, module)
        return _Clear(call, optimizer, False) if optimizer is not None else _Clear(call, text, True)

    def _same(self, clear: _Clear, stepped: str, step: ast.Call, module: ModuleInfo, values: dict[int, tuple[str, Value]]) -> bool:
        """Whether the clear drops gradients the step would apply: the same optimizer text, or a model whose parameters
        the stepped optimizer is known to hold (built over ``model.parameters()`` or a part of it)."""
        if not clear.model:
            return clear.text == stepped
        return bool(_covered(clear.text, _owners(stepped, step, module, values, not self._foreign)))

    def _finding(
        self,
        backward: ast.Call,
        clear: _Clear,
        step: ast.Call,
        later: list[ast.Call],
        module: ModuleInfo,
        values: dict[int, tuple[str, Value]],
    ) -> tuple[_Clear, ast.Call, str] | None:
        stepped = _stepped_optimizer(*values[id(step)], step, module) or ""
        if later:
            # another backward() refills the gradients before the step: only the first loss is lost, which matters only
            # where it reaches the optimizer's parameters
            owners = _owners(stepped, step, module, values, not self._foreign)
            if clear.model:
                owners = _covered(clear.text, owners)
            if reaches(backward, owners, module) is None:
                return None
        lines = {n: place(module, n.lineno) for n in (backward, step, *later)}
        what = f"`{module.segment(clear.node)}`"
        head = f"{what} clears the gradients of `{module.segment(backward)}` ({lines[backward]}) before `{module.segment(step)}` ({lines[step]}) applies them: "
        if later:
            tail = f"the step sees only the backward() at {lines[later[0]]}, and that first loss never trains its parameters"
        else:
            tail = "the step applies no gradient at all"
        return clear, step, head + tail + "; clear before the forward pass (or after the step)"


def _loop_of(stmts: list[ast.stmt], tree: ast.AST) -> ast.AST | None:
    """The ``for`` or ``while`` loop whose body is ``stmts``."""
    return loop_with_body(tree, stmts)


def _covered(model: str, owners: tuple[str, ...]) -> tuple[str, ...]:
    """The owners among ``owners`` whose parameters ``model.zero_grad()`` clears: ``model`` itself or a part of it."""
    return tuple(o for o in owners if o == model or o.startswith(model + "."))


def _owners(stepped: str, step: ast.Call, module: ModuleInfo, values: dict[int, tuple[str, Value]], read_value: bool = True) -> tuple[str, ...]:
    """The source texts of the modules whose parameters the optimizer written ``stepped`` holds: what the interpreter
    knows of it at the step (``opt.step()``), else the file's assignments to that text, when every one builds it over
    ``X.parameters()`` calls (``self.opt = Adam(chain(self.G.parameters(), self.D.parameters()))``); () when unknown.
    ``read_value`` False (a step in another file than the loop's, whose optimizer may have been built in the loop's):
    the file's assignments only. Not LG018's ``param_owners``: LG018 needs the modules an optimizer holds whole (a
    filtered ``[p for p in net.parameters() if ...]`` is unknown there), this rule the modules its parameters are drawn
    from (``net.zero_grad()`` clears any subset of ``net``'s)."""
    _, receiver = values.get(id(step), ("", None))
    if read_value and isinstance(receiver, Optimizer) and receiver.params:
        return receiver.params
    owners: list[str] = []
    assigned = False
    for node in ast.walk(module.module):
        if not isinstance(node, ast.Assign) or not any(module.segment(t) == stepped for t in node.targets):
            continue
        assigned = True
        found = [
            module.segment(c.func.value)
            for c in ast.walk(node.value)
            if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute) and c.func.attr == "parameters" and not c.args
        ]
        if not isinstance(node.value, ast.Call) or not found:
            return ()
        owners += found
    return tuple(owners) if assigned else ()
