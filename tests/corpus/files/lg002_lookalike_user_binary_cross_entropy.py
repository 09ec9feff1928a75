"""look-alike [LG002, LG003]: a user-defined `binary_cross_entropy(logits, y)` is the stable logits form; Linear output into it is correct."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def binary_cross_entropy(logits, targets, label_smoothing=0.0):
    """Numerically stable BCE computed from logits."""
    targets = targets * (1 - label_smoothing) + 0.5 * label_smoothing
    return (F.softplus(logits) - targets * logits).mean()


class Ranker(nn.Module):
    def __init__(self, d=64):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(2 * d, 128), nn.ReLU(), nn.Linear(128, 1))

    def forward(self, q, doc):
        return self.mlp(torch.cat([q, doc], dim=-1)).squeeze(-1)


ranker = Ranker()
opt = torch.optim.Adam(ranker.parameters(), lr=1e-3)


def train(loader, epochs=3):
    for _ in range(epochs):
        for q, doc, clicked in loader:
            opt.zero_grad()
            loss = binary_cross_entropy(ranker(q, doc), clicked.float(), label_smoothing=0.05)
            loss.backward()
            opt.step()
