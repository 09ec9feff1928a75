"""Loops without torch.optim (hand-written updates) and models that compute their own loss."""

from __future__ import annotations

import io
import math

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F
from rich.console import Console

import lossguard
from lossguard.errors import UsageError
from lossguard.runtime.watcher import Watcher
from tests.runtime.helpers import model, nan_at, task
from tests.tb_support import read_run


def manual_sgd(net, crit, steps, lr, batch, corrupt=None):
    """word_language_model's default loop: no optimizer, p.data.add_(p.grad, alpha=-lr); the losses."""
    losses = []
    for step in range(steps):
        x, y = batch()
        if corrupt is not None:
            x = corrupt(step, x)
        net.zero_grad()
        loss = crit(net(x), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 0.25)
        for p in net.parameters():
            p.data.add_(p.grad, alpha=-lr)
        losses.append(loss.item())
    return losses


def test_manual_update_loop_counts_backwards_and_measures_gradients(tmp_path):
    text = io.StringIO()
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=Console(file=text, width=300), log_dir=str(tmp_path))
    manual_sgd(net, crit, 40, 0.5, task())
    crit.close()
    assert crit.step == 40 and crit.events == []
    out = text.getvalue()
    assert out.count("no torch.optim optimizer steps this model") == 1
    acc = read_run(tmp_path)
    norms = [e.step for e in acc.Scalars("lossguard/grad_norm/total")]
    assert norms[:16] == list(range(16)) and 16 in norms and 24 in norms


def test_manual_update_loop_with_a_tiny_lr_is_a_plateau():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    manual_sgd(net, crit, 300, 1e-7, task())
    crit.close()
    plateau = [e for e in crit.events if e.code == "LG103"]
    assert plateau and plateau[0].step < 200
    assert plateau[0].data["update_ratio"] is not None and plateau[0].data["update_ratio"] < 1e-5


def test_manual_update_loop_nan_is_found_at_its_step():
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    manual_sgd(net, crit, 35, 0.5, task(), nan_at(30))
    crit.close()
    assert [(e.code, e.step) for e in crit.events][:1] == [("LG101", 30)]


class TinyGPT(nn.Module):
    """nanoGPT's interface: forward(idx, targets) returns (logits, loss); embedding and head tied."""

    def __init__(self, vocab=32, dim=24, block=8):
        super().__init__()
        torch.manual_seed(0)
        self.wte = nn.Embedding(vocab, dim)
        self.wpe = nn.Embedding(block, dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))
        self.ln = nn.LayerNorm(dim)
        self.lm_head = nn.Linear(dim, vocab, bias=False)
        self.wte.weight = self.lm_head.weight  # weight tying

    def forward(self, idx, targets=None):
        x = self.wte(idx) + self.wpe(torch.arange(idx.shape[1]))
        x = x + self.mlp(self.ln(x))
        logits = self.lm_head(self.ln(x))
        loss = None if targets is None else F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1), ignore_index=-1)
        return logits, loss


def test_model_that_returns_its_own_loss_with_observe():
    net = TinyGPT()
    watcher = lossguard.watch(net, console=False)
    opt = torch.optim.AdamW(net.parameters(), lr=1e-2)
    g = torch.Generator().manual_seed(0)
    text = torch.randint(0, 32, (4096,), generator=g)
    accum = 2
    for it in range(60):
        for _ in range(accum):
            starts = torch.randint(0, 4096 - 9, (16,), generator=g)
            x = torch.stack([text[s : s + 8] for s in starts])
            y = torch.stack([text[s + 1 : s + 9] for s in starts])
            if it == 50:
                x = x.clone()
                net.wpe.weight.data[0, 0] = float("nan")
            logits, loss = net(x, y)
            loss = watcher.observe(loss / accum)
            loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
    watcher.close()
    assert watcher.step == 60 and watcher.calls == 120
    assert [(e.code, e.step) for e in watcher.events][:1] == [("LG101", 50)]


def _shuffled_char_run(observe_classes: bool, steps: int = 250) -> Watcher:
    """TinyGPT on characters with Zipf-like frequencies (entropy 2.15 against ln 32 = 3.47) whose
    targets are shuffled: the best the model can do is predict the character frequencies."""
    net = TinyGPT()
    watcher = lossguard.watch(net, console=False)
    opt = torch.optim.AdamW(net.parameters(), lr=1e-2)
    g = torch.Generator().manual_seed(0)
    freq = torch.arange(1, 33).float() ** -1.5
    text = torch.multinomial(freq / freq.sum(), 8192, replacement=True, generator=g)
    for _ in range(steps):
        starts = torch.randint(0, 8192 - 9, (32,), generator=g)
        x = torch.stack([text[s : s + 8] for s in starts])
        y = torch.stack([text[s + 1 : s + 9] for s in starts])
        y = y.reshape(-1)[torch.randperm(y.numel(), generator=g)].reshape(y.shape)
        logits, loss = net(x, y)
        if observe_classes:
            watcher.observe(loss, logits=logits, targets=y)  # (B, T, V) logits, classes last
        else:
            watcher.observe(loss)
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)
    watcher.close()
    return watcher


def test_observe_with_logits_and_targets_finds_a_loss_stuck_at_the_class_frequency_entropy():
    found = [e for e in _shuffled_char_run(True).events]
    assert [e.code for e in found] == ["LG103"]
    assert 100 <= found[0].step <= 200 and "entropy of the targets' class frequencies" in found[0].message
    # the loss alone says nothing about the targets: the same run is not judged a plateau
    assert _shuffled_char_run(False).events == []


def test_observe_targets_must_be_class_indices():
    net = TinyGPT()
    watcher = lossguard.watch(net, console=False)
    x = torch.randint(0, 32, (2, 8))
    logits, loss = net(x, x)
    with pytest.raises(UsageError, match="integer class-index targets"):
        watcher.observe(loss, logits=logits, targets=x.float())


def test_tied_weights_are_one_parameter_and_not_the_reference_layer():
    from lossguard.runtime.layout import Layout

    layout = Layout(TinyGPT())
    assert layout.names.count("lm_head.weight") + layout.names.count("wte.weight") == 1
    first, last = layout.dense
    assert layout.names[first] == "mlp.0.weight" and layout.names[last] == "mlp.2.weight"
    assert math.isfinite(len(layout.group_tags))


@pytest.mark.parametrize("lr", [1.0, 3.0])
def test_manual_loop_with_clipping_and_a_large_lr_is_not_exploding(lr):
    # SGD with clip_grad_norm_(0.25) and a large lr (word_language_model: 20): large steps are normal there
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False)
    losses = manual_sgd(net, crit, 120, lr, task())
    crit.close()
    assert sum(losses[-10:]) < 0.7 * sum(losses[:10])
    assert not [e for e in crit.events if e.code == "LG106"]


def test_a_nan_loss_from_observe_without_its_inputs_says_what_it_cannot_see():
    # PPO-PyTorch (nikhilbarhate99/PPO-PyTorch@728cce8, docs/runtime.md round 8): a NaN return in a
    # rollout made the observed PPO loss NaN; LG101 said "none of the loss inputs: the loss itself
    # overflowed" and "Compute the loss in a numerically stable form", though the watcher had seen
    # none of the loss's inputs
    torch.manual_seed(0)
    policy = nn.Sequential(nn.Linear(4, 32), nn.Tanh(), nn.Linear(32, 2))
    watcher = lossguard.watch(policy, console=False, announce=False)
    opt = torch.optim.Adam(policy.parameters(), lr=1e-3)
    for step in range(20):
        states, actions = torch.randn(64, 4), torch.randint(0, 2, (64,))
        returns = torch.randn(64)
        if step == 12:
            returns[3] = float("nan")
        logp = torch.log_softmax(policy(states), dim=1).gather(1, actions[:, None]).squeeze(1)
        loss = watcher.observe(-(logp * returns).mean())
        opt.zero_grad()
        loss.backward()
        opt.step()
    watcher.close()
    ev = next(e for e in watcher.events if e.code == "LG101")
    assert ev.step == 12
    assert "whose inputs are not seen" in ev.message and "overflowed" not in ev.message
    assert ev.fix.startswith("Check the tensors this loss is computed from") and "rewards" in ev.fix
    # said to whoever calls observe() (a trainer callback's user never does: rtreal17's Lightning and HF runs)
    assert "If you call `watcher.observe(loss)` yourself, pass `logits=` and `targets=`" in ev.fix
