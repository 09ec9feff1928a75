"""look-alike [LG013]: float targets of shape (N, C) (manual label smoothing) are probabilities, valid for CrossEntropyLoss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def smooth_one_hot(labels, n_classes, eps=0.1):
    with torch.no_grad():
        dist = torch.full((labels.size(0), n_classes), eps / (n_classes - 1))
        dist.scatter_(1, labels.unsqueeze(1), 1.0 - eps)
    return dist


def train(model, loader, optimizer, n_classes=100):
    ce = nn.CrossEntropyLoss()
    for x, y in loader:
        optimizer.zero_grad()
        logits = model(x)
        loss = ce(logits, smooth_one_hot(y, n_classes)) + 0.1 * F.cross_entropy(logits, y.long())
        loss.backward()
        optimizer.step()
