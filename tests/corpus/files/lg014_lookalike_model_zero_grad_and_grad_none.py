"""look-alike [LG014]: gradients cleared by model.zero_grad() in one loop and by `p.grad = None` in another."""
import torch
import torch.nn as nn


def train_a(model, loader, optimizer):
    criterion = nn.MSELoss()
    for x, y in loader:
        model.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()


def train_b(model, loader, optimizer):
    criterion = nn.MSELoss()
    for x, y in loader:
        for p in model.parameters():
            p.grad = None
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
