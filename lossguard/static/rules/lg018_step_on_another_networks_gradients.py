"""LG018 step-on-another-networks-gradients: an optimizer steps on gradients another network's loss left on its
parameters earlier in the same iteration."""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lossguard.static.events import BACKWARD_CALLS, CALLEE, SET_GRAD, ForeignCall, LoopSummary
from lossguard.static.examples import Invalid, catalog_example, catalog_use_instead
from lossguard.static.rule import Rule, place
from lossguard.static.rules._forward_paths import PartUse, declared_class, instance_class, part_use
from lossguard.static.rules._graph_evidence import call_name
from lossguard.static.rules._iteration_events import Placed, compatible, iteration_nodes
from lossguard.static.rules._loss_reach import (
    apart,
    enclosing_function,
    flipped_targets,
    judged_detached,
    loss_calls,
    overlaps,
    param_holdings,
    param_owners,
    part_of,
    reaches,
    shared_outputs,
)
from lossguard.static.rules._next_iteration import cleared_only_with_step, first_copy, recurring, two_iterations
from lossguard.static.rules._sibling_resets import class_of
from lossguard.static.rules.lg014_missing_zero_grad import GRAD_ATTRS, _clears_grads, _stepped_optimizer, _zero_grad_optimizer
from lossguard.static.values import Instance, Value

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo

#: text in the iteration that may switch a network's gradients off or on around a loss (``requires_grad_(False)``,
#: ``set_requires_grad(net, False)``, ``p.requires_grad = False``, Lightning's ``toggle_optimizer``, ``freeze(D)``)
_FREEZING = re.compile(r"requires_grad|toggle_optimizer|freeze|(turn|set|enable|disable|switch)_?(on|off)?_?grads?\b|grads?_?(on|off)\b")


# thunlp/FewRel's adversarial training loop (fewshot_re_kit/framework.py) up to the discriminator's clear after its
# step: its INVALID examples differ only in what follows (the fix's lines, round 36)
_FEWREL_TRAIN = """
import torch
import torch.nn.functional as F

def train(model, disc, loader, adv_loader, lr, adv_lr):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    optimizer_encoder = torch.optim.SGD(model.parameters(), lr=adv_lr)
    optimizer_dis = torch.optim.SGD(disc.parameters(), lr=adv_lr)
    for support, query, label in loader:
        logits = model(support, query)
        loss = F.cross_entropy(logits, label)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        support_adv, query_adv = next(adv_loader)
        features = torch.cat([model.sentence_encoder(support), model.sentence_encoder(query),
                              model.sentence_encoder(support_adv), model.sentence_encoder(query_adv)], 0)
        dis_labels = domain_labels(features)
        dis_logits = disc(features)
        loss_dis = F.cross_entropy(dis_logits, dis_labels)
        loss_dis.backward(retain_graph=True)
        optimizer_dis.step()
        optimizer_dis.zero_grad()
"""


@dataclass(frozen=True)
class _Event:
    kind: str  # "backward", "step", "clear"
    placed: Placed
    optimizer: str = ""  # the stepped or cleared optimizer's text ("" for a model's zero_grad or an unknown clear)
    owners: tuple[str, ...] = ()  # the modules whose gradients it steps or clears; () when not known
    excluded: tuple[str, ...] = ()  # modules inside those whose parameters it leaves out (a set difference)


# lucidrains' VQ-GAN autoencoder with its discriminator (nuwa-pytorch names it VQGanVAE, muse-maskgit-pytorch VQGAN)
_VQGAN_MODULE = """
import torch
from torch import nn


class {vae}(nn.Module):
    def __init__(self, enc_dec, discr):
        super().__init__()
        self.enc_dec = enc_dec
        self.discr = discr

    def forward(self, img, return_loss=False, return_discr_loss=False):
        fmap = self.enc_dec(img)
        if return_discr_loss:
            fmap.detach_()
            fmap_logits, img_logits = map(self.discr, (fmap, img))
            return hinge_discr_loss(fmap_logits, img_logits)
        return (fmap - img).abs().mean() + hinge_gen_loss(self.discr(fmap))
"""

# lucidrains/nuwa-pytorch's VQGAN trainer (before and at a3e3a6dbb7): its wrapper's class asserted in `__init__`, the
# discriminator's optimizer cleared before its own loss (`{before}`) or only after its step (`{after}`)
_NUWA_TRAINER = (
    _VQGAN_MODULE.replace("{vae}", "VQGanVAE")
    + """

class Trainer(nn.Module):
    def __init__(self, vae, *, lr, grad_accum_every=1):
        super().__init__()
        assert isinstance(vae, VQGanVAE), "vae must be instance of VQGanVAE"
        self.vae = vae
        self.grad_accum_every = grad_accum_every
        discr_parameters = set(vae.discr.parameters())
        self.optim = torch.optim.Adam(set(vae.parameters()) - discr_parameters, lr=lr)
        self.discr_optim = torch.optim.Adam(discr_parameters, lr=lr)

    def train_step(self, dl):
        for _ in range(self.grad_accum_every):
            loss = self.vae(next(dl), return_loss=True)
            (loss / self.grad_accum_every).backward()
        self.optim.step()
        self.optim.zero_grad(){before}
        for _ in range(self.grad_accum_every):
            loss = self.vae(next(dl), return_discr_loss=True)
            (loss / self.grad_accum_every).backward()
        self.discr_optim.step(){after}
"""
)
_DISCR_CLEAR = "\n        self.discr_optim.zero_grad()"

#: lucidrains/muse-maskgit-pytorch before f7ea957000: its trainer, which clears each optimizer after its step
_MUSE_TRAINER = """

class Trainer:
    def __init__(self, vae: VQGAN, lr=3e-4):
        self.vae = vae
        discr_parameters = set(vae.discr.parameters())
        self.optim = torch.optim.Adam(set(vae.parameters()) - discr_parameters, lr=lr)
        self.discr_optim = torch.optim.Adam(discr_parameters, lr=lr)

    def train_step(self, img):
        loss = self.vae(img, return_loss=True)
        loss.backward()
        self.optim.step()
        self.optim.zero_grad()
        discr_loss = self.vae(img, return_discr_loss=True)
        discr_loss.backward()
        self.discr_optim.step()
        self.discr_optim.zero_grad()
"""

#: the same repository's wrapper and trainer (an INVALID example, and the source of two look-alikes)
_MUSE_MASKGIT = _VQGAN_MODULE.replace("{vae}", "VQGAN") + _MUSE_TRAINER


#: a GAN loop that clears each optimizer right after its own step, the discriminator first (round 36, the shape of
#: VITA-Group/TransGAN's train() at 6b85440c): `{d_test}` and `{g_test}` are the tests around the two updates
_CLEARED_AFTER_STEP = """
import torch
import torch.nn as nn


def train(G, D, loader, epochs, every, n_critic):
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
    step = 0
    for epoch in range(epochs):
        for i, real in enumerate(loader):
            fake = G(torch.randn(real.shape[0], 64)).detach()
            d_loss = torch.relu(1.0 - D(real)).mean() + torch.relu(1.0 + D(fake)).mean()
            (d_loss / every).backward()
            if {d_test}:
                opt_d.step()
                opt_d.zero_grad()
            if {g_test}:
                g_loss = -D(G(torch.randn(real.shape[0], 64))).mean()
                g_loss.backward()
                opt_g.step()
                opt_g.zero_grad()
            step += 1
"""


class StepOnAnotherNetworksGradients(Rule):
    code = "LG018"
    VALID = (
        # each optimizer cleared right before its own loss is back-propagated
        catalog_use_instead("LG018"),
        # DCGAN (pytorch/examples): two losses of the discriminator accumulated on purpose, the generator's network
        # cleared before its loss; the generator's loss reaches the discriminator, cleared before its next backward
        """
import torch

optimizerD = torch.optim.Adam(netD.parameters(), lr=2e-4)
optimizerG = torch.optim.Adam(netG.parameters(), lr=2e-4)
for real, noise in loader:
    netD.zero_grad()
    errD_real = criterion(netD(real), real_label)
    errD_real.backward()
    fake = netG(noise)
    errD_fake = criterion(netD(fake.detach()), fake_label)
    errD_fake.backward()
    optimizerD.step()
    netG.zero_grad()
    errG = criterion(netD(fake), real_label)
    errG.backward()
    optimizerG.step()
""",
        # the discriminator frozen while the generator's loss is computed (CycleGAN's set_requires_grad)
        """
import torch

opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
for real, z in loader:
    fake = G(z)
    set_requires_grad(D, False)
    g_loss = bce(D(fake), ones)
    g_loss.backward()
    opt_g.step()
    opt_g.zero_grad()
    set_requires_grad(D, True)
    d_loss = bce(D(real), ones) + bce(D(fake.detach()), zeros)
    d_loss.backward()
    opt_d.step()
    opt_d.zero_grad()
""",
        # one optimizer over both networks: a single step of the summed loss, nothing of another network's
        """
import itertools
import torch

opt = torch.optim.Adam(itertools.chain(encoder.parameters(), decoder.parameters()), lr=1e-3)
for x in loader:
    z = encoder(x)
    rec = mse(decoder(z), x)
    rec.backward()
    opt.step()
    opt.zero_grad()
""",
        # the fake scored under no_grad for the critic's loss; the generator's loss does not reach the critic's
        # optimizer before a clear
        """
import torch

opt_g = torch.optim.RMSprop(G.parameters(), lr=5e-5)
opt_c = torch.optim.RMSprop(C.parameters(), lr=5e-5)
for real, z in loader:
    with torch.no_grad():
        fake = G(z)
    c_loss = C(fake).mean() - C(real).mean()
    c_loss.backward()
    opt_c.step()
    opt_c.zero_grad()
    g_loss = -C(G(z)).mean()
    g_loss.backward()
    opt_g.step()
    opt_g.zero_grad()
    opt_c.zero_grad()
""",
        # the discriminator's update on one branch and the generator's on the other: never in one iteration
        """
import torch

opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
for i, (real, z) in enumerate(loader):
    if i % 2 == 0:
        g_loss = bce(D(G(z)), ones)
        g_loss.backward()
        opt_g.step()
        opt_g.zero_grad()
    else:
        d_loss = bce(D(real), ones) + bce(D(G(z).detach()), zeros)
        d_loss.backward()
        opt_d.step()
        opt_d.zero_grad()
""",
        # BicycleGAN (eriklindernoren/PyTorch-GAN): one loss for the encoder and the generator together, stepped by the
        # encoder's optimizer first; the generator's optimizer then steps on it and a latent loss of its own, on purpose
        """
import torch

optimizer_E = torch.optim.Adam(encoder.parameters(), lr=2e-4)
optimizer_G = torch.optim.Adam(generator.parameters(), lr=2e-4)
for real_a, real_b in loader:
    optimizer_E.zero_grad()
    optimizer_G.zero_grad()
    mu, logvar = encoder(real_b)
    fake_b = generator(real_a, sample(mu, logvar))
    loss_ge = l1(fake_b, real_b) + kl(mu, logvar) + d_vae.compute_loss(fake_b, valid)
    loss_ge.backward(retain_graph=True)
    optimizer_E.step()
    z = torch.randn(real_a.size(0), 8)
    _mu, _ = encoder(generator(real_a, z))
    loss_latent = l1(_mu, z)
    loss_latent.backward()
    optimizer_G.step()
""",
        # a wrapper's forward whose adversarial term is under a setting the call's flags do not decide: not read
        """
import torch
from torch import nn


class VQGAN(nn.Module):
    def __init__(self, enc_dec, discr, use_gan):
        super().__init__()
        self.enc_dec = enc_dec
        self.discr = discr
        self.use_gan = use_gan

    def forward(self, img, return_loss=False, return_discr_loss=False):
        recon = self.enc_dec(img)
        if return_discr_loss:
            recon.detach_()
            return hinge_discr_loss(self.discr(recon), self.discr(img))
        loss = (recon - img).abs().mean()
        if self.use_gan:
            loss = loss + hinge_gen_loss(self.discr(recon))
        return loss
"""
        + _MUSE_TRAINER,
        # lucidrains/nuwa-pytorch at a3e3a6dbb7: the wrapper's class asserted instead of annotated, the discriminator's
        # optimizer cleared before its own loss
        _NUWA_TRAINER.replace("{before}", _DISCR_CLEAR).replace("{after}", ""),
        # the generator's loss read through a wrapper of unknown class that holds the discriminator: not read
        """
import torch

opt = torch.optim.Adam(vae_params, lr=3e-4)
discr_opt = torch.optim.Adam(vae.discr.parameters(), lr=3e-4)
for img in loader:
    loss = vae(img, return_loss=True)
    loss.backward()
    opt.step()
    opt.zero_grad()
    discr_loss = vae(img, return_discr_loss=True)
    discr_loss.backward()
    discr_opt.step()
    discr_opt.zero_grad()
""",
        # the same wrapper whose discriminator's path judges `fmap` undetached: no evidence that the first loss is the
        # discriminator's adversary's
        _MUSE_MASKGIT.replace("            fmap.detach_()\n", ""),
        # training in phases: once the generator trains, the discriminator never steps again (tests that are not
        # counters may stop one update for good)
        _CLEARED_AFTER_STEP.replace("{d_test}", "epoch < 10").replace("{g_test}", "epoch >= 10"),
        # TransGAN's shape with thunlp/FewRel's fix (14a6b9465e): the discriminator also cleared right after the
        # generator's step, before anything of the next iteration
        _CLEARED_AFTER_STEP.replace("{d_test}", "(i + 1) % every == 0")
        .replace("{g_test}", "step % (n_critic * every) == 0")
        .replace("                opt_g.step()\n", "                opt_g.step()\n                opt_d.zero_grad()\n"),
        # the generator's loss does not go through the discriminator (a reconstruction loss alone)
        _CLEARED_AFTER_STEP.replace("{d_test}", "(i + 1) % every == 0")
        .replace("{g_test}", "step % (n_critic * every) == 0")
        .replace("g_loss = -D(G(torch.randn(real.shape[0], 64))).mean()", "g_loss = (G(torch.randn(real.shape[0], 64)) - real).abs().mean()"),
    )

    INVALID = (
        Invalid(catalog_example("LG018"), line=13, col=5, message="`opt_d.step()`"),
        # the discriminator trains first on detached fakes, its optimizer cleared right after its step; the
        # generator's loss then fills its gradients, which the next iteration's step applies (a VALID example until
        # round 36, when the reading across iterations was written)
        Invalid(
            """
import torch

opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
for real, z in loader:
    fake = G(z)
    d_loss = bce(D(real), ones) + bce(D(fake.detach()), zeros)
    d_loss.backward()
    opt_d.step()
    opt_d.zero_grad()
    opt_g.zero_grad()
    g_loss = bce(D(fake), ones)
    g_loss.backward()
    opt_g.step()
""",
            line=9,
            col=5,
            message="in the next iteration",
        ),
        # VITA-Group/TransGAN at 6b85440c: the discriminator stepped every `every` batches, the generator every
        # `n_critic * every` (two counter tests, each true again and again)
        Invalid(
            _CLEARED_AFTER_STEP.replace("{d_test}", "(i + 1) % every == 0").replace("{g_test}", "step % (n_critic * every) == 0"),
            line=15,
            col=17,
            message="in the next iteration",
        ),
        # thunlp/FewRel before 14a6b9465e (fewshot_re_kit/framework.py): the discriminator's loss reaches the
        # sentence encoder, whose optimizer is cleared only after its own step (the discriminator's clear after the
        # encoder's step, which the fix also added, written here so that the example holds one finding)
        Invalid(
            _FEWREL_TRAIN
            + """        loss_encoder = F.cross_entropy(dis_logits, 1 - dis_labels)
        loss_encoder.backward(retain_graph=True)
        optimizer_encoder.step()
        optimizer_encoder.zero_grad()
        optimizer_dis.zero_grad()
""",
            line=25,
            col=9,
            message="`loss_dis.backward(retain_graph=True)` (line 20)",
        ),
        # the same with only the fix's first line (`optimizer_encoder.zero_grad()` after the discriminator's step): the
        # encoder's flipped-label loss still fills the discriminator's gradients after its clear, and the next
        # iteration's discriminator step applies them; the fix's second line (`optimizer_dis.zero_grad()` after the
        # encoder's step) clears them (round 36)
        Invalid(
            _FEWREL_TRAIN
            + """        optimizer_encoder.zero_grad()
        loss_encoder = F.cross_entropy(dis_logits, 1 - dis_labels)
        loss_encoder.backward(retain_graph=True)
        optimizer_encoder.step()
        optimizer_encoder.zero_grad()
""",
            line=21,
            col=9,
            message="`optimizer_dis.step()` (line 21) also applies, in the next iteration, the gradients `loss_encoder.backward(retain_graph=True)`",
        ),
        # a VQGAN step function with gradient accumulation: the generator's loss goes through the discriminator,
        # whose optimizer is cleared after its step only
        Invalid(
            """
import torch

class Trainer:
    def __init__(self, vae, discr, accelerator, lr):
        self.vae = vae
        self.discr = discr
        self.accelerator = accelerator
        self.optim = torch.optim.Adam(vae.parameters(), lr=lr)
        self.discr_optim = torch.optim.Adam(discr.parameters(), lr=lr)

    def train_step(self, batches, accum):
        for _ in range(accum):
            img = next(batches)
            recon = self.vae(img)
            loss = (recon - img).abs().mean() + hinge_gen_loss(self.discr(recon))
            self.accelerator.backward(loss / accum)
        self.optim.step()
        self.optim.zero_grad()
        for _ in range(accum):
            img = next(batches)
            recon = self.vae(img)
            discr_loss = hinge_discr_loss(self.discr(recon.detach()), self.discr(img))
            self.accelerator.backward(discr_loss / accum)
        self.discr_optim.step()
        self.discr_optim.zero_grad()

    def train(self, batches, steps, accum):
        for _ in range(steps):
            self.train_step(batches, accum)
""",
            line=24,
            col=9,
            message="left on `self.discr`",
        ),
        # lucidrains/muse-maskgit-pytorch before f7ea957000: both losses come from one VQGAN wrapper, the path its
        # forward takes chosen by a keyword flag; the autoencoder's goes through `self.discr(fmap)`, the
        # discriminator's judges `fmap` detached in place; the discriminator's optimizer is cleared after its step only
        Invalid(_MUSE_MASKGIT, line=34, col=9, message="left on `self.vae.discr`"),
        # the same discriminator judging `fmap.data` (no gradient through `.data`, as the loss tracer reads a loss's own
        # calls; session 24: the wrapper's path read `.detach()` alone and was silent)
        Invalid(
            _MUSE_MASKGIT.replace("            fmap.detach_()\n", "").replace("(fmap, img)", "(fmap.data, img)"),
            line=33,
            col=9,
            message="left on `self.vae.discr`",
        ),
        # lucidrains/nuwa-pytorch before a3e3a6dbb7: the same trainer, its wrapper's class asserted on the first line of
        # `__init__` (`assert isinstance(vae, VQGanVAE)`) instead of annotated (interp/asserted_classes.py)
        Invalid(
            _NUWA_TRAINER.replace("{before}", "").replace("{after}", _DISCR_CLEAR),
            line=39,
            col=9,
            message="left on `self.vae.discr`",
        ),
    )

    def __init__(self, report: object) -> None:
        super().__init__(report)  # type: ignore[arg-type]
        self._seen: set[int] = set()
        self._values: dict[int, tuple[str, Value]] = {}
        #: the calls of instances of the checked code's classes seen in any loop so far (an inner loop's summary holds
        #: ``self.vae(img, return_loss=True)``, the step function's summary only its gradient calls)
        self._instances: dict[int, tuple[str, Value]] = {}

    def on_loop(self, loop: LoopSummary) -> None:
        dead = loop.extra.get("dead", frozenset())
        module = loop.ctx.module
        values: dict[int, tuple[str, Value]] = {}
        foreign = False  # a clearing call the loop makes in another file: its place in the order is not known
        for name, receiver, node in loop.calls:
            if name == CALLEE or id(node) in dead:
                continue
            if isinstance(receiver, ForeignCall):
                foreign = foreign or _clears_grads(receiver.name or name, receiver.receiver)
                continue
            values[id(node)] = (name, receiver)
            if isinstance(receiver, Instance) and id(node) not in self._instances:
                self._instances[id(node)] = (name, receiver)
        if foreign:
            return
        roots: dict[int, ast.AST] = {}
        for name, _, node in loop.calls:
            if id(node) in values and name in BACKWARD_CALLS and isinstance(node, ast.Call):
                root = self._root(node, loop, module)
                if root is not None:
                    roots.setdefault(id(root), root)
        for root in roots.values():
            inside = {id(n) for n in ast.walk(root)}
            outside = [
                self._owners_cleared(node, module, values)
                for name, receiver, node in loop.calls
                if id(node) in values and id(node) not in inside and _clears_grads(name, receiver)
            ]
            self._check(root, loop, module, values, outside)

    @staticmethod
    def _root(node: ast.AST, loop: LoopSummary, module: ModuleInfo) -> ast.AST | None:
        """The iteration ``node`` is read in: the loop's body when the loop holds it, else the body of the function that
        holds it (a step function the loop calls, or an uncalled one read as one step)."""
        line = getattr(node, "lineno", 0)
        if isinstance(loop.node, (ast.For, ast.AsyncFor, ast.While)) and loop.node.lineno <= line <= (loop.node.end_lineno or 0):
            if enclosing_function(node, module.module) is enclosing_function(loop.node, module.module):
                return loop.node
        fn = enclosing_function(node, module.module)
        return fn if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) else None

    def _check(
        self,
        root: ast.AST,
        loop: LoopSummary,
        module: ModuleInfo,
        values: dict[int, tuple[str, Value]],
        outside: list[tuple[str, ...]],
    ) -> None:
        body: list[ast.stmt] = list(getattr(root, "body", []))
        text = "\n".join(module.segment(s) for s in body)
        if _FREEZING.search(text):
            return  # a network's gradients may be switched off around a loss
        self._values = values
        events = self._events(iteration_nodes(body), module, values)
        clears = [e for e in events if e.kind == "clear"]
        for sx in (e for e in events if e.kind == "step" and e.owners):
            if id(sx.placed.node) in self._seen:
                continue
            if not any(self._may_clear(c, sx) for c in clears):
                continue  # never cleared in this iteration: LG014's question, or cleared elsewhere
            if any(not o or overlaps(o, sx.owners) for o in outside):
                continue  # cleared by a call out of this iteration's body (a function it calls), whose place is not known
            found = self._finding(events, sx, module)
            if found is not None:
                self._seen.add(id(sx.placed.node))
                self.report(sx.placed.node, dataclasses.replace(loop.ctx, module=module), self._message(sx, *found, module))
        self._next_iteration(body, events, loop, module, outside)

    def _next_iteration(
        self, body: list[ast.stmt], events: list[_Event], loop: LoopSummary, module: ModuleInfo, outside: list[tuple[str, ...]]
    ) -> None:
        """A step whose optimizer the iteration clears right after it, on gradients another loss leaves later in the
        iteration, read in the next one (rules/_next_iteration.py)."""
        both = two_iterations(events)
        clears = [e for e in events if e.kind == "clear"]
        for sx in both[len(events) :]:
            if sx.kind != "step" or not sx.owners or id(sx.placed.node) in self._seen:
                continue
            if not any(self._may_clear(c, sx) for c in clears) or any(not o or overlaps(o, sx.owners) for o in outside):
                continue
            found = self._finding(both, sx, module)
            if found is None:
                continue
            b1, sy, b2, net = found
            if not any(b1 is e for e in events):
                continue  # the other loss in the same iteration as the step: read above
            if not recurring([e.placed.path for e in (b1, sy, b2, sx)], body):
                continue  # tests that may stop one of the calls for good (training in phases)
            if not cleared_only_with_step(first_copy(both, sx), events, b1, self._may_clear):
                continue  # a clear that runs in an iteration that skips the step
            self._seen.add(id(sx.placed.node))
            message = self._message(sx, b1, sy, b2, net, module).replace(
                " also applies the gradients ", " also applies, in the next iteration, the gradients ", 1
            )
            self.report(sx.placed.node, dataclasses.replace(loop.ctx, module=module), message)

    @staticmethod
    def _owners_cleared(node: ast.AST, module: ModuleInfo, values: dict[int, tuple[str, Value]]) -> tuple[str, ...]:
        """The modules whose gradients a clearing call clears, where known (an optimizer's zero_grad); () otherwise."""
        name, receiver = values[id(node)]
        optimizer = _zero_grad_optimizer(name, receiver, node, module)
        return param_owners(optimizer, receiver, module) if optimizer else ()

    def _events(self, placed: list[Placed], module: ModuleInfo, values: dict[int, tuple[str, Value]]) -> list[_Event]:
        events: list[_Event] = []
        for p in placed:
            node = p.node
            if isinstance(node, ast.Attribute):
                if node.attr in GRAD_ATTRS and isinstance(node.ctx, (ast.Store, ast.Del)):
                    events.append(_Event("clear", p))  # `p.grad = None`: whose parameters, not read
                continue
            if not isinstance(node, ast.Call):
                continue
            name = call_name(node)
            entry = values.get(id(node))
            if entry is not None and entry[0] in BACKWARD_CALLS:
                events.append(_Event("backward", p))
                continue
            if entry is not None:
                stepped = _stepped_optimizer(entry[0], entry[1], node, module)
                if stepped is not None:
                    owners, excluded = param_holdings(stepped, entry[1], module) if stepped else ((), ())
                    events.append(_Event("step", p, stepped, owners, excluded))
                    continue
            if name == SET_GRAD or _clears_grads(name, entry[1] if entry else None) or name == "zero_" and ".grad" in module.segment(node):
                optimizer = _zero_grad_optimizer(entry[0], entry[1], node, module) if entry else None
                if optimizer is not None:
                    receiver = entry[1] if entry else None
                    events.append(_Event("clear", p, optimizer, *param_holdings(optimizer, receiver, module)))
                elif name == "zero_grad" and isinstance(node.func, ast.Attribute) and not node.args:
                    events.append(_Event("clear", p, "", (module.segment(node.func.value),)))  # model.zero_grad()
                else:
                    events.append(_Event("clear", p))
        return events

    @staticmethod
    def _may_clear(clear: _Event, step: _Event) -> bool:
        """Whether ``clear`` may drop gradients of the parameters ``step`` applies: the same optimizer, or one (or a
        model) whose modules overlap its own, or a clear whose modules are not known."""
        if clear.optimizer and clear.optimizer == step.optimizer:
            return True
        return not clear.owners or not apart(clear.owners, clear.excluded, step.owners)

    def _finding(self, events: list[_Event], sx: _Event, module: ModuleInfo) -> tuple[_Event, _Event, _Event, str] | None:
        """The backward B1 whose loss goes through a network of ``sx`` (S_X), the step S_Y of another optimizer after B1,
        the backward B2 of S_X's own loss after B1, and that network: nothing between B1 and S_X may clear S_X's
        parameters or step them, S_Y's modules are known and apart from S_X's, the four calls can run in one
        iteration, and the two losses are adversaries (:meth:`_adversaries`)."""
        before = [e for e in events if e.placed.order < sx.placed.order]
        for b1 in (e for e in before if e.kind == "backward"):
            between = [e for e in before if e.placed.order > b1.placed.order]
            if any(e.kind == "clear" and self._may_clear(e, sx) for e in between):
                continue
            if any(e.kind == "step" and (e.optimizer == sx.optimizer or not e.owners or not apart(e.owners, e.excluded, sx.owners)) for e in between):
                continue
            b2 = next((e for e in reversed(between) if e.kind == "backward"), None)
            first = b1.placed.node
            if b2 is None or not isinstance(first, ast.Call) or not isinstance(b2.placed.node, ast.Call):
                continue
            net = reaches(first, sx.owners, module) or self._through_wrapper(first, sx.owners, module)
            if net is None or any(part_of(net, e) for e in sx.excluded):
                continue
            for sy in (e for e in events if e.kind == "step" and e.placed.order > b1.placed.order and e is not sx):
                if not sy.owners or not apart(sy.owners, sy.excluded, sx.owners):
                    continue
                if not compatible(b1.placed.path, sy.placed.path, b2.placed.path, sx.placed.path):
                    continue
                to_sy = [e for e in events if b1.placed.order < e.placed.order < sy.placed.order]
                if any(e.kind == "backward" and e is not b2 or e.kind == "clear" and self._may_clear(e, sy) for e in to_sy):
                    continue  # the other optimizer steps on a later loss, or not on the first one alone
                stepped_between = sy.placed.order < b2.placed.order
                if self._adversaries(first, b2.placed.node, net, sy.owners, stepped_between, module):
                    return b1, sy, b2, net
        return None

    def _wrapped(self, backward: ast.Call, module: ModuleInfo) -> list[tuple[str, ast.Call, ast.ClassDef]]:
        """The calls of networks of the checked code's classes the loss ``backward`` back-propagates is computed from:
        (callee text, the call, the class), the class as the interpreter read the called object, else as the
        enclosing class's ``__init__`` declares it."""
        out: list[tuple[str, ast.Call, ast.ClassDef]] = []
        fn = enclosing_function(backward, module.module)
        owner = class_of(fn, module) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        for call in loss_calls(backward, module):
            entry = self._values.get(id(call)) or self._instances.get(id(call))
            cls = instance_class(*entry) if entry is not None else None
            cls = cls or declared_class(call, owner, module.module)
            if cls is not None:
                out.append((module.segment(call.func), call, cls))
        return out

    def _through_wrapper(self, backward: ast.Call, owners: tuple[str, ...], module: ModuleInfo) -> str | None:
        """An owner ``<callee>.<part>`` that a call of a wrapper network in the loss goes through, on the path of its
        ``forward`` the call's flags select (rules._forward_paths); None when none is."""
        return next((owner for owner, use in self._part_uses(backward, owners, module) if use.through), None)

    def _judged_in_wrapper(self, backward: ast.Call, net: str, module: ModuleInfo) -> bool:
        """The loss calls a wrapper network whose ``forward``, on the path the call's flags select, calls the part
        ``net`` on a detached input (``fmap.detach_()``, then ``map(self.discr, (fmap, img))``)."""
        return any(use.judged for _, use in self._part_uses(backward, (net,), module))

    def _part_uses(self, backward: ast.Call, nets: tuple[str, ...], module: ModuleInfo) -> Iterator[tuple[str, PartUse]]:
        """For each wrapper network the loss calls and each of ``nets`` that is ``<callee>.<part>``, how the wrapper's
        ``forward`` uses the part on the path the call's flags select."""
        for callee, call, cls in self._wrapped(backward, module):
            for net in nets:
                part = net[len(callee) + 1 :] if net.startswith(callee + ".") else ""
                if part.isidentifier():
                    use = part_use(call, cls, part)
                    if use is not None:
                        yield net, use

    def _adversaries(self, first: ast.Call, second: ast.Call, net: str, other: tuple[str, ...], stepped_between: bool, module: ModuleInfo) -> bool:
        """Evidence that the first loss is the other network's objective and not the stepped network's: the stepped
        network's own loss (the second) calls it on a detached input (``D(fake.detach())``: a judge of another network's
        output, which the first loss, through ``D(fake)``, trains that network to fool); or, the other optimizer having
        stepped on the first loss before the second backward(), the second is the first with its target flipped
        (``cost(logits, 1 - labels)``) or reads the same scores of the other network (``d_real = D(x, E(x))`` in both
        BiGAN losses)."""
        if any(part_of(j, net) or part_of(net, j) for j in judged_detached(second, module)):
            return True
        if self._judged_in_wrapper(second, net, module):
            return True
        if not stepped_between:
            return False
        return flipped_targets(first, second, module) or shared_outputs(first, second, other, module)

    @staticmethod
    def _message(sx: _Event, b1: _Event, sy: _Event, b2: _Event, net: str, module: ModuleInfo) -> str:
        def at(e: _Event) -> str:
            return f"`{module.segment(e.placed.node)}` ({place(module, getattr(e.placed.node, 'lineno', 0))})"

        return (
            f"{at(sx)} also applies the gradients {at(b1)} left on `{net}`: that loss, stepped by {at(sy)}, goes through "
            f"`{net}`, and nothing clears them before {at(b2)}; clear `{sx.optimizer}` before that backward() (or detach "
            "the input of, or freeze, that network in the first loss)"
        )
