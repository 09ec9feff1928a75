"""positive [LG010]: nn.CrossEntropyLoss(reduce=False) for per-sample weighting; the weighted mean is taken before backward."""
import torch
import torch.nn as nn

criterion = nn.CrossEntropyLoss(reduce=False)  # expect: LG010


def train(model, loader, optimizer):
    for x, y, w in loader:
        optimizer.zero_grad()
        per_sample = criterion(model(x), y)
        loss = (per_sample * w).sum() / w.sum()
        loss.backward()
        optimizer.step()
