"""Small real training loops shared by the runtime tests."""

from __future__ import annotations

import torch
import torch.nn as nn


def task(seed: int = 0, n: int = 64, dim: int = 16, classes: int = 4):
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(dim, classes, generator=g)

    def batch():
        x = torch.randn(n, dim, generator=g)
        return x, (x @ w).argmax(dim=1)

    return batch


def model(seed: int = 0, dim: int = 16, classes: int = 4, depth: int = 2) -> nn.Module:
    torch.manual_seed(seed)
    layers: list[nn.Module] = []
    d = dim
    for _ in range(depth):
        layers += [nn.Linear(d, 32), nn.ReLU()]
        d = 32
    return nn.Sequential(*layers, nn.Linear(d, classes))


def train(net, criterion, steps, seed=0, lr=0.05, opt=None, corrupt=None):
    batch = task(seed)
    opt = opt or torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9)
    for step in range(steps):
        x, y = batch()
        if corrupt is not None:
            x = corrupt(step, x)
        opt.zero_grad()
        loss = criterion(net(x), y)
        loss.backward()
        opt.step()
    return opt


def nan_at(*steps: int):
    """A ``corrupt`` for :func:`train`: a NaN in the input batch at each of ``steps``."""

    def corrupt(step, x):
        if step in steps:
            x = x.clone()
            x[0, 0] = float("nan")
        return x

    return corrupt
