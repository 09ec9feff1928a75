"""A least-squares GAN's losses sit at an equilibrium (docs/runtime.md, round 36).

PyTorch-GAN's ``cgan.py`` (eriklindernoren/PyTorch-GAN at 36d3c77) trains a conditional GAN with ``MSELoss``
against targets of 1 and 0. Its healthy runs at the script's own Adam 2e-4 had one or two LG102 reports in each
of four runs (the discriminator's loss from 0.094 to 0.73 at step 69, the generator's from 0.63 to 1.5 at step
36) and LG104 once: the loss of one network rises whenever the other gains. A binary cross-entropy whose every
batch has one target value was already taken for an equilibrium (LG103, LG104); an elementwise loss (MSE, L1,
smooth L1, Huber) whose every batch's targets are all 1 or all 0 now is too, and LG102 judges an equilibrium loss by
its blow-up bound alone. Real loops on the CPU: the script's loop re-typed (``scenarios.least_squares_cgan``),
healthy and at Adam 0.2, and the look-alike, a regression whose targets vary, whose loss jumps when its data
changes. The other look-alike, two contradictory batches of targets 1 and -1 (``scenarios.oscillating_sgd``: still
LG104 at step 39), is tested in ``detectors/test_lg104_loss_oscillation.py``.
"""

from __future__ import annotations

import torch
import torch.nn as nn

import lossguard
from tests.runtime.fault_injection.scenarios import least_squares_cgan


def test_a_healthy_least_squares_gan_is_not_a_spike():
    # on main at 7b7bde9a: LG102 at 152 ("the loss jumped to 0.05093, 4.34x its recent level 0.01174") and at 183
    out = least_squares_cgan(1, steps=200)
    assert out.events == [], [str(e) for e in out.events]


def test_a_least_squares_gan_at_a_rate_far_too_high_is_still_reported_at_step_1():
    out = least_squares_cgan(1, steps=30, lr=0.2)
    spikes = [e for e in out.events if e.code == "LG102"]
    assert [e.step for e in spikes] == [1, 1], [str(e) for e in out.events]  # the generator's and the discriminator's
    assert "its first value" in spikes[0].message and "times their norm" in spikes[0].message
    assert spikes[0].fix.startswith("Lower the learning rate from 0.2 to 0.001")


def test_a_regression_whose_targets_vary_still_spikes_when_its_data_changes():
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
    teacher = torch.randn(8, 1, generator=g)
    crit = lossguard.watch(net, nn.MSELoss(), console=False)
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    for step in range(160):
        x = torch.randn(64, 8, generator=g)
        y = x @ teacher * (6.0 if step >= 120 else 1.0)  # a new data source, six times the scale, from step 120
        opt.zero_grad()
        crit(net(x), y).backward()
        opt.step()
    crit.close()
    spikes = [e for e in crit.events if e.code == "LG102"]
    assert spikes and spikes[0].step == 120, [str(e) for e in crit.events]
    assert "its recent level" in spikes[0].message
