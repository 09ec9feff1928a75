"""part of look-alike project [LG003, LG016, LG002]: Dice+BCE loss: BCEWithLogits on the logits, sigmoid only for the soft Dice term (no BCELoss)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DiceBCELoss(nn.Module):
    def __init__(self, bce_weight=0.5, smooth=1.0):
        super().__init__()
        self.bce = nn.BCEWithLogitsLoss()
        self.bce_weight = bce_weight
        self.smooth = smooth

    def forward(self, logits, targets):
        bce = self.bce(logits, targets)
        probs = torch.sigmoid(logits)
        inter = (probs * targets).sum(dim=(2, 3))
        union = probs.sum(dim=(2, 3)) + targets.sum(dim=(2, 3))
        dice = 1 - (2 * inter + self.smooth) / (union + self.smooth)
        return self.bce_weight * bce + (1 - self.bce_weight) * dice.mean()


def iou(logits, targets, thr=0.5):
    pred = (torch.sigmoid(logits) > thr).float()
    inter = (pred * targets).sum()
    return (inter / (pred.sum() + targets.sum() - inter + 1e-6)).item()


def bce_probs(probs, targets):
    """Evaluation-only BCE on the probability masks that predict.py produces."""
    return F.binary_cross_entropy(probs.clamp(1e-6, 1 - 1e-6), targets).item()
