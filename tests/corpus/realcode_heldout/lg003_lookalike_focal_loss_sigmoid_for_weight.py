"""look-alike [LG003, LG016]: sigmoid focal loss computes probs = torch.sigmoid(logits) only to weight the terms; BCEWithLogitsLoss(reduction='none') gets the logits."""
# Source: issue https://github.com/CoinCheung/pytorch-loss/issues/10 (FocalLossV1 posted in the thread); re-typed,
# names changed. Correct code.
import torch
import torch.nn as nn


class FocalLossV1(nn.Module):
    def __init__(self, alpha=0.25, gamma=2, reduction="mean"):
        super(FocalLossV1, self).__init__()
        self.alpha = alpha
        self.gamma = gamma
        self.reduction = reduction
        self.crit = nn.BCEWithLogitsLoss(reduction="none")

    def forward(self, logits, label):
        logits = logits.float()
        with torch.no_grad():
            alpha = torch.empty_like(logits).fill_(1 - self.alpha)
            alpha[label == 1] = self.alpha
        probs = torch.sigmoid(logits)
        pt = torch.where(label == 1, probs, 1 - probs)
        ce_loss = self.crit(logits, label.double())
        loss = alpha * torch.pow(1 - pt, self.gamma) * ce_loss
        if self.reduction == "mean":
            loss = loss.mean()
        if self.reduction == "sum":
            loss = loss.sum()
        return loss
