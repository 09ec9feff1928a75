"""look-alike [LG010, LG007, LG005]: a focal loss subclassing torch's _WeightedLoss forwards size_average/reduce (None by default) to the base class, like torch's own losses, and applies nll_loss to log_softmax; the user passes reduction=."""
import torch
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss


class FocalLoss(_WeightedLoss):
    def __init__(self, weight=None, size_average=None, reduce=None, reduction="mean", gamma=2.0, ignore_index=-100):
        super().__init__(weight, size_average, reduce, reduction)
        self.gamma = gamma
        self.ignore_index = ignore_index

    def forward(self, input, target):
        log_p = F.log_softmax(input, dim=1)
        ce = F.nll_loss(log_p, target, weight=self.weight, ignore_index=self.ignore_index, reduction="none")
        p_t = torch.exp(-ce)
        loss = (1 - p_t) ** self.gamma * ce
        if self.reduction == "mean":
            return loss.mean()
        if self.reduction == "sum":
            return loss.sum()
        return loss


def make_criterion(class_counts):
    weights = 1.0 / torch.as_tensor(class_counts, dtype=torch.float)
    return FocalLoss(weight=weights / weights.sum(), reduction="mean", gamma=1.5)
