"""LG103 under a learning-rate warm-up that spans the run (docs/runtime.md, round 34).

Round 33's transformer-copy trains 400 steps under Noam's 400-step warm-up: its rate rises at every step, and
LG103 judged nothing while the rate rose, so a base rate of 1e-7 and targets of other sequences both went
unreported. The evidence decides instead: weights that have not moved at all since the first step (under 1e-8 of
their norm per step) are a rate too small whatever the schedule; updates already as large as healthy training's
(1e-3 of the head's norm per step, the median of the last 8 measurements) rule the warm-up out as what holds a flat
loss. Real loops on the CPU: a classifier under the notebook's Noam schedule (400 warm-up steps, the run's 300 all
inside it) or a linear warm-up (LambdaLR), with a criterion of the user's own (no chance level known, as the
transformer's LabelSmoothing).
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

import lossguard
from tests.runtime.helpers import model, task


def one_hot_kl(logits, y):
    """The annotated transformer's criterion's shape: a summed KL to a one-hot distribution, per example."""
    return F.kl_div(F.log_softmax(logits, dim=1), F.one_hot(y, logits.shape[1]).float(), reduction="sum") / len(y)


def noam(warm_up: int, d_model: int = 64):
    """The annotated transformer's rate factor: linear for ``warm_up`` steps, then 1/sqrt(step), times d_model^-0.5."""
    return lambda s: d_model**-0.5 * min((s + 1) ** -0.5, (s + 1) * warm_up**-1.5)


def linear(warm_up: int):
    return lambda s: (s + 1) / warm_up


def warm_run(base_lr: float, factor, shuffle: bool = False, steps: int = 300):
    """Adam at ``base_lr`` times the schedule ``factor`` (LambdaLR); ``shuffle``: targets of other examples
    (shuffled in the batch)."""
    net = model(0, classes=10)
    crit = lossguard.watch(net, one_hot_kl, console=False)
    opt = torch.optim.Adam(net.parameters(), lr=base_lr)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, factor)
    batch = task(0, classes=10)
    losses = []
    for _ in range(steps):
        x, y = batch()
        if shuffle:
            y = y[torch.randperm(len(y))]
        loss = crit(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        losses.append(loss.item())
    crit.close()
    return crit, losses


def test_a_rate_too_small_under_a_warm_up_is_lg103_with_the_schedule_in_the_fix():
    crit, losses = warm_run(1e-7, noam(400))
    events = [e for e in crit.events if e.code == "LG103"]
    assert len(events) == 1, crit.events
    ev = events[0]
    assert ev.step == 99, ev  # the 100th updated step
    assert "the learning rate is rising (a warm-up" in ev.message and "have moved by at most" in ev.message
    assert ev.fix.startswith("Raise the learning rate from") and "1000x" in ev.fix and "base learning rate the schedule scales" in ev.fix, ev.fix


def test_a_long_warm_up_from_zero_at_a_healthy_peak_is_silent():
    # the look-alike: a warm-up over 20,000 steps to Adam 1e-3 moves the head by far more than 1e-8 from its first steps
    crit, losses = warm_run(1e-3, linear(20_000))
    assert crit.events == []


def test_shuffled_targets_once_the_warm_up_has_brought_the_updates_to_size_are_lg103():
    crit, losses = warm_run(0.5, noam(400), shuffle=True)
    ev = next(e for e in crit.events if e.code == "LG103")
    assert 100 <= ev.step <= 300, ev
    assert "the warm-up is not what holds the loss" in ev.message
    assert "check that the targets depend on the inputs" in ev.fix and not ev.fix.startswith("Lower"), ev.fix


def test_real_targets_under_the_same_warm_up_are_silent():
    crit, losses = warm_run(0.5, noam(400))
    assert losses[-1] < 0.5 * losses[0] and crit.events == []


def test_shuffled_targets_early_in_a_long_warm_up_are_not_judged():
    # the updates are still far below healthy training's (the warm-up's first 300 of 20,000 steps): no verdict yet
    crit, losses = warm_run(1e-3, linear(20_000), shuffle=True)
    assert crit.events == []
