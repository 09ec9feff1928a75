"""Round 36 (branch recall34, docs/survey.md "Round 36: ..."): the mechanisms behind open misses of the optimizer rules,
each a project with ``# expect:`` markers and its look-alikes, run end to end through the engine as in test_interp.py's
PROJECTS. Every positive here is silent on main at the start of session 26 (7b7bde9a)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}


# realcode_heldout26's code-soup GAN (before 25a7502d): each network builds its own optimizer over `self.parameters()`
# in its class; the pair's `update()` clears only the painter (a network's own zero_grad) and steps the critic's
# optimizer, reached from outside as `self.critic.opt`: the critic's gradients pile up across batches.
_NETWORKS = """
import torch
import torch.nn as nn


class Painter(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(16, width), nn.ReLU(), nn.Linear(width, 64), nn.Tanh())
        self.opt = torch.optim.Adam(self.parameters(), lr=2e-4)

    def forward(self, z):
        return self.body(z)


class Critic(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(64, width), nn.LeakyReLU(0.2), nn.Linear(width, 1), nn.Sigmoid())
        self.opt = torch.optim.Adam(self.parameters(), lr=2e-4)

    def forward(self, x):
        return self.body(x)
"""

_PAIR = """
import torch
import torch.nn as nn

from nets import Critic, Painter


class Pair:
    def __init__(self, width):
        self.painter = Painter(width)
        self.critic = Critic(width)
        self.bce = nn.BCELoss()

    def update(self, real):
        ones = torch.ones(real.shape[0])
        zeros = torch.zeros(real.shape[0])
{clear_critic}        d_real = self.bce(self.critic(real).view(-1), ones)
        d_real.backward()
        fake = self.painter(torch.randn(real.shape[0], 16))
        d_fake = self.bce(self.critic(fake.detach()).view(-1), zeros)
        d_fake.backward()
        self.critic.opt.step(){marker}
        self.painter.zero_grad()
        g_loss = self.bce(self.critic(fake).view(-1), ones)
        g_loss.backward()
        self.painter.opt.step()
        return d_real + d_fake, g_loss
"""

_PAIR_MAIN = """
import torch

from pair import Pair

pair = Pair(128)
loader = torch.utils.data.DataLoader(torch.randn(512, 64), batch_size=32)
for epoch in range(10):
    for real in loader:
        pair.update(real)
"""

PROJECTS["a_network_cleared_by_its_own_zero_grad_beside_another_networks_optimizer"] = {
    "nets.py": _NETWORKS,
    "pair.py": _PAIR.replace("{clear_critic}", "").replace("{marker}", "  # expect: LG014"),
    "main.py": _PAIR_MAIN,
}
# the fix (code-soup 25a7502d): the critic cleared by its own zero_grad at the start
PROJECTS["a_network_cleared_by_its_own_zero_grad_beside_another_networks_optimizer_look_alike"] = {
    "nets.py": _NETWORKS,
    "pair.py": _PAIR.replace("{clear_critic}", "        self.critic.zero_grad()\n").replace("{marker}", ""),
    "main.py": _PAIR_MAIN,
}
# the critic cleared through its optimizer: the optimizer's networks are the critic
PROJECTS["a_network_cleared_by_its_optimizer_beside_another_networks_zero_grad_look_alike"] = {
    "nets.py": _NETWORKS,
    "pair.py": _PAIR.replace("{clear_critic}", "        self.critic.opt.zero_grad()\n").replace("{marker}", ""),
    "main.py": _PAIR_MAIN,
}
# a critic class with a zero_grad of its own: what it clears is its code's, not nn.Module's
PROJECTS["a_network_with_a_zero_grad_of_its_own_look_alike"] = {
    "nets.py": _NETWORKS.replace(
        "    def forward(self, x):\n        return self.body(x)\n",
        "    def forward(self, x):\n        return self.body(x)\n\n    def zero_grad(self, set_to_none=True):\n"
        "        self.opt.zero_grad(set_to_none=set_to_none)\n",
    ),
    "pair.py": _PAIR.replace("{clear_critic}", "        self.critic.zero_grad()\n").replace("{marker}", ""),
    "main.py": _PAIR_MAIN,
}


# the same in one script, the DCGAN tutorial's shape with the discriminator's clear left out: the networks are the
# script's names, each optimizer built over one of them
_SCRIPT = """
import torch
import torch.nn as nn


class Gen(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 2))

    def forward(self, z):
        return self.net(z)


class Disc(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        return self.net(x)


netG, netD = Gen(), Disc()
{optimizers}
criterion = nn.BCEWithLogitsLoss()
data = torch.utils.data.DataLoader(torch.randn(1024, 2), batch_size=64)
for epoch in range(20):
    for real in data:
{clear}        errD = criterion(netD(real), torch.ones(real.shape[0], 1))
        fake = netG(torch.randn(real.shape[0], 8))
        errD = errD + criterion(netD(fake.detach()), torch.zeros(real.shape[0], 1))
        errD.backward()
        optD.step(){marker}
        netG.zero_grad()
        errG = criterion(netD(fake), torch.ones(real.shape[0], 1))
        errG.backward()
        optG.step()
"""
_OWN_OPTIMIZERS = "optD = torch.optim.Adam(netD.parameters(), lr=2e-4)\noptG = torch.optim.Adam(netG.parameters(), lr=2e-4)"

PROJECTS["a_script_clearing_only_the_generator_network"] = {
    "train.py": _SCRIPT.replace("{optimizers}", _OWN_OPTIMIZERS).replace("{clear}", "").replace("{marker}", "  # expect: LG014"),
}
PROJECTS["a_script_clearing_only_the_generator_network_look_alike"] = {
    # the tutorial itself: netD.zero_grad() first
    "cleared.py": _SCRIPT.replace("{optimizers}", _OWN_OPTIMIZERS).replace("{clear}", "        netD.zero_grad()\n").replace("{marker}", ""),
    # the discriminator's optimizer over a list of parameters: its networks are not known
    "listed.py": _SCRIPT.replace(
        "{optimizers}", "params = list(netD.parameters())\noptD = torch.optim.Adam(params, lr=2e-4)\noptG = torch.optim.Adam(netG.parameters())"
    )
    .replace("{clear}", "")
    .replace("{marker}", ""),
    # one model holding both networks, cleared whole
    "whole.py": _SCRIPT.replace(
        "{optimizers}",
        "class Both(nn.Module):\n    def __init__(self, g, d):\n        super().__init__()\n        self.g = g\n        self.d = d\n\n\n"
        "both = Both(netG, netD)\n" + _OWN_OPTIMIZERS,
    )
    .replace("{clear}", "")
    .replace("{marker}", "")
    .replace("        netG.zero_grad()\n", "        both.zero_grad()\n"),
}


# mut25's hm_reduction_none (HoriaMoraru/Romanian-News-Political-Bias-Detection's WeightedTrainer): a Hugging Face
# Trainer subclass whose compute_loss builds a weighted cross-entropy; the Trainer back-propagates what it returns
_WEIGHTED_TRAINER = """
import torch
import torch.nn as nn
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments


class WeightedTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        labels = inputs.get("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")
        loss_fct = nn.CrossEntropyLoss(weight=torch.tensor([1.3, 0.8], device=logits.device){reduction})
        loss = loss_fct(logits.view(-1, 2), labels.view(-1))
        return (loss, outputs) if return_outputs else {returned}


model = AutoModelForSequenceClassification.from_pretrained("bert-base-cased", num_labels=2)
trainer = WeightedTrainer(model=model, args=TrainingArguments(output_dir="out"), train_dataset=train_set)
trainer.train()
"""

PROJECTS["a_hugging_face_trainer_compute_loss_returning_per_sample_losses"] = {
    "train.py": _WEIGHTED_TRAINER.replace("{reduction}", ", reduction='none'").replace("{returned}", "loss  # expect: LG015"),
}
PROJECTS["a_hugging_face_trainer_compute_loss_returning_per_sample_losses_look_alike"] = {
    # reduced before it is returned
    "mean.py": _WEIGHTED_TRAINER.replace("{reduction}", ", reduction='none'").replace("{returned}", "loss.mean()"),
    # the default reduction
    "default.py": _WEIGHTED_TRAINER.replace("{reduction}", "").replace("{returned}", "loss"),
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_recall34_projects(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
