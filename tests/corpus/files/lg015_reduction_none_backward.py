"""positive [LG015]: CrossEntropyLoss(reduction='none') meant for weighting, but backward() is called on the per-sample vector."""
import torch
import torch.nn as nn

criterion = nn.CrossEntropyLoss(reduction="none")


def train(model, loader, optimizer, sample_weights):
    for idx, x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()  # expect: LG015
        optimizer.step()
