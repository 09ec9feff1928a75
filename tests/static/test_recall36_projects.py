"""Round 38 (branch recall36, docs/survey.md "Round 38: ..."): the open misses of realcode_heldout28 and recall35's
leftovers, each a project with ``# expect:`` markers and its look-alikes, run end to end through the engine as in
test_interp.py's PROJECTS. Every positive here is silent on main at the start of session 28 (23104284)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}


# AttGAN's MI variant (realcode_heldout28): the epoch loop calls one of three phases of the class; the generator phases
# back-propagate a loss computed through the predictor P, whose optimizer is stepped only in the discriminator phase,
# right after its own clear (rules/_cleared_steps.py): P never trains.
_GAN_PHASES = """
import itertools

import torch
import torch.nn as nn
import torch.nn.functional as F


class Trainer:
    def __init__(self, args):
        self.G = Generator(args.dim)
        self.D = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
        self.P = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, args.n_attrs))
        self.optim_G = torch.optim.Adam(self.G.parameters(), lr=args.lr)
        self.optim_D = torch.optim.Adam(self.D.parameters(), lr=args.lr)
        self.optim_P = torch.optim.Adam(self.P.parameters(), lr=args.lr)
        self.scheduler = itertools.cycle([0] * args.n_gen + [1] * args.n_dis)

    def train_epoch(self, loader):
        for img, att in loader:
            phase = next(self.scheduler)
            if phase == 0:
                self.train_g(img, att)
            else:
                self.train_d(img, att)

    def train_g(self, img, att):
{freeze}        fake = self.G(img, 1 - att)
        d_fake, p_fake = self.D(fake), {p_out}
        g_loss = -d_fake.mean() + F.binary_cross_entropy_with_logits(p_fake, 1 - att) + F.l1_loss(fake, img)
        self.optim_G.zero_grad()
        g_loss.backward()
        self.optim_G.step(){g_extra}

    def train_d(self, img, att):
        fake = self.G(img, 1 - att).detach()
        d_loss = -(self.D(img).mean() - self.D(fake).mean())
        p_loss = F.binary_cross_entropy_with_logits(self.P(img), att)
        self.optim_D.zero_grad()
        d_loss.backward()
        self.optim_D.step()
        self.optim_P.zero_grad(){expect}{between}
        self.optim_P.step()
        return d_loss.item(), p_loss.item()
"""


def _phases(expect: str = "  # expect: LG017", freeze: str = "", p_out: str = "self.P(fake)", g_extra: str = "", between: str = "") -> dict[str, str]:
    return {
        "train.py": _GAN_PHASES.replace("{expect}", expect)
        .replace("{freeze}", freeze)
        .replace("{p_out}", p_out)
        .replace("{g_extra}", g_extra)
        .replace("{between}", between)
    }


PROJECTS["a_predictor_cleared_right_before_its_only_step_its_gradients_from_another_phase"] = _phases()
# look-alike: the clear's own phase back-propagates the predictor's loss between the clear and the step (the fix)
PROJECTS["a_predictor_cleared_then_its_own_loss_back_propagated_before_its_step"] = _phases(expect="", between="\n        p_loss.backward()")
# look-alike: the predictor also stepped in the generator phase: its gradients are applied there
PROJECTS["a_predictor_stepped_after_the_generator_loss_too"] = _phases(expect="", g_extra="\n        self.optim_P.step()")
# look-alike: the generator's loss reads the predictor's output detached: nothing reaches P's parameters
PROJECTS["a_predictor_read_only_through_a_detached_output"] = _phases(expect="", p_out="self.P(fake).detach()")
# look-alike: the predictor frozen in the generator phase: no gradient of the generator's loss reaches it
PROJECTS["a_predictor_frozen_in_the_generator_phase"] = _phases(
    expect="", freeze="        for p in self.P.parameters():\n            p.requires_grad = False\n"
)
# look-alike: the predictor, a class of the checked code, freezes its own parameters: no loss reaches them
PROJECTS["a_predictor_that_freezes_itself_in_its_class"] = {
    "train.py": _phases(expect="")["train.py"]
    .replace(
        "self.P = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, args.n_attrs))",
        "self.P = Predictor(args.n_attrs)",
    )
    .replace(
        "class Trainer:",
        """class Predictor(nn.Module):
    def __init__(self, n_attrs):
        super().__init__()
        self.fc = nn.Linear(64, n_attrs)
        for p in self.parameters():
            p.requires_grad = False

    def forward(self, x):
        return self.fc(x)


class Trainer:""",
    )
}
# positive: the same predictor class without the freeze
PROJECTS["a_predictor_class_cleared_right_before_its_only_step"] = {
    "train.py": PROJECTS["a_predictor_that_freezes_itself_in_its_class"]["train.py"]
    .replace("        for p in self.parameters():\n            p.requires_grad = False\n", "")
    .replace("self.optim_P.zero_grad()", "self.optim_P.zero_grad()  # expect: LG017")
}
# look-alike: UNITER's "quick hack": one empty step before the loop, set up an optimizer's state; the loop's own order
PROJECTS["an_empty_step_before_the_training_loop"] = {
    "train.py": """
import torch
import torch.nn.functional as F

optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
optimizer.zero_grad()
optimizer.step()
for x, y in loader:
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
""",
}


# SSLRec's MAERec trainer (realcode_heldout28): the model comes from a registry the checker does not hold, so the mask
# loss, made from its sampler's scores, is not known; but the loop adds it into the loss it back-propagates, so it is
# trained through and holds a graph (rules/_added_terms.py), and the epoch's log sums it across batches.
_MASKED = """
import torch


def train_epoch(model, loader, optimizer, mask_steps, log):
    model.train()
    for i, batch in enumerate(loader):
        if i % mask_steps == 0:
            scores, candidates = model.sampler(model.adj)
        loss, loss_main = model.cal_loss(batch, candidates)
        if i % mask_steps == 0:
            {term} = {binding}
            log["loss_mask"] += {added}{expect}
            loss += {term}
        log["loss"] += loss.item() / len(loader)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return log
"""


def _masked(
    term: str = "loss_mask", binding: str = "-scores.mean() * 0.5", added: str = "loss_mask / len(loader)", expect: str = "  # expect: LG006"
) -> dict[str, str]:
    return {"trainer.py": _MASKED.replace("{term}", term).replace("{binding}", binding).replace("{added}", added).replace("{expect}", expect)}


PROJECTS["a_term_added_into_the_back_propagated_loss_summed_into_a_log"] = _masked()
PROJECTS["a_term_added_into_the_back_propagated_loss_summed_as_is"] = _masked(added="loss_mask")
# look-alike: the log takes the term's number
PROJECTS["a_term_added_into_the_loss_logged_as_a_number"] = _masked(added="loss_mask.item() / len(loader)", expect="")
# look-alike: the term is arithmetic on settings, no call: a number, whatever the loss does with it
PROJECTS["a_setting_added_into_the_loss_and_summed"] = _masked(term="bonus", binding="mask_steps * 0.5", added="bonus", expect="")
# look-alike: the term is a tensor the interpreter knows holds no graph
PROJECTS["a_constant_tensor_added_into_the_loss_and_summed"] = _masked(term="offset", binding="torch.zeros(1)", added="offset", expect="")
# look-alike: the term's value detached in the loop before it is summed
PROJECTS["a_term_detached_before_it_is_summed"] = _masked(binding="(-scores.mean() * 0.5).detach()", expect="")


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_recall36_projects(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
