"""LG107 on a loss that takes either sign by design (docs/runtime.md, round 35).

Lucasc-99/Actor-Critic (``scripts/cart-pole-a2c.py`` at 0a3adb1, its log-probability fixed) trains an actor and a
critic as two networks; the actor's loss, ``-sum(log p(a) x advantage)`` over an episode, starts near 0 and swings
from -155 to +157 as the episodes lengthen. Seed 3 of its fault-injection shape fell to -117.8 at episode 65, more
than 100 times its first magnitude (0.31) below zero, and LG107 said the loss falls without bound: a false alarm on a
healthy run. A loss of unknown bound that rose back above zero by a tenth of that fall or more is now taken as a loss
of either sign. Real loops on the CPU: the scenario's loop (``scenarios.healthy_two_net_actor_critic``), and a
classifier whose log-likelihood is minimised without its minus sign (the look-alike: it falls and stays below zero).
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

import lossguard
from tests.runtime.fault_injection.scenarios import healthy_two_net_actor_critic
from tests.runtime.helpers import model, task


def test_a_healthy_actor_loss_swinging_both_ways_is_not_a_fall_without_bound():
    out = healthy_two_net_actor_critic(3)
    assert out.events == [], [str(e) for e in out.events]


def test_a_log_likelihood_minimised_without_its_minus_is_still_lg107():
    net = model(0)
    w = lossguard.watch(net, console=False)
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    batch = task(0)
    for _ in range(150):
        x, y = batch()
        loss = w.observe(F.log_softmax(net(x), dim=1).gather(1, y[:, None]).mean() * 10)  # the minus forgotten
        opt.zero_grad()
        loss.backward()
        opt.step()
    w.close()
    found = [e for e in w.events if e.code == "LG107"]
    assert len(found) == 1 and "more than 100 times its first magnitude below zero" in found[0].message, w.events
