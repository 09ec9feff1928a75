"""LG101's first non-finite tensor when the model output and the target are both non-finite (round 37).

Round 36 ran Joyful-Buffalo/simplest-knowledge-distillation at fe45774 (``logit_stand_kd_run.py``) with a NaN pixel
in distillation batch 50: the student's ``KLDivLoss`` target is the teacher's softmax of that image, so it is NaN,
and so is the student's log_softmax of it. The watcher named "the target passed to the loss" and said "Check the
data: this batch's targets hold NaN ... the model and the learning rate are not to blame": the image, not a label,
is what to check. Rule: when the target and the model output are both non-finite while the parameters were finite,
the tensor both are computed from, the step's input batch, is named (a teacher's scores of it; an autoencoder's
target, the batch itself). Real loops on the CPU: the script's distillation re-typed small (a teacher MLP trained
first, a student, z-scored logits at T = 2); an autoencoder; the look-alike, a regression whose labels hold a NaN
and whose inputs are clean, still names the target.
"""

from __future__ import annotations

from typing import Any

import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard

_BAD = 30


def _digits(seed: int):
    g = torch.Generator().manual_seed(seed)
    protos = (torch.rand(10, 784, generator=torch.Generator().manual_seed(7)) < 0.2).float()
    calls = [0]

    def batch(nan_image: bool = False):
        y = torch.randint(0, 10, (64,), generator=g)
        x = (protos[y] + 0.3 * torch.rand(64, 784, generator=g)).clamp(0, 1)
        if nan_image and calls[0] == _BAD:
            x[3, 100] = float("nan")
        calls[0] += 1
        return x, y

    return batch


def _standardised(logits: torch.Tensor, tau: float) -> torch.Tensor:
    centred = logits - logits.mean(dim=1, keepdim=True)
    return centred / (torch.sqrt(logits.var(dim=1, keepdim=True, unbiased=False) + 1e-6) * tau)


def _lg101(events: list) -> Any:
    assert [(e.code, e.step) for e in events][:1] == [("LG101", _BAD)], [str(e) for e in events]
    return events[0]


def test_a_nan_image_under_distillation_names_the_batch_not_the_targets():
    torch.manual_seed(1)
    batch = _digits(1)
    teacher = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(teacher.parameters(), lr=0.01)
    for _ in range(40):
        x, y = batch()
        opt.zero_grad()
        F.cross_entropy(teacher(x), y).backward()
        opt.step()
    teacher.eval()
    batch = _digits(2)
    student = nn.Sequential(nn.Linear(784, 20), nn.ReLU(), nn.Linear(20, 10))
    soft_loss = lossguard.watch(student, nn.KLDivLoss(reduction="batchmean"), console=False)
    opt = torch.optim.Adam(student.parameters(), lr=0.01)
    for _ in range(_BAD + 5):
        x, y = batch(nan_image=True)
        opt.zero_grad()
        out = student(x)
        with torch.no_grad():
            target = teacher(x)
        soft = soft_loss(F.log_softmax(_standardised(out, 2.0), dim=1), F.softmax(_standardised(target, 2.0), dim=1)) * 4.0
        (0.5 * soft + 0.5 * F.cross_entropy(out, y)).backward()
        opt.step()
    soft_loss.close()
    event = _lg101(soft_loss.events)
    # on main at d9bcb710: "first non-finite tensor: the target passed to the loss", "Check the data: this batch's targets"
    assert "first non-finite tensor: the model output (loss input) and the target passed to the loss, both" in event.message, event.message
    assert "computed from this step's input batch" in event.message
    assert event.fix.startswith("Check this step's input batch for NaN or inf"), event.fix


def test_a_nan_image_into_an_autoencoder_names_the_batch():
    torch.manual_seed(3)
    batch = _digits(3)
    model = nn.Sequential(nn.Linear(784, 32), nn.ReLU(), nn.Linear(32, 784), nn.Sigmoid())
    criterion = lossguard.watch(model, nn.MSELoss(), console=False)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(_BAD + 5):
        x, _ = batch(nan_image=True)
        opt.zero_grad()
        criterion(model(x), x).backward()
        opt.step()
    criterion.close()
    event = _lg101(criterion.events)
    assert "computed from this step's input batch" in event.message, event.message
    assert event.fix.startswith("Check this step's input batch for NaN or inf"), event.fix


def test_a_nan_label_with_clean_inputs_still_names_the_target():
    torch.manual_seed(4)
    g = torch.Generator().manual_seed(4)
    w = torch.randn(8, 1, generator=g)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
    criterion = lossguard.watch(model, nn.MSELoss(), console=False)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for step in range(_BAD + 5):
        x = torch.randn(32, 8, generator=g)
        y = x @ w + 0.1 * torch.randn(32, 1, generator=g)
        if step == _BAD:
            y[5, 0] = float("nan")
        opt.zero_grad()
        criterion(model(x), y).backward()
        opt.step()
    criterion.close()
    event = _lg101(criterion.events)
    assert "first non-finite tensor: the target passed to the loss" in event.message, event.message
    assert "both" not in event.message
    assert event.fix.startswith("Check the data: this batch's targets hold NaN or inf"), event.fix
