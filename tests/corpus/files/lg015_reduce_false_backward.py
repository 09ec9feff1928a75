"""positive [LG010, LG015]: nn.MSELoss(reduce=False) (deprecated) and the unreduced loss goes straight into backward()."""
import torch
import torch.nn as nn

mse = nn.MSELoss(reduce=False)  # expect: LG010


def train(model, loader, optimizer):
    for x, y in loader:
        optimizer.zero_grad()
        per_elem = mse(model(x), y)
        per_elem.backward()  # expect: LG015
        optimizer.step()
