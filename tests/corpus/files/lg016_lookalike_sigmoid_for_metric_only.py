"""look-alike [LG016, LG003]: BCEWithLogitsLoss on logits; the explicit sigmoid only feeds an accuracy metric, never BCELoss."""
import torch
import torch.nn as nn


def train(model, loader, optimizer):
    criterion = nn.BCEWithLogitsLoss()
    for x, y in loader:
        optimizer.zero_grad()
        logits = model(x)
        loss = criterion(logits, y.float())
        loss.backward()
        optimizer.step()
        acc = ((torch.sigmoid(logits) > 0.5).float() == y).float().mean()
        print(loss.item(), acc.item())
