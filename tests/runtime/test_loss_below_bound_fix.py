"""LG107's fix follows the watched loss (docs/runtime.md, round 34).

A watched NLLLoss, KLDivLoss or CTCLoss goes below 0 only when its input is not log-probabilities: LG107's fix is
then the fix of that loss's input problem (LG007, LG008, LG012), not the catalog's generic text (which names NLLLoss
and a VAE's KL sign, wrong for a distillation's KLDivLoss: round 33's kd-tutorial). Real loops on the CPU.
"""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard
from lossguard import catalog
from tests.runtime.test_bounds import VAE, mnist_like
from tests.runtime.test_kldiv_input import distill, probs


def lg107(crit):
    return next(e for e in crit.events if e.code == "LG107")


def test_kldivloss_given_probabilities_lg107_fix_names_the_kldivloss_input():
    crit, losses = distill(nn.KLDivLoss(reduction="batchmean"), probs)
    assert losses[-1] < 0
    ev = lg107(crit)
    assert ev.step == 0
    assert ev.fix.startswith("Pass `log_softmax(student, dim=-1)` as the input") and "KLDivLoss" in ev.fix, ev.fix
    assert "NLLLoss" not in ev.fix and "VAE" not in ev.fix


def test_nllloss_given_raw_scores_lg107_fix_names_log_softmax_before_nllloss():
    crit, _ = mnist_like(nn.NLLLoss(), lambda out: out)
    ev = lg107(crit)
    assert catalog.get("LG007").fix.rstrip(".") in ev.fix and "the watched loss is a NLLLoss" in ev.fix, ev.fix
    assert "VAE" not in ev.fix


def ctc_run(log_softmax: bool, steps: int = 40):
    """A small CTC recogniser: 40 frames of 8 features, 5 symbols and the blank, labels of 4 symbols."""
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 6))
    crit = lossguard.watch(net, nn.CTCLoss(blank=0), console=False)
    opt = torch.optim.Adam(net.parameters(), lr=3e-3)
    g = torch.Generator().manual_seed(1)
    losses = []
    for _ in range(steps):
        labels = torch.randint(1, 6, (16, 4), generator=g)
        frames = F.one_hot(labels.repeat_interleave(10, dim=1), 8).float() + 0.3 * torch.randn(16, 40, 8, generator=g)
        out = net(frames).transpose(0, 1)  # (T, N, C)
        out = out.log_softmax(2) if log_softmax else out
        loss = crit(out, labels, torch.full((16,), 40), torch.full((16,), 4))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    crit.close()
    return crit, losses


def test_ctcloss_given_raw_activations_lg107_fix_names_log_softmax_before_ctcloss():
    crit, losses = ctc_run(log_softmax=False)
    assert min(losses) < 0
    ev = lg107(crit)
    assert ev.fix.startswith("Apply `log_softmax(dim=2)`") and "CTCLoss" in ev.fix, ev.fix


def test_ctcloss_given_log_softmax_is_silent():
    crit, losses = ctc_run(log_softmax=True, steps=60)
    assert losses[-1] < losses[0] and crit.events == []


def test_a_loss_of_unknown_bound_keeps_the_catalog_fix():
    # the look-alike: a VAE whose KL term is subtracted is no built-in loss; its fix stays the catalog's (the KL sign)
    def flipped(recon, x, mu, logvar):
        return F.binary_cross_entropy(recon, x, reduction="sum") + 0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())

    net = VAE()
    crit = lossguard.watch(net, flipped, console=False)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    g = torch.Generator().manual_seed(0)
    for _ in range(150):
        x = torch.rand(32, 16, generator=g)
        recon, mu, logvar = net(x)
        loss = crit(recon, x, mu, logvar)
        opt.zero_grad()
        loss.backward()
        opt.step()
    crit.close()
    ev = lg107(crit)
    assert ev.fix == catalog.get("LG107").fix
