"""positive [LG009]: F.kl_div(..., reduction='mean') between a predicted and a smoothed label distribution in a CTC-free ASR label-smoothing loss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LabelSmoothingKL(nn.Module):
    def __init__(self, n_classes, smoothing=0.1, pad=0):
        super().__init__()
        self.n_classes, self.smoothing, self.pad = n_classes, smoothing, pad

    def forward(self, logits, target):
        true_dist = torch.full_like(logits, self.smoothing / (self.n_classes - 1))
        true_dist.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing)
        return F.kl_div(F.log_softmax(logits, dim=1), true_dist, reduction="mean")  # expect: LG009


def train(model, loader, optimizer):
    crit = LabelSmoothingKL(n_classes=5000)
    for feats, tokens in loader:
        optimizer.zero_grad()
        loss = crit(model(feats).view(-1, 5000), tokens.view(-1))
        loss.backward()
        optimizer.step()
