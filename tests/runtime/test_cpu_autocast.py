"""The watcher under CPU autocast (``torch.autocast("cpu", dtype=torch.bfloat16)``) around a real script's forward
and loss (docs/runtime.md, round 36).

The loop is the student of Joyful-Buffalo/simplest-knowledge-distillation at fe45774 (``simplest_models/
students.py``'s ``StudentCnn``: two 5x5 convolutions of 5 channels, max-pooling, a 20-unit layer, 10 logits) trained
with ``CrossEntropyLoss`` and Adam as its ``train_main`` does, on synthetic 28x28 digits, the forward and the loss
inside ``torch.autocast("cpu", dtype=torch.bfloat16)``: the logits are bfloat16, the loss float32 (cross-entropy is
on autocast's float32 list). The watcher must change no number (every loss and the final weights the same to the
bit as the plain criterion's), stay silent on the healthy run, find the learning rate x1000 with its usual advice,
and read bfloat16 probabilities as probabilities (softmax before the loss: LG001).
"""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard


class StudentCnn(nn.Module):
    def __init__(self, c: int = 5) -> None:
        super().__init__()
        self.c = c
        self.conv1 = nn.Conv2d(1, c, kernel_size=5)
        self.conv2 = nn.Conv2d(c, c, kernel_size=5)
        self.fc1 = nn.Linear(c * 4 * 4, 20)
        self.fc2 = nn.Linear(20, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.max_pool2d(F.relu(self.conv1(x)), 2, 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2, 2)
        return self.fc2(F.relu(self.fc1(x.view(-1, self.c * 4 * 4))))


def _train(lr: float, watched: bool, steps: int = 150, softmax_first: bool = False):
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    protos = (torch.rand(10, 1, 28, 28, generator=torch.Generator().manual_seed(7)) < 0.2).float()
    model = StudentCnn()
    criterion = nn.CrossEntropyLoss()
    if watched:
        criterion = lossguard.watch(model, criterion, console=False)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        y = torch.randint(0, 10, (64,), generator=g)
        x = (protos[y] + 0.3 * torch.rand(64, 1, 28, 28, generator=g)).clamp(0, 1)
        optimizer.zero_grad()
        with torch.autocast("cpu", dtype=torch.bfloat16):
            out = model(x)
            assert out.dtype == torch.bfloat16
            loss = criterion(out.softmax(dim=1) if softmax_first else out, y)
        assert loss.dtype == torch.float32
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    events = []
    if watched:
        criterion.close()
        events = criterion.events
    return losses, [p.detach().clone() for p in model.parameters()], events


def test_the_watcher_changes_no_number_under_bf16_autocast_and_a_healthy_run_is_silent():
    plain_losses, plain_params, _ = _train(1e-3, watched=False)
    losses, params, events = _train(1e-3, watched=True)
    assert losses == plain_losses
    assert all(torch.equal(a, b) for a, b in zip(params, plain_params))
    assert losses[-1] < 0.5 * losses[0]  # it learns
    assert events == [], [str(e) for e in events]


def test_a_learning_rate_x1000_under_bf16_autocast_is_found_with_its_advice():
    _, _, events = _train(1.0, watched=True, steps=60)
    assert events, "no event at Adam 1"
    first = events[0]
    assert first.code in {"LG102", "LG105", "LG106"} and first.step <= 12, [str(e) for e in events]
    assert first.fix.startswith("Lower the learning rate from 1 to"), first.fix


def test_bf16_probabilities_into_cross_entropy_are_read_as_probabilities():
    _, _, events = _train(1e-3, watched=True, steps=8, softmax_first=True)
    assert [e.code for e in events][:1] == ["LG001"], [str(e) for e in events]
