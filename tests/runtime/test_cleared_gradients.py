"""Gradients cleared between ``backward()`` and ``step()``: LG017 at run time (docs/runtime.md, round 39).

vwxyzjn/cleanrl at fe8d8a0 (``cleanrl/ppo.py``) with ``optimizer.zero_grad()`` moved after ``loss.backward()`` (a
common slip when a loop is reordered): every ``.grad`` is None when Adam steps, so nothing is updated for the whole run.
PPO's loss swings with the rollouts' returns and goes below zero, so LG103's fit says nothing, and with no gradient at
the step the watcher measured nothing at all: the run was silent. Real loops on the CPU, the script's shape re-typed
small (an actor-critic MLP on random states, a signed surrogate plus a value loss) and a classifier.
"""

from __future__ import annotations

import torch
import torch.nn as nn

import lossguard
from tests.runtime.helpers import model, task


def ppo_like(order: str, steps: int = 60, seed: int = 0):
    """An actor-critic trained on a signed surrogate plus half a value loss, watched through observe(); ``order``:
    "cleared" (zero_grad between backward and step), "healthy", or "accumulate" (4 backwards a step)."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    agent = nn.ModuleDict(
        {
            "actor": nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 2)),
            "critic": nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 1)),
        }
    )
    guard = lossguard.watch(agent, console=False)
    opt = torch.optim.Adam(agent.parameters(), lr=2.5e-4, eps=1e-5)
    backwards = 4 if order == "accumulate" else 1
    for _ in range(steps):
        opt.zero_grad()
        for _ in range(backwards):
            obs = torch.randn(64, 4, generator=g)
            adv = torch.randn(64, generator=g)
            returns = 10 + 5 * torch.randn(64, generator=g)
            logp = torch.log_softmax(agent["actor"](obs), dim=1)[:, 0]
            loss = guard.observe(-(adv * logp.exp()).mean() + 0.5 * ((agent["critic"](obs).squeeze(1) - returns) ** 2).mean())
            loss.backward()
        if order == "cleared":
            opt.zero_grad()
        opt.step()
    guard.close()
    return guard, agent


def test_gradients_cleared_before_every_step_are_lg017():
    # on main: no event in 60 steps
    guard, _ = ppo_like("cleared")
    (ev,) = [e for e in guard.events if e.code == "LG017"]
    assert ev.step == 7 and ev.severity == "error", ev
    assert "none of its 8 trainable parameters had a gradient" in ev.message, ev.message
    assert ev.fix.startswith("Clear the gradients before loss.backward()"), ev.fix


def test_the_same_loop_in_the_right_order_is_silent():
    guard, _ = ppo_like("healthy")
    assert guard.events == []


def test_gradient_accumulation_is_silent():
    guard, _ = ppo_like("accumulate")
    assert guard.events == []


def test_a_model_of_sparse_gradients_alone_is_not_cleared():
    # every gradient is a sparse tensor (not measured): no dense gradient read is no cleared gradient
    torch.manual_seed(0)
    emb = nn.Embedding(100, 8, sparse=True)
    crit = lossguard.watch(emb, nn.MSELoss(), console=False)
    opt = torch.optim.SGD(emb.parameters(), lr=0.1)
    for _ in range(30):
        idx = torch.randint(0, 100, (16,))
        loss = crit(emb(idx), torch.ones(16, 8))
        opt.zero_grad()
        loss.backward()
        opt.step()
    crit.close()
    assert [e for e in crit.events if e.code == "LG017"] == []


def test_a_classifier_whose_gradients_are_cleared_is_lg017_once():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    batch = task(0)
    for _ in range(300):
        x, y = batch()
        loss = crit(net(x), y)
        loss.backward()
        net.zero_grad()
        opt.step()
    crit.close()
    assert [(e.code, e.step) for e in crit.events] == [("LG017", 7)], crit.events
