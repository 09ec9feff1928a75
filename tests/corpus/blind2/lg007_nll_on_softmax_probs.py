"""positive [LG007]: an ensemble-of-heads classifier averages softmax probabilities and passes the average (not its log) to F.nll_loss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiHeadClassifier(nn.Module):
    def __init__(self, dim, n_classes, n_heads=4):
        super().__init__()
        self.heads = nn.ModuleList([nn.Linear(dim, n_classes) for _ in range(n_heads)])

    def forward(self, feats):
        return torch.stack([h(feats) for h in self.heads], dim=0)


def train_step(encoder, clf, x, y, optim):
    head_logits = clf(encoder(x))
    mean_prob = F.softmax(head_logits, dim=-1).mean(dim=0)
    loss = F.nll_loss(mean_prob, y)  # expect: LG007
    optim.zero_grad()
    loss.backward()
    optim.step()
    return loss.item()
