"""LG103's fix when the weights stopped moving because an update far too large killed the units (round 36).

Joyful-Buffalo/simplest-knowledge-distillation at fe45774 (``logit_stand_kd_run.py``) distils a student from a
teacher trained in the same script, with logit standardisation: both networks' logits z-scored per example and
divided by the temperature before ``log_softmax``/``softmax`` into ``KLDivLoss(reduction='batchmean')``, times T^2,
plus the label cross-entropy. At Adam 1 (x100) the student's first update moved its head by 7.4 times its norm,
its ReLUs died (LG105 at step 9: "Lower the learning rate from 1 to 0.006"), and its KL, bounded by the
standardisation, stayed flat at 0.19 with the weights still: LG103 at 259 said "Raise the learning rate from 1 to
200". A first layer with exactly zero gradient after an update that moved the last layer by more than its own norm
is now damage, as a blow-up of the loss was: the fix lowers the rate. Real loops on the CPU: the script's
distillation re-typed small (its StudentMLP, a teacher MLP trained 60 steps first, synthetic digits), at Adam 1 and,
the look-alike, at 1e-7 (weights still, units alive: raise it).
"""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard


def _standardised(logits: torch.Tensor, tau: float) -> torch.Tensor:
    centred = logits - logits.mean(dim=1, keepdim=True)
    return centred / (torch.sqrt(logits.var(dim=1, keepdim=True, unbiased=False) + 1e-6) * tau)


def _distil(lr: float, steps: int = 300, seed: int = 1) -> list:
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    protos = (torch.rand(10, 784, generator=torch.Generator().manual_seed(7)) < 0.2).float()

    def batch():
        y = torch.randint(0, 10, (64,), generator=g)
        return (protos[y] + 0.3 * torch.rand(64, 784, generator=g)).clamp(0, 1), y

    teacher = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(teacher.parameters(), lr=0.01)
    for _ in range(60):
        x, y = batch()
        opt.zero_grad()
        F.cross_entropy(teacher(x), y).backward()
        opt.step()
    teacher.eval()
    student = nn.Sequential(nn.Linear(784, 20), nn.ReLU(), nn.Linear(20, 10))
    soft_loss = lossguard.watch(student, nn.KLDivLoss(reduction="batchmean"), console=False)
    opt = torch.optim.Adam(student.parameters(), lr=lr)
    for _ in range(steps):
        x, y = batch()
        opt.zero_grad()
        out = student(x)
        with torch.no_grad():
            target = teacher(x)
        soft = soft_loss(F.log_softmax(_standardised(out, 2.0), dim=1), F.softmax(_standardised(target, 2.0), dim=1)) * 4.0
        (0.5 * soft + 0.5 * F.cross_entropy(out, y)).backward()
        opt.step()
    soft_loss.close()
    return soft_loss.events


def test_a_plateau_of_dead_units_after_an_update_larger_than_the_layer_lowers_the_rate():
    events = _distil(1.0)
    assert [(e.code, e.step) for e in events] == [("LG105", 11), ("LG103", 279)], [str(e) for e in events]
    fix = events[1].fix
    # on main at 7b7bde9a: "Raise the learning rate from 1 to 200 (200x, chosen from the update size: 3.6e-06 ..."
    assert fix.startswith("Lower the learning rate from 1 to 0.006 or less"), fix
    assert "start the run again (the damage came at step 0, before any checkpoint)" in fix
    assert "an earlier update moved the last layer's weights by 7.653 times their norm" in fix


def test_a_plateau_at_a_rate_far_too_small_still_raises_it():
    events = _distil(1e-7, steps=60)
    assert [(e.code, e.step) for e in events] == [("LG103", 39)], [str(e) for e in events]
    assert events[0].fix.startswith("Raise the learning rate from 1e-07 to 0.0001"), events[0].fix
