"""Issue 9's detector items on real CPU training loops: the event, its step and its fix.

Each loop is a real run of a small model (tests/runtime/fault_injection/scenarios.py); the
numbers in the comments were measured with these seeds.
"""

from __future__ import annotations

import json
import math
import random
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard
import lossguard.runtime.layout
from lossguard.runtime.detectors import ExplodingGradients, LossOscillation, LossPlateau, StepStats
from lossguard.runtime.detectors.advice import change_lr
from lossguard.runtime.detectors.base import UpdateEvidence
from tests.runtime.fault_injection import scenarios as sc


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def first(events, code):
    return next((e for e in events if e.code == code), None)


# 9.5 --------------------------------------------------------------------- robust plateau statistics


def test_random_labels_under_adadelta_are_a_plateau_at_step_107():
    # mnist's Adadelta (lr=1) sinks from an overconfident 2.35 to chance (2.303) over 200 steps;
    # the least-squares fit took that for progress and reported at steps 279-319 (issue: ~311).
    out = sc.adadelta_random_labels(0, steps=130)  # the plateau is due by step 120
    ev = first(out.events, "LG103")
    assert ev is not None and ev.step <= 120, [(e.code, e.step) for e in out.events]
    assert "targets depend on the inputs" in ev.fix and "Raise" not in ev.fix


def test_one_early_outlier_does_not_hide_a_plateau():
    # a plateau with a first-step bump to 8x (no chance level known: only the outlier clipping helps)
    rng = random.Random(0)
    losses = [2.3, 18.0, 9.0] + [2.3 + 0.05 * rng.gauss(0, 1) for _ in range(400)]
    det = LossPlateau()
    found = [i for i, v in enumerate(losses) if det.update(StepStats(i, loss=v, updated=True, update_ratio=0.01))]
    assert found and found[0] <= 115, found


# 9.4 --------------------------------------------------------------------- chance is the target entropy


def test_shuffled_labels_with_skewed_classes_are_a_plateau_at_the_class_frequency_level():
    # 40 Zipf-like classes (entropy about 2.8, ln 40 = 3.69): the loss falls from 3.75 to the
    # entropy by step 15 and stays; before, the plateau wanted the loss near its start: silent.
    # Measured: step 107 for seeds 0-2 (batch 512; at batch 256 the noisier fit took 107-199 steps).
    out = sc.zipf_shuffled_labels(0)
    ev = first(out.events, "LG103")
    assert ev is not None and 100 <= ev.step <= 130, [(e.code, e.step) for e in out.events]
    assert ev.data["target_entropy"] == pytest.approx(2.8, abs=0.1)
    assert "entropy of the targets' class frequencies" in ev.message
    assert "class frequencies" in ev.fix and "targets depend on the inputs" in ev.fix and "Raise" not in ev.fix
    # two different starts, each named for what it is: the message's is the median of the first
    # 30 losses (2.9 here, the class frequencies half learnt), the fix's the first steps' (3.66)
    assert "the median of its first 30 losses was" in ev.message and "(its first steps)" in ev.fix
    assert [e for e in out.events if e.severity in ("warning", "error") and e.code != "LG103"] == []


@pytest.mark.parametrize("run", [sc.healthy_zipf, sc.healthy_zipf_slow], ids=["adam-3e-3", "adam-1e-4"])
def test_real_labels_with_skewed_classes_stay_silent(run):
    # the same data with its real labels: at 3e-3 the loss passes the class-frequency level by
    # step 10 and goes on to 0.6; at 1e-4 it is still descending towards that level at step 300
    # (the old fit, which counted every value above chance as chance, called this flat at step 107)
    out = run(0)
    assert [(e.code, e.step) for e in out.events if e.severity in ("warning", "error")] == []


def test_a_noisy_descent_through_the_class_frequency_level_is_not_flat():
    # word_language_model's healthy run (lr 20, its own SGD update; corpus seed 1): batch losses
    # +-0.2 around a trend from 4.1 to 3.5 that crosses the word-frequency entropy (3.71) at about
    # step 110. One lucky batch at step 24 started the fit and its descent was clipped flat: LG103
    # at step 108. The run counts as at the level only when the median of 9 losses is there.
    rng = random.Random(1)
    det = LossPlateau()
    for i in range(160):
        loss = 4.1 - 0.6 * i / 160 + 0.17 * rng.gauss(0, 1)
        assert det.update(StepStats(i, loss=loss, updated=True, chance_loss=3.706, target_entropy=3.706)) is None, i


def test_a_loss_still_descending_towards_the_class_frequency_level_is_not_flat():
    det = LossPlateau()
    for i in range(300):
        loss = 2.83 + 0.93 * math.exp(-i / 250)  # 3.76 down to 3.1, never at the level of 2.83
        assert det.update(StepStats(i, loss=loss, updated=True, update_ratio=0.005, chance_loss=2.83, target_entropy=2.83)) is None


# 9.6 --------------------------------------------------------------------- clipping hides divergence


@pytest.mark.parametrize("seed", [0, 1])
def test_clipping_pinned_norm_with_a_loss_far_above_its_start_is_divergence(seed):
    # the update-size test (which in this run reports the same too-large learning rate a few
    # steps earlier, and would hold the pinned finding back as part of its episode) is off, so
    # that the clipped-divergence test itself is what reports
    out = sc.clipped_divergence(seed, watch={"detectors": [ExplodingGradients(max_update=1e9)]})
    ev = next((e for e in out.events if e.code == "LG106"), None)
    assert ev is not None and "pinned" in ev.message, [(e.code, e.step, e.message[:60]) for e in out.events]
    assert ev.step < 40 and "clipping" in ev.fix and ev.fix.startswith("Lower the learning rate")


def _clipped(level, norms):
    det = ExplodingGradients()
    rng = random.Random(1)
    found = []
    for i in range(160):
        loss = 4.0 if i < 8 else level * (1 + 0.1 * rng.gauss(0, 1))
        f = det.update(StepStats(i, loss=loss, grad_norm=norms(i, rng), lr=0.6))
        if f:
            found.append((i, f))
    return found


def test_a_loss_three_times_its_start_under_pinned_norms_is_reported_once():
    # nanoGPT at lr x1000 (issue 9.6): 3-6x its start for 120+ steps, clip pins the norm at 1.0
    found = _clipped(14.0, lambda i, rng: 1.0)
    assert len(found) == 1 and found[0][0] < 30 and "pinned at 1" in found[0][1].message
    # the same loss with free, noisy norms is left to the norm tests; a loss near its start is silent
    assert _clipped(14.0, lambda i, rng: rng.lognormvariate(0, 0.3)) == []
    assert _clipped(4.4, lambda i, rng: 1.0) == []


# 9.8 --------------------------------------------------------------------- advice follows the evidence


def test_plateau_at_a_learning_rate_far_too_high_says_lower_it():
    torch.manual_seed(0)
    teacher = sc.Teacher(0)
    out = sc.loop(
        0, sc.mlp(), nn.CrossEntropyLoss(), lambda s: teacher.batch(64), steps=220, optimizer=lambda p: torch.optim.Adam(p, lr=0.3), clip=1.0
    )
    ev = first(out.events, "LG103")
    assert ev is not None, [(e.code, e.step) for e in out.events]
    assert ev.fix.startswith("Lower the learning rate") and "Raise" not in ev.fix


# build-nanogpt (karpathy/build-nanogpt train_gpt2.py, a 2-layer GPT on a 256-token Markov text) at
# AdamW 0.6 (x1000), 4 micro-batches a step under bf16 autocast, clip 1.0: the first 124 step
# losses, rounded (docs/runtime.md, "On real scripts", session 7). The loss rises to 7.7, comes
# back and sits at the unigram entropy (5.01) while the last layer moves by 0.063 of its norm a step.
# fmt: off
BUILD_NANOGPT_LR_X1000 = [
    5.55, 5.37, 5.69, 6.57, 6.48, 6.07, 5.69, 6.47, 6.28, 6.35, 5.51, 6.40, 6.18, 6.18, 5.97, 5.73, 6.10, 5.86, 5.62,
    5.54, 6.33, 5.76, 6.72, 5.99, 7.74, 7.40, 5.89, 6.41, 6.72, 5.60, 5.75, 5.41, 5.52, 5.96, 5.32, 5.95, 5.56, 5.39,
    5.68, 5.52, 5.76, 5.69, 5.35, 5.49, 5.31, 5.25, 5.50, 5.45, 5.34, 5.25, 5.45, 5.16, 5.37, 5.32, 5.15, 5.24, 5.20,
    5.17, 5.19, 5.16, 5.18, 5.10, 5.08, 5.22, 5.35, 5.24, 5.23, 5.11, 5.12, 5.18, 5.10, 5.12, 5.05, 5.16, 5.15, 5.08,
    5.11, 5.13, 5.18, 5.05, 5.13, 5.14, 5.06, 5.17, 5.07, 5.07, 5.20, 5.11, 5.08, 5.11, 5.09, 5.03, 5.08, 5.11, 5.14,
    5.17, 5.07, 5.08, 5.05, 5.14, 5.14, 5.20, 5.17, 5.11, 5.18, 5.20, 5.09, 5.22, 5.11, 5.13, 5.12, 5.11, 5.17, 5.06,
    5.04, 5.07, 5.05, 5.17, 5.10, 5.07, 5.11, 5.08, 5.09, 5.01,
]
# fmt: on


@pytest.mark.parametrize("update_ratio, lower", [(0.063, True), (0.01, False)])
def test_a_class_frequency_plateau_with_fast_weights_says_lower_the_learning_rate(update_ratio, lower):
    # LG103 said "The weights move normally (0.06338 ...) ... if the data is right, try a higher
    # learning rate" to a run its learning rate had broken; with weights moving at a healthy pace
    # (shuffled targets: 0.0097 in the same script) the advice stays a look at the data
    det = LossPlateau()
    found = [
        (i, f)
        for i, v in enumerate(BUILD_NANOGPT_LR_X1000)
        if (f := det.update(StepStats(i, loss=v, updated=True, update_ratio=update_ratio, chance_loss=5.01, target_entropy=5.01)))
    ]
    assert [i for i, _ in found] == [119]
    found = found[0][1]
    if lower:
        assert found.fix.startswith("Lower the learning rate by 10x") and "higher" not in found.fix and "move normally" not in found.fix
        assert "targets depend on the inputs" in found.fix  # the data check stays, second
    else:
        assert found.fix.startswith("The weights move normally") and found.fix.endswith("try a higher learning rate.")


def test_plateau_with_still_weights_says_raise_the_learning_rate():
    out = sc.lr_too_small(0)
    ev = first(out.events, "LG103")
    assert ev is not None and ev.fix.startswith("Raise the learning rate")


# pytorch/examples@77f55b9 mnist/main.py run with --lr 100 (Adadelta; stand-in data, 6,400
# examples): what LG103 saw each step, (step, loss, update ratio, first/last gradient ratio,
# chance level, target entropy), to four digits. The loss jumps to 4.2e4 at step 1, the ReLUs die
# (gradient ratio 0 from step 7), the weights stop moving and the loss sits at chance.
# fmt: off
MNIST_ADADELTA_LR_100 = [(0, 2.321, 4.33, 0.1352, None, None), (1, 42470.0, 1.144, 1.345, None, None), (2, 6.524, 0.2747, 17.06, None, None), (3, 20.46, 0.4053, 3.316, 2.29, 2.29), (4, 475.3, 0.4739, 2.693, 2.295, 2.295), (5, 10.78, 0.197, 4.856, 2.296, 2.296), (6, 2.651, 0.131, 0.1875, 2.295, 2.295), (7, 2.386, 2.971e-05, 0.0, 2.297, 2.297), (8, 2.318, 0.0, 0.0, 2.298, 2.298), (9, 2.299, 0.0, 0.0, 2.298, 2.298), (10, 2.309, 0.0, 0.0, 2.296, 2.296), (11, 2.386, 0.0, 0.0, 2.297, 2.297), (12, 2.307, 0.0, 0.0, 2.298, 2.298), (13, 2.316, 0.0, 0.0, 2.297, 2.297), (14, 2.298, 0.0, 0.0, 2.297, 2.297), (15, 2.323, 0.0, 0.0, 2.298, 2.298), (16, 2.312, 0.0, 0.0, 2.298, 2.298), (17, 2.306, None, None, 2.298, 2.298), (18, 2.339, None, None, 2.298, 2.298), (19, 2.329, None, None, 2.298, 2.298), (20, 2.3, None, None, 2.298, 2.298), (21, 2.291, None, None, 2.298, 2.298), (22, 2.334, None, None, 2.298, 2.298), (23, 2.311, None, None, 2.298, 2.298), (24, 2.321, 0.0, 0.0, 2.298, 2.298), (25, 2.328, None, None, 2.298, 2.298), (26, 2.339, None, None, 2.298, 2.298), (27, 2.304, None, None, 2.298, 2.298), (28, 2.371, None, None, 2.298, 2.298), (29, 2.34, None, None, 2.298, 2.298), (30, 2.323, None, None, 2.298, 2.298), (31, 2.287, None, None, 2.298, 2.298), (32, 2.373, 0.0, 0.0, 2.298, 2.298), (33, 2.272, None, None, 2.298, 2.298), (34, 2.36, None, None, 2.298, 2.298), (35, 2.311, None, None, 2.298, 2.298), (36, 2.337, None, None, 2.298, 2.298), (37, 2.324, None, None, 2.298, 2.298), (38, 2.329, None, None, 2.298, 2.298), (39, 2.314, None, None, 2.298, 2.298), (40, 2.336, 0.0, 0.0, 2.298, 2.298), (41, 2.306, None, None, 2.298, 2.298), (42, 2.277, None, None, 2.298, 2.298), (43, 2.353, None, None, 2.298, 2.298), (44, 2.374, None, None, 2.298, 2.298)]
# fmt: on


def test_a_plateau_after_a_blow_up_is_not_told_to_raise_the_learning_rate():
    # LG103 told that run to "Raise the learning rate (learning rate 100), by 10x" because its
    # weights had stopped moving; they stopped because the updates had killed the network
    det = LossPlateau()
    found = [
        f
        for step, loss, update, ratio, chance, entropy in MNIST_ADADELTA_LR_100
        if (
            f := det.update(
                StepStats(step, loss=loss, updated=True, lr=100.0, update_ratio=update, grad_ratio=ratio, chance_loss=chance, target_entropy=entropy)
            )
        )
    ]
    assert len(found) == 1
    # the damage came at step 1: no checkpoint to go back to, a smaller rate or a warm-up from the start
    assert found[0].fix.startswith("Lower the learning rate from 100 to 10 or less, or warm it up") and "Raise" not in found[0].fix, found[0].fix
    assert "start the run again (the damage came at step 1, before any checkpoint)" in found[0].fix
    assert "the loss jumped to 4.247e+04 at step 1" in found[0].fix


def test_dead_relus_after_a_blow_up_are_not_told_to_use_relu():
    out = sc.lr_too_high(0)  # SGD lr=5: the ReLUs die within 60 steps
    ev = first(out.events, "LG105")
    assert ev is not None and "dead" in ev.fix and "ReLU-like" not in ev.fix
    assert "ReLU-like" in lossguard.catalog.get("LG105").fix  # the catalog keeps its general text


def test_nan_fix_follows_the_diagnosis():
    ev = first(sc.nan_batch(0).events, "LG101")  # a NaN in the input batch of step 80
    assert ev.step == 80 and ev.fix.startswith("Check this step's input batch")
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    w = torch.randn(sc.DIM, 1, generator=g)

    def batch(step):
        x = torch.randn(32, sc.DIM, generator=g)
        y = x @ w
        if step == 30:
            y[3] = float("nan")
        return x, y

    ev = first(sc.loop(0, sc.mlp(out=1), nn.MSELoss(), batch, steps=40).events, "LG101")
    assert ev.step == 30 and ev.fix.startswith("Check the data: this batch's targets")


def test_spike_after_a_learning_rate_rise_names_the_schedule():
    ev = first(sc.lr_blowup(0).events, "LG102")  # lr x200 at step 80
    assert ev.step >= 80 and "learning rate rose" in ev.fix


def test_period_two_oscillation_says_lower_the_learning_rate():
    ev = first(sc.oscillating_sgd(0).events, "LG104")
    assert ev is not None and ev.fix.startswith("Lower the learning rate")
    det = LossOscillation()
    slow = [det.update(StepStats(i, loss=1.0 + 0.3 * math.sin(2 * math.pi * i / 6))) for i in range(150)]
    assert next(f for f in slow if f).fix.startswith("Increase the batch size")


# 9.12 -------------------------------------------------------------------- a saturated VAE


class VAE(nn.Module):
    """pytorch/examples' VAE with tanh units (as in Kingma & Welling), saturated by a x1000 init."""

    def __init__(self) -> None:
        super().__init__()
        self.fc1, self.fc21, self.fc22 = nn.Linear(784, 400), nn.Linear(400, 20), nn.Linear(400, 20)
        self.fc3, self.fc4 = nn.Linear(20, 400), nn.Linear(400, 784)
        with torch.no_grad():
            self.fc1.weight.mul_(1000.0)
            self.fc3.weight.mul_(1000.0)

    def forward(self, x):
        h = torch.tanh(self.fc1(x))
        mu, logvar = self.fc21(h), self.fc22(h)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return torch.sigmoid(self.fc4(torch.tanh(self.fc3(z)))), mu, logvar


def vae_loss(recon, x, mu, logvar):
    return F.binary_cross_entropy(recon, x, reduction="sum") - 0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())


def test_saturated_vae_is_reported_although_the_body_layer_is_saturated_too():
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    model = VAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    crit = lossguard.watch(model, vae_loss, console=False)
    protos = (torch.rand(10, 784, generator=g) < 0.2).float()
    for _ in range(40):
        x = (protos[torch.randint(0, 10, (32,), generator=g)] + 0.1 * torch.rand(32, 784, generator=g)).clamp(0, 1)
        opt.zero_grad()
        recon, mu, logvar = model(x)
        crit(recon, x, mu, logvar).backward()
        opt.step()
    crit.close()
    ev = first(crit.events, "LG105")
    # first/last about 1e-4, first/body about 10: the old body test kept this silent
    assert ev is not None and ev.step < 20, [(e.code, e.step) for e in crit.events]
    assert ev.data["body_ratio"] > 1e-3 and ev.data["head_scale"] > 0.05


# GAN ---------------------------------------------------------------------- equilibrium is healthy


@pytest.mark.integration  # 600 real GAN steps; the rule itself is tested on step statistics just below
def test_gan_discriminator_at_equilibrium_is_silent():
    out = sc.gan(0, steps=600)
    assert [e for e in out.events if e.code in ("LG103", "LG104")] == []


def test_adversarial_steps_are_not_judged_for_plateau_or_oscillation():
    plateau, osc = LossPlateau(), LossOscillation()
    for i in range(400):
        s = StepStats(i, loss=1.386 + (0.2 if i % 2 else -0.2), updated=True, chance_loss=math.log(2), constant_target=True)
        assert plateau.update(s) is None and osc.update(s) is None


# session 6: real scripts ------------------------------------------------- a loss of either sign


def test_a_policy_gradient_loss_of_either_sign_is_no_spike():
    # pytorch/examples reinforce.py on CartPole: the loss sum(-log p(a) x normalised return) is
    # about 0 at the start and takes either sign. LG102 took a multiple of the first loss (10 x
    # 0.03) as its ceiling and reported "2.6, infx its recent level -0.37" at step 2, and again at
    # steps 47-49 on seeds 0-2 (the real script: steps 28 and 70). A loss that went below zero is
    # no longer judged for spikes.
    out = sc.policy_gradient_cartpole(0, episodes=60)
    assert out.steps == 60
    assert [(e.code, e.step) for e in out.events if e.severity in ("warning", "error")] == []


def test_a_loss_that_went_below_zero_is_no_plateau_however_far_above_its_start():
    # pytorch/examples actor_critic.py (policy loss plus the critic's smooth L1, summed over an
    # episode): about 0.8 over the first 30 episodes, below zero at times, then 10-300 as the
    # episodes grow to 500 steps (the critic's targets grow with them). LG103 took the recent
    # level, 21x the start, for a loss stuck above where it began after a blow-up ("stayed at
    # 17.49 for the last 20 steps", step 191 of the real script).
    rng = random.Random(0)
    early = [abs(rng.gauss(0.8, 0.5)) for _ in range(40)] + [-0.9, -0.1]
    late = [17.5 * math.exp(rng.gauss(0, 0.01)) for _ in range(160)]

    def found(losses):
        det = LossPlateau()
        return [i for i, v in enumerate(losses) if det.update(StepStats(i, loss=v, updated=True, update_ratio=0.02))]

    assert found(early[:40] + [0.2, 0.3] + late)  # all positive: the old verdict, still given
    assert found(early + late) == []


def test_a_loss_that_went_below_zero_is_no_oscillation():
    # actor_critic.py on CartPole, seed 1 of the scenario (policy_gradient_cartpole(1, critic=True)):
    # below zero at step 27, then 20-240 as episodes lengthen and shorten; LG104 reported "oscillates
    # around 95.5 with a swing of 128.3 (period about 12.8 steps)" at step 95.
    early = [12.0 - 0.3 * i for i in range(30)] + [-0.5, 0.4]
    late = [100.0 + 60.0 * math.sin(2 * math.pi * t / 12.8) for t in range(120)]

    def found(losses):
        det = LossOscillation()
        return [i for i, v in enumerate(losses) if det.update(StepStats(i, loss=v, updated=True))]

    assert found(early[:30] + [0.5, 0.4] + late)  # all positive: the old verdict, still given
    assert found(early + late) == []


# round 9 ------------------------------------------------------------------ one target value per call


class NextItem(nn.Module):
    """SASRec's scoring on a small scale: the previous items' embeddings through two Linear layers
    give a user state; an item's logit is its embedding's dot product with that state."""

    def __init__(self, items: int = 200, dim: int = 32) -> None:
        super().__init__()
        self.items = nn.Embedding(items + 1, dim)
        self.body = nn.Sequential(nn.Linear(2 * dim, 64), nn.ReLU(), nn.Linear(64, dim))

    def forward(self, prev: torch.Tensor, pos: torch.Tensor, neg: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        state = self.body(self.items(prev).flatten(1))
        return (state * self.items(pos)).sum(-1), (state * self.items(neg)).sum(-1)


def next_item_run(lr: float, steps: int = 80, seed: int = 0) -> list:
    """pmixer/SASRec.pytorch's loss: BCEWithLogitsLoss on the next item's logit with label 1, plus
    a second call on a sampled negative's with label 0 (``loss += ...``), Adam (0.9, 0.98). Each
    item is followed by one of 5 successors."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    successors = torch.randint(1, 201, (201, 5), generator=g)
    model = NextItem()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.98))
    criterion = lossguard.watch(model, nn.BCEWithLogitsLoss(), console=False)
    for _ in range(steps):
        first = torch.randint(1, 201, (128,), generator=g)
        second = successors[first, torch.randint(0, 5, (128,), generator=g)]
        pos = successors[second, torch.randint(0, 5, (128,), generator=g)]
        neg = torch.randint(1, 201, (128,), generator=g)
        pos_logits, neg_logits = model(torch.stack([first, second], 1), pos, neg)
        optimizer.zero_grad()
        loss = criterion(pos_logits, torch.ones_like(pos_logits))
        loss += criterion(neg_logits, torch.zeros_like(neg_logits))
        loss.backward()
        optimizer.step()
    criterion.close()
    return criterion.events


def test_a_learning_rate_far_too_small_is_a_plateau_when_every_call_has_one_target_value():
    # pmixer/SASRec.pytorch@fde8a9c python/main.py at Adam 1e-7 (round 9): the loss stayed at
    # 2 ln 2 = 1.386 for 200 steps and nothing was reported: each BCE call has one target value
    # (all 1, then all 0), which LG103 took for a GAN discriminator at its equilibrium and never
    # judged. A discriminator's equilibrium needs its weights to move; these barely do.
    events = next_item_run(lr=1e-7, steps=60)
    plateau = first(events, "LG103")
    assert plateau is not None and plateau.step == 39, [(e.code, e.step) for e in events]
    assert "Raise the learning rate" in plateau.fix
    # at the script's 1e-3 the loss falls from 1.39 and nothing is reported
    assert next_item_run(lr=1e-3) == []


def saturated_bce_run(lr: float, steps: int = 50) -> list:
    """pytorch/examples siamese_network's head (Linear layers, Sigmoid, BCELoss, Adadelta) on a
    linearly separable task."""
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    w = torch.randn(16, generator=g)
    model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1), nn.Sigmoid())
    optimizer = torch.optim.Adadelta(model.parameters(), lr=lr)
    criterion = lossguard.watch(model, nn.BCELoss(), console=False)
    for _ in range(steps):
        x = torch.randn(64, 16, generator=g)
        optimizer.zero_grad()
        criterion(model(x).squeeze(1), (x @ w > 0).float()).backward()
        optimizer.step()
    criterion.close()
    return criterion.events


def test_a_plateau_after_a_blow_up_in_the_first_steps_is_told_to_lower_the_learning_rate():
    # pytorch/examples@77f55b9 siamese_network at Adadelta lr 100 (round 9): the BCE loss went
    # 0.68, 0.47, 9.4 and then sat at about 50 (BCELoss clamps log at -100: half the pairs
    # saturated the wrong way) with every ReLU dead; LG103 said "Raise the learning rate (learning
    # rate 100)": its start, the median of the first 30 losses, was the blown-up level itself.
    events = saturated_bce_run(lr=100.0)
    plateau = first(events, "LG103")
    assert plateau is not None and plateau.step == 39
    # LG102 at step 2 (at once since round 35: the update before the jump moved the head by 3.6x its norm; held to
    # step 3 before) and LG105 at step 9 chose 100x from the update size (LG102's since round 18: the largest early
    # update, not the median of those after the jump): the plateau's fix keeps that evidence (round 14; it said "to
    # 10 or less", weaker at the same rate)
    assert plateau.fix.startswith("Lower the learning rate from 100 to 1 or less (100x, chosen from the update size measured by step 2"), plateau.fix
    jump = first(events, "LG102")
    assert jump is not None and jump.fix.startswith("Lower the learning rate from 100 to 1 (100x"), jump.fix
    assert "x its chance level" in plateau.fix
    # the damage began at step 2 (9.4, over twice the first loss), not at the highest loss (68.8 at
    # step 17): the restart is from the start, as LG102's (round 12; it said "restart from a
    # checkpoint taken before the damage")
    assert "start the run again (the damage came at step 2, before any checkpoint)" in plateau.fix, plateau.fix
    assert "the loss rose from step 2 and reached" in plateau.fix and "checkpoint taken" not in plateau.fix
    # at the script's lr 1.0 the loss falls from 0.68 to 0.1 and nothing is reported
    assert saturated_bce_run(lr=1.0) == []


def test_the_factor_to_lower_the_learning_rate_by_follows_the_update_size():
    # siamese_network at Adadelta 1000 (round 11): "Lower the learning rate from 1000 to 100", a rate
    # still 100x the script's 1.0. Adadelta's first steps move the head by about 36 of its norm: the
    # factor that brings that under 0.05 of it is 1000x, and the fix says what chose it
    events = saturated_bce_run(lr=1000.0, steps=12)
    jump, dead = first(events, "LG102"), first(events, "LG105")
    assert jump is not None and dead is not None, events
    assert jump.fix.startswith("Lower the learning rate from 1000 to 1 (1000x, chosen from the update size: 36"), jump.fix
    assert dead.fix is not None and "Lower the learning rate from 1000 to 1 (1000x, chosen from the update size" in dead.fix, dead.fix


# Round 13 (docs/runtime.md "On real scripts, round 13") ------------------------------------------


def summed_scores_run(lr: float, steps: int = 120, seed: int = 0, manual: bool = False) -> list:
    """weihua916/powerful-gnns' GIN in small: a ReLU MLP whose scores are large (GIN sums every
    node's scores over a graph; here x20), CrossEntropyLoss over 2 classes, batches of 16, Adam.
    At a learning rate far too small the weights stay where they began and the batch losses stay
    as noisy as at the start (0.65-1.6 around 1.05). ``manual``: a hand-written SGD update instead."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed + 1)
    model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))
    criterion = lossguard.watch(model, nn.CrossEntropyLoss(), console=False)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(steps):
        x = torch.randn(16, 16, generator=g)
        y = ((x[:, 0] + 0.5 * x[:, 1]) > 0.3).long()
        optimizer.zero_grad()
        criterion(20.0 * model(x), y).backward()
        if manual:
            with torch.no_grad():
                for p in model.parameters():
                    p -= lr * p.grad
        else:
            optimizer.step()
    criterion.close()
    return criterion.events


def test_weights_that_do_not_move_are_a_plateau_however_noisy_the_loss():
    # GIN and MAML at (meta) lr 1e-7 (round 12) were silent: their batch losses swing by half their
    # level, so the fit's optimistic end falls by more than the 5% a still model is allowed. The
    # update says it alone: 7.8e-7 of the weights' norm per step, 1000x under healthy training
    events = summed_scores_run(1e-7)
    plateau = first(events, "LG103")
    assert [e.code for e in events] == ["LG103"] and plateau.step <= 50, events
    assert plateau.fix.startswith("Raise the learning rate from 1e-07 to 0.0001 (1000x, chosen from the update size: 7."), plateau.fix
    # the same model learning (Adam 0.01) and learning slowly (Adam 1e-5) is silent
    assert summed_scores_run(1e-2) == []
    assert summed_scores_run(1e-5) == []
    # a hand-written update has no learning rate to raise: the fit alone decides there, as before
    assert summed_scores_run(1e-6, manual=True) == []


def test_the_rate_suggested_from_the_update_size_is_no_lower_than_it_supports():
    # GIN at Adam 1 (round 12: 15 of the weights per step) was told "from 1 to 0.001", 10x under its
    # default 0.01: the power of ten past what brings the update under the band's top (0.05). The
    # rate is now the band's top's, to one digit: updates of 13.87 per step at 1 call for 0.0036, 0.003
    events = summed_scores_run(1.0, steps=3)
    jump = first(events, "LG102")
    assert jump is not None and jump.fix.startswith("Lower the learning rate from 1 to 0.003 (333.3x, chosen from the update size: 13.87"), jump.fix


def test_a_plateau_of_a_loss_that_dips_now_and_then_never_lasts_0_steps():
    # GIN at Adam 10 (round 12, the losses in tests/runtime/real_scripts/results.json): most batches
    # score 0 and a few 1e3-1e5, the median of the last 30 is 8052; LG103 said "for the last 0 steps"
    # (the last loss was back under its start). Replayed with the run's lr, update and class entropy
    recorded = json.loads((Path(__file__).parents[1] / "real_scripts" / "results.json").read_text())
    losses = recorded["GIN"]["fault2"]["losses"]
    det = LossPlateau()
    found = [
        f
        for i, v in enumerate(losses)
        if (f := det.update(StepStats(i, loss=v, lr=10.0, updated=True, update_ratio=0.0131, chance_loss=0.657, target_entropy=0.657)))
    ]
    assert len(found) == 1 and "for the last 36 steps (their median; 18 of them were back at or below its start)" in found[0].message, found


def learned_weights_run(lr: float, steps: int = 6) -> list:
    """Hui-Li/multi-task-learning-example-PyTorch in small: two regression nets (1024 hidden units
    each) on one input, the loss sum_i exp(-s_i) (y_i - f_i(x))^2 + s_i with learned log-variances
    s_i, Adam with eps 1e-7, the notebook's data (noise 10 and 1), batches of 20; watched as a model
    that computes its own loss."""
    rng = np.random.default_rng(0)
    torch.manual_seed(0)
    x = rng.standard_normal((100, 1))
    targets = [torch.tensor(2 * x + 8 + 10 * rng.standard_normal((100, 1)), dtype=torch.float32)]
    targets.append(torch.tensor(3 * x + 3 + rng.standard_normal((100, 1)), dtype=torch.float32))
    inputs = torch.tensor(x, dtype=torch.float32)
    model = nn.Module()
    model.nets = nn.ModuleList([nn.Sequential(nn.Linear(1, 1024), nn.ReLU(), nn.Linear(1024, 1)) for _ in range(2)])
    model.log_vars = nn.Parameter(torch.zeros(2))
    watcher = lossguard.watch(model, console=False)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, eps=1e-7)
    for _ in range(steps):
        i = torch.randperm(100)[:20]
        terms = [
            torch.exp(-model.log_vars[k]) * (y[i] - net(inputs[i])) ** 2 + model.log_vars[k] for k, (net, y) in enumerate(zip(model.nets, targets))
        ]
        loss = watcher.observe(sum(terms).mean())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    watcher.close()
    return watcher.events


def test_exploding_gradients_take_their_factor_from_the_largest_recent_update():
    # the multi-task notebook at Adam 1 (round 13): LG106 at step 1 said "from 1 to 0.06", from that
    # step's update, 0.74 of weights the first update had already made 50x larger; LG102 a step later
    # "from 1 to 0.001" from the first update (52 of the head's norm). Both now read the largest
    events = learned_weights_run(1.0)
    exploding, jump = first(events, "LG106"), first(events, "LG102")
    assert exploding is not None and jump is not None, events
    assert exploding.fix.startswith("Lower the learning rate from 1 to 0.001 (1000x, chosen from the update size: 51"), exploding.fix
    assert jump.fix.startswith("Lower the learning rate from 1 to 0.001 (1000x"), jump.fix


def meta_learning_run(meta_lr: float, steps: int = 60, seed: int = 0) -> list:
    """dragen1860/MAML-Pytorch's loop in small: per meta step 4 tasks of 5-way classification (each
    class a random prototype in 16 dimensions, 5 support and 5 query examples per class), one inner
    SGD step of 2.0 on the support set by ``torch.autograd.grad`` on fast weights, the query loss of
    the adapted weights averaged over the tasks, one Adam step of the meta learning rate. Every
    ``F.cross_entropy`` call goes through the watcher, as the script's do."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed + 1)
    model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 5))
    cross_entropy = lossguard.watch(model, F.cross_entropy, console=False)
    meta = torch.optim.Adam(model.parameters(), lr=meta_lr)
    for _ in range(steps):
        losses = []
        for _ in range(4):
            protos = torch.randn(5, 16, generator=g)
            y = torch.arange(5).repeat_interleave(5)
            xs, xq = (protos[y] + 0.5 * torch.randn(25, 16, generator=g) for _ in range(2))
            weights = dict(model.named_parameters())
            support = cross_entropy(torch.func.functional_call(model, weights, (xs,)), y)
            grads = torch.autograd.grad(support, list(weights.values()))
            fast = {n: w - 2.0 * dw for (n, w), dw in zip(weights.items(), grads)}
            losses.append(cross_entropy(torch.func.functional_call(model, fast, (xq,)), y))
        loss = torch.stack(losses).mean()
        meta.zero_grad()
        loss.backward()
        meta.step()
    cross_entropy.close()
    return cross_entropy.events


def test_still_meta_weights_are_a_plateau_below_chance_too():
    # MAML at meta lr 1e-7 (rounds 11-13): its query loss, after each task's inner step, sits at 1.3,
    # below chance (ln 5 = 1.61), from the first meta step on, so "within 10% of chance" never held
    # and the run was silent with the meta weights moving 2.2e-7 of their norm per step
    events = meta_learning_run(1e-7)
    plateau = first(events, "LG103")
    assert plateau is not None and plateau.fix.startswith("Raise the learning rate from 1e-07 to 0.0001 (1000x"), events
    # at the script's meta lr 1e-3 the query loss falls and nothing is reported
    assert meta_learning_run(1e-3) == []


# Round 14 (docs/runtime.md "On real scripts, round 14") ------------------------------------------


def test_later_advice_about_a_learning_rate_too_high_never_weakens():
    # pytorch/examples' mnist at Adadelta 1000 (round 14): "from 1000 to 1" at step 1 (the update size),
    # then a spike at step 79, a step with no update measured, "from 1000 to 100" (the default 10x) at
    # the same rate. siamese_network's shape shows the same: LG103 at 39 and LG102 at 42 (41 since round 35) said "to 100"
    events = saturated_bce_run(lr=1000.0, steps=45)
    plateau, spikes = first(events, "LG103"), [e for e in events if e.code == "LG102"]
    assert plateau is not None and len(spikes) == 2, events
    assert spikes[0].fix.startswith("Lower the learning rate from 1000 to 1 (1000x, chosen from the update size: 36"), spikes[0].fix
    # LG102's first report at step 1 (at once since round 35: the update before the jump was 36x the head's norm)
    later = "(1000x, chosen from the update size measured by step 1: 36.12 of the last layer's weights per step"
    assert plateau.fix.startswith("Lower the learning rate from 1000 to 1 or less " + later), plateau.fix
    assert spikes[1].step == 41 and spikes[1].fix.startswith("Lower the learning rate from 1000 to 1 " + later), spikes[1].fix


def test_earlier_update_evidence_follows_a_changed_learning_rate():
    # an update is proportional to the rate: evidence measured at 1000 says a tenth as much at 100, and
    # a larger measurement now replaces it
    evidence = UpdateEvidence()
    assert change_lr(1000.0, moved=36.0, evidence=evidence, step=2).startswith("lower the learning rate from 1000 to 1 (1000x")
    assert change_lr(100.0, evidence=evidence, step=50) == (
        "lower the learning rate from 100 to 1 (100x, chosen from the update size measured by step 2 at learning rate 1000, "
        "scaled to this one: 3.6 of the last layer's weights per step, 72x the 0.05 of healthy training at most)"
    )
    assert change_lr(1000.0, moved=0.2, evidence=evidence, step=60).startswith("lower the learning rate from 1000 to 1 (1000x")
    assert "measured by step 70" not in change_lr(1000.0, moved=50.0, evidence=evidence, step=70)
    assert evidence.step == 70 and evidence.moved == 50.0


def parallel_heads_run(aux: float, steps: int = 40, seed: int = 0) -> list:
    """Hui-Li/multi-task-learning-example-PyTorch's shape with deeper nets: two parallel 3-layer
    regression nets on one input, each its own task, the loss their weighted sum (an auxiliary task
    weighted ``aux``), Adam 1e-3, watched as a model that computes its own loss."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed + 1)
    model = nn.Module()
    model.nets = nn.ModuleList([nn.Sequential(nn.Linear(8, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1)) for _ in range(2)])
    watcher = lossguard.watch(model, console=False)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(steps):
        x = torch.randn(32, 8, generator=g)
        first, second = ((net(x) - y) ** 2 for net, y in zip(model.nets, (2 * x[:, :1], x[:, 1:2] - x[:, 2:3])))
        loss = watcher.observe(aux * first.mean() + second.mean())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    watcher.close()
    return watcher.events


def test_vanishing_gradients_compare_layers_along_one_path_only():
    # the multi-task notebook at Adam 1e-7 (round 13): LG105 compared task 1's input layer with task 2's
    # head, layers of two parallel nets whose gradients scale with different errors, and said "add
    # BatchNorm". Here task 1 is an auxiliary task weighted 1e-4: its first layer gets 5e-6 of task 2's
    # head's gradient, and every layer learns. The first layer compared is now one the head's input
    # depends on (task 2's own), found in the loss's autograd graph
    assert parallel_heads_run(1e-4) == []
    model = nn.Module()
    model.nets = nn.ModuleList([nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 1)) for _ in range(2)])
    layout = lossguard.runtime.layout.Layout(model)
    assert layout.dense == (0, 6) and layout.path_open
    layout.along_path(model.nets[1](torch.randn(2, 8)).sum().grad_fn)
    # two layers on the path, an input layer and the head, have no body between: not compared (the
    # notebook's own 1 -> 1024 -> 1 nets at its healthy rate: 0.0007 at init, LG105 at step 9 otherwise)
    assert layout.dense == (None, 6) and layout.penultimate is None and not layout.path_open
    assert learned_weights_run(1e-3, steps=12) == []
    # a graph without the head is no evidence: looked at again at the next loss
    layout = lossguard.runtime.layout.Layout(model)
    layout.along_path(model.nets[0](torch.randn(2, 8)).sum().grad_fn)
    assert layout.dense == (0, 6) and layout.path_open
    # one sequential net: the module order stands
    net = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 1))
    layout = lossguard.runtime.layout.Layout(net)
    layout.along_path(net(torch.randn(2, 8)).sum().grad_fn)
    assert layout.dense == (0, 4) and layout.penultimate == 2 and not layout.path_open


def small_init_deep_linear_run(optimizer: str, lr: float, steps: int = 200, seed: int = 0) -> list:
    """A deep linear network from a small initialisation leaving its saddle (Saxe et al.'s sigmoidal
    learning curve): four bias-free ``Linear`` layers of width 32 initialised at std 0.02 learn a
    linear map of 16 Gaussian inputs to 4 outputs under MSE, batch 64. The gradient norm starts at
    0.014, where every layer's gradient is the product of the others' tiny weights, and grows as the
    weights do: 260x in 40 steps, while the loss first holds and then falls."""
    torch.manual_seed(seed)
    teacher = torch.randn(16, 4)
    dims = [16, 32, 32, 32, 4]
    model = nn.Sequential()
    for a, b in zip(dims, dims[1:]):
        model.append(nn.Linear(a, b, bias=False))
        nn.init.normal_(model[-1].weight, std=0.02)
    criterion = lossguard.watch(model, nn.MSELoss(), console=False)
    opt = torch.optim.Adam(model.parameters(), lr=lr) if optimizer == "adam" else torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        x = torch.randn(64, 16)
        opt.zero_grad()
        criterion(model(x), x @ teacher).backward()
        opt.step()
    criterion.close()
    return criterion.events


def test_a_gradient_norm_that_grows_while_adam_keeps_the_updates_small_is_no_explosion():
    # usuyama/pytorch-unet under BCE + Dice (round 20, seed 7 of 9 in round 21): LG106 at step 56, "the
    # gradient norm is 2.663, 22.38x the 90th percentile 0.119", while the head's Adam update went from
    # 0.0005 to 0.0007 of its norm and the loss fell from 0.85 to 0.66. Here the same shape from a
    # saddle: the norm 0.014 -> 3.69 by step 40 (LG106 there before this change), the updates held
    assert small_init_deep_linear_run("adam", 1e-3) == []
    # the look-alike: the same network and data under SGD 0.1, whose update grows with the gradient:
    # the escape overshoots (the norm 0.21 -> 1.97 -> 19 at steps 150-170) and the run reaches inf at 287
    events = small_init_deep_linear_run("sgd", 0.1, steps=170)
    exploding = first(events, "LG106")
    assert exploding is not None and exploding.step == 160, [(e.code, e.step) for e in events]
    assert "30.37x the 90th percentile" in exploding.message
    assert exploding.fix.startswith("Lower the learning rate from 0.1 to "), exploding.fix


def perceptual_loss_run(optimizer: str, lr: float, steps: int) -> list:
    """fast_neural_style's loop in small (pytorch/examples, round 22): an image-to-image conv net with
    InstanceNorm trained through a frozen feature network by one watched ``MSELoss`` called twice a step,
    a content term weighted 1e5 and a Gram-matrix style term weighted 1e10 (the script's own weights)."""
    torch.manual_seed(0)
    net = nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1),
        nn.InstanceNorm2d(16, affine=True),
        nn.ReLU(),
        nn.Conv2d(16, 16, 3, padding=1),
        nn.InstanceNorm2d(16, affine=True),
        nn.ReLU(),
        nn.Conv2d(16, 3, 3, padding=1),
    )
    features = nn.Sequential(
        nn.Conv2d(3, 8, 3, padding=1),
        nn.ReLU(),
        nn.Conv2d(8, 16, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1),
        nn.ReLU(),
    )
    features.requires_grad_(False)

    def gram(y):
        b, c, h, w = y.shape
        f = y.view(b, c, h * w)
        return f.bmm(f.transpose(1, 2)) / (c * h * w)

    with torch.no_grad():
        style = gram(features(torch.rand(1, 3, 32, 32) * 255))
    mse = lossguard.watch(net, nn.MSELoss(), console=False)
    opt = torch.optim.Adam(net.parameters(), lr) if optimizer == "adam" else torch.optim.SGD(net.parameters(), lr)
    for _ in range(steps):
        x = torch.rand(4, 3, 32, 32) * 255
        fy, fx = features(net(x)), features(x)
        loss = 1e5 * mse(fy, fx) + 1e10 * mse(gram(fy), style.expand(4, -1, -1))
        opt.zero_grad()
        loss.backward()
        opt.step()
    mse.close()
    return mse.events


def test_a_gradient_thousands_of_times_the_weights_that_adam_turns_into_a_small_update_is_no_explosion():
    # fast_neural_style's healthy run (round 22): LG106 at steps 0 and 104, "the gradient norm is 1.499e+05,
    # 3245x the weight norm", from its loss weights (1e5, 1e10), while Adam moved the last layer by 0.089 of its
    # norm at step 0 and less after. Here: 2.4e6x the weights at step 0 (LG106 there on main's code), silent now
    assert perceptual_loss_run("adam", 1e-3, steps=40) == []
    # the look-alike: the same gradients under SGD 1e-3 reach the weights: reported at step 0, then inf (LG102 at
    # step 1 since round 35, as LG101: the update before it moved the last layer by more than its norm; at 2 before)
    events = perceptual_loss_run("sgd", 1e-3, steps=10)
    assert [(e.code, e.step) for e in events] == [("LG106", 0), ("LG101", 1), ("LG102", 1)]
    assert "2.365e+06x the weight norm" in events[0].message
