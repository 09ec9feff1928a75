"""part of look-alike project [LG002, LG003, LG006, LG015]: both heat-map focal losses take logits: the CornerNet one through logsigmoid, the quality focal loss through binary_cross_entropy_with_logits on the logits, with a sigmoid of the same logits only for the modulating factor."""
# Source: gau-nernst/centernet-lightning at 2b7aa422 (the fix "minor fixes": QualityFocalLossWithLogits's method
# named __format__ becomes forward and its binary_cross_entropy becomes binary_cross_entropy_with_logits),
# src/losses/focal_loss.py; re-typed, identifiers renamed, docstrings shortened.
import torch
from torch import nn
import torch.nn.functional as F

__all__ = ["ModifiedFocalLossWithLogits", "QualityFocalLossWithLogits"]


class ModifiedFocalLossWithLogits(nn.Module):
    """CornerNet's focal loss on a Gaussian heat map, with logsigmoid for stability."""

    def __init__(self, alpha: float = 2, beta: float = 4, reduction: str = "sum"):
        super().__init__()
        assert reduction in ("none", "sum", "mean")
        self.alpha = alpha
        self.beta = beta
        self.reduction = reduction

    def forward(self, inputs: torch.Tensor, targets: torch.Tensor):
        pos_w = targets.eq(1).float()
        neg_w = torch.pow(1 - targets, self.beta)
        probs = torch.sigmoid(inputs)
        pos = -(1 - probs) ** self.alpha * F.logsigmoid(inputs) * pos_w
        neg = -probs ** self.alpha * F.logsigmoid(-inputs) * neg_w
        loss = pos + neg
        if self.reduction == "sum":
            return torch.sum(loss)
        if self.reduction == "mean":
            return torch.sum(loss) / torch.sum(pos_w)
        return loss


class QualityFocalLossWithLogits(nn.Module):
    """Quality focal loss (Generalized Focal Loss v1) on logits."""

    def __init__(self, beta: float = 2, reduction: str = "sum"):
        super().__init__()
        assert reduction in ("none", "sum", "mean")
        self.beta = beta
        self.reduction = reduction

    def forward(self, inputs: torch.Tensor, targets: torch.Tensor):
        probs = torch.sigmoid(inputs)
        ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
        modulating = torch.abs(targets - probs) ** self.beta
        loss = modulating * ce
        if self.reduction == "sum":
            return torch.sum(loss)
        if self.reduction == "mean":
            return torch.sum(loss) / targets.eq(1).float().sum()
        return loss
