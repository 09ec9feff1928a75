"""A small real classification task (the runtime tests' one), as tensors a trainer can load."""

from __future__ import annotations

import torch

DIM, CLASSES, BATCH, BATCHES = 16, 4, 32, 10


def dataset(seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """BATCHES batches of BATCH samples labelled by a fixed random linear map."""
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(DIM, CLASSES, generator=g)
    x = torch.randn(BATCH * BATCHES, DIM, generator=g)
    return x, (x @ w).argmax(dim=1)


def mlp(seed: int = 0) -> torch.nn.Sequential:
    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(DIM, 32), torch.nn.ReLU(), torch.nn.Linear(32, CLASSES))


def corrupt(x: torch.Tensor, fault: str) -> torch.Tensor:
    """A bad batch: one NaN feature, or every feature scaled 60x (a unit mix-up)."""
    if fault == "nan":
        x = x.clone()
        x[0, 0] = float("nan")
        return x
    if fault == "scale":
        return x * 60
    raise ValueError(fault)
