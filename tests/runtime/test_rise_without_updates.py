"""LG103's advice when the loss rose from its start while the weights never moved (round 38).

Round 38 ran facebookresearch/moco's CIFAR-10 notebook (f736491, ``colab/moco_cifar10_demo.ipynb``) at SGD 1e-7:
MoCo's InfoNCE starts low (the key encoder is a copy of the query encoder and the queue holds random vectors, so the
positive logit stands out: 1.17) and rises towards log(K + 1) as the queue fills with real keys (about 6.9), in the
healthy run as in this one. LG103 found the plateau at step 39, but its fix said "Lower the learning rate from
1e-07 to 1e-08 ... the loss rose from step 1 and reached 7.46 ... the model was broken by updates too large": the
rise was read as a blow-up although no update had moved the last layer by more than 6e-8 of its norm. Rule
(``LossPlateau._fix``): a rise to 5x the start (or twice the chance level) counts as a blow-up only when some update
moved the last layer by at least ``still`` of its norm; below that the updates cannot have caused it, and the small
updates decide the advice (raise the learning rate). Real loops on the CPU: the notebook's loss re-typed small (an
MLP encoder on noisy views of 10 prototypes, a momentum key encoder, a queue of 256 negatives, temperature 0.1);
the look-alike, the same loop at SGD 3: the updates are large and the fix lowers the learning rate.
"""

from __future__ import annotations

from typing import Any

import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard


def _moco(lr: float, steps: int = 90) -> list[Any]:
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    protos = torch.randn(10, 32, generator=g)
    encoder_q = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 32))
    encoder_k = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 32))
    encoder_k.load_state_dict(encoder_q.state_dict())
    for p in encoder_k.parameters():
        p.requires_grad = False
    queue = F.normalize(torch.randn(32, 256, generator=g), dim=0)
    ptr = 0
    criterion = lossguard.watch(encoder_q, nn.CrossEntropyLoss(), console=False)
    opt = torch.optim.SGD(encoder_q.parameters(), lr=lr, momentum=0.9, weight_decay=5e-4)
    for _ in range(steps):
        x = protos[torch.randint(0, 10, (32,), generator=g)]
        view_q = x + 0.3 * torch.randn(32, 32, generator=g)
        view_k = x + 0.3 * torch.randn(32, 32, generator=g)
        with torch.no_grad():
            for pq, pk in zip(encoder_q.parameters(), encoder_k.parameters()):
                pk.data = pk.data * 0.99 + pq.data * 0.01
            k = F.normalize(encoder_k(view_k), dim=1)
        q = F.normalize(encoder_q(view_q), dim=1)
        logits = torch.cat([(q * k).sum(1, keepdim=True), q @ queue.clone().detach()], dim=1) / 0.1
        loss = criterion(logits, torch.zeros(32, dtype=torch.long))
        opt.zero_grad()
        loss.backward()
        opt.step()
        queue[:, ptr : ptr + 32] = k.t()
        ptr = (ptr + 32) % 256
    criterion.close()
    return list(criterion.events)


def test_a_contrastive_loss_rising_as_its_queue_fills_at_a_tiny_learning_rate_asks_for_a_higher_one():
    events = _moco(1e-7)
    plateau = [e for e in events if e.code == "LG103"]
    assert plateau, [str(e) for e in events]
    assert plateau[0].fix.startswith("Raise the learning rate from 1e-07"), plateau[0].fix
    assert "too large" not in plateau[0].fix, plateau[0].fix


def test_the_same_loop_at_a_learning_rate_far_too_high_is_told_to_lower_it():
    events = _moco(3.0)
    assert events, "nothing reported at SGD 3"
    assert "Lower the learning rate from 3" in events[0].fix, [f"{e.code}@{e.step}: {e.fix}" for e in events]
