"""LG008 at run time: a KLDivLoss input that is not log-probabilities (docs/runtime.md, round 33).

Real distillation loops on the CPU: a student matching a fixed teacher's softened outputs at temperature 4
through a watched ``nn.KLDivLoss(reduction="batchmean")`` or ``F.kl_div``, and the annotated transformer's
shape of criterion, a module of the user's own whose forward calls an ``nn.KLDivLoss`` attribute (watched
through a hook on that inner loss, lossguard.runtime.inner_loss).
"""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard
from lossguard import catalog
from lossguard.runtime.value_checks import flags

T = 4.0


def nets():
    torch.manual_seed(0)
    teacher = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 10)).eval()
    student = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 10))
    return teacher, student


def distill(criterion, student_side, steps=150, wrap=lambda c: c):
    """Hinton's distillation: the student's softened output against the teacher's soft targets, x T^2."""
    teacher, student = nets()
    crit = lossguard.watch(student, wrap(criterion), console=False)
    opt = torch.optim.Adam(student.parameters(), lr=1e-3)
    g = torch.Generator().manual_seed(1)
    losses = []
    for _ in range(steps):
        x = torch.randn(64, 20, generator=g)
        with torch.no_grad():
            soft = F.softmax(teacher(x) / T, dim=1)
        loss = crit(student_side(student(x) / T), soft) * T * T
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    crit.close()
    return crit, losses


def log_probs(z):
    return F.log_softmax(z, dim=1)


def probs(z):
    return F.softmax(z, dim=1)


def test_kldivloss_given_probabilities_is_lg008_at_step_0_with_the_catalog_fix():
    crit, losses = distill(nn.KLDivLoss(reduction="batchmean"), probs)
    assert losses[-1] < 0  # target * (log target - p): no divergence, it goes below 0
    ev = next(e for e in crit.events if e.code == "LG008")
    assert ev.step == 0 and "not log-probabilities" in ev.message
    assert ev.fix == catalog.get("LG008").fix and "log_softmax" in ev.fix


def test_healthy_distillation_with_temperature_is_silent():
    crit, losses = distill(nn.KLDivLoss(reduction="batchmean"), log_probs)
    assert losses[-1] < 0.5 * losses[0] and crit.events == []


def test_f_kl_div_given_logits_is_lg008():
    crit, _ = distill(F.kl_div, lambda z: z, steps=20)
    assert [e.step for e in crit.events if e.code == "LG008"] == [0]


class LabelSmoothing(nn.Module):
    """The annotated transformer's criterion: KLDivLoss(sum) against a smoothed one-hot distribution."""

    def __init__(self, size, smoothing=0.1):
        super().__init__()
        self.criterion = nn.KLDivLoss(reduction="sum")
        self.size, self.smoothing = size, smoothing

    def forward(self, x, target):
        true_dist = torch.full_like(x, self.smoothing / (self.size - 1))
        true_dist.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing)
        return self.criterion(x, true_dist.detach())


def copy_task(generator_side, steps=120):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Embedding(11, 32), nn.Linear(32, 11))
    crit = lossguard.watch(model, LabelSmoothing(11), console=False)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    g = torch.Generator().manual_seed(2)
    losses = []
    for _ in range(steps):
        tokens = torch.randint(1, 11, (80,), generator=g)
        loss = crit(generator_side(model(tokens)), tokens) / tokens.numel()
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    crit.close()
    return crit, losses


def test_inner_kldivloss_of_a_custom_criterion_given_probabilities_is_lg008():
    crit, losses = copy_task(lambda z: z.softmax(dim=-1))
    assert losses[-1] < 0
    ev = next(e for e in crit.events if e.code == "LG008")
    assert ev.step == 0 and "`criterion`, the KLDivLoss that the watched LabelSmoothing calls" in ev.message
    assert ev.fix == catalog.get("LG008").fix


def test_inner_kldivloss_of_a_custom_criterion_given_log_softmax_is_silent():
    crit, losses = copy_task(lambda z: F.log_softmax(z, dim=-1))
    assert losses[-1] < 0.5 * losses[0]
    assert crit.events == []


def test_inner_loss_check_samples_calls_and_stops_at_close():
    crit, _ = copy_task(lambda z: F.log_softmax(z, dim=-1), steps=3)
    inner = crit.criterion.criterion
    assert not inner._forward_hooks  # the hook goes with the watcher's other hooks


def test_a_pickled_or_copied_criterion_keeps_an_inert_hook():
    import copy
    import io
    import pickle

    torch.manual_seed(0)
    model = nn.Linear(4, 11)
    crit = lossguard.watch(model, LabelSmoothing(11), console=False)
    buf = io.BytesIO()
    torch.save(crit, buf)  # the watcher pickles as its criterion
    buf.seek(0)
    loaded = torch.load(buf, weights_only=False)
    for copied in (loaded, copy.deepcopy(crit.criterion), pickle.loads(pickle.dumps(crit.criterion))):
        assert isinstance(copied, LabelSmoothing)
        x = model(torch.randn(8, 4)).softmax(dim=-1)  # probabilities: a copy reports nothing, to no watcher
        copied(x, torch.randint(0, 11, (8,)))
    crit.close()
    assert crit.events == []


def test_lg008_flag_look_alikes():
    torch.manual_seed(0)
    x = torch.randn(8, 10)
    t = F.softmax(torch.randn(8, 10), dim=1)
    # a distribution on any one axis, or over every axis but the batch's (a saliency map), is log-probabilities
    assert flags("kl", F.log_softmax(x, dim=0), t)["LG008"] == 0
    m = torch.randn(2, 1, 6, 6)
    sal = F.log_softmax(m.flatten(1), dim=1).view_as(m)
    assert flags("kl", sal, F.softmax(torch.randn(2, 36), dim=1).view_as(m))["LG008"] == 0
    # padding rows zeroed on both sides carry no mass; the same row with target mass is reported
    lp, tt = F.log_softmax(x, dim=1), t.clone()
    lp[3], tt[3] = 0.0, 0.0
    assert flags("kl", lp, tt)["LG008"] == 0
    assert flags("kl", lp, t)["LG008"] == 1
    # log-probabilities of the teacher's top 3 classes only (a top-k distillation): their exp sums to under 1
    top = torch.randn(8, 100).topk(3, dim=1).indices
    teacher_top = F.softmax(torch.randn(8, 3), dim=1)
    assert flags("kl", F.log_softmax(torch.randn(8, 100), dim=1).gather(1, top), teacher_top)["LG008"] == 0
    # flat probabilities over 1000 classes (every value under the 0.01 tolerance) are still not normalised in log space
    assert flags("kl", F.softmax(torch.zeros(4, 1000), dim=1), None)["LG008"] == 1
    # bfloat16 log_softmax rows are within the looser tolerance
    assert flags("kl", F.log_softmax(torch.randn(16, 50), dim=1).bfloat16(), None)["LG008"] == 0
