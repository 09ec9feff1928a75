"""part of positive project [LG003]: the focal loss module computes binary_cross_entropy_with_logits of its inputs, which here are sigmoid outputs."""
# Source: https://github.com/meilfang/LMFD-PAD losses.py at 5c826b1ef4f6739223d434b0f297bfb165486930; re-typed, names changed.
import torch
import torch.nn.functional as F
from torch import nn


class WeightedFocalLoss(nn.Module):
    def __init__(self, alpha=.25, gamma=2):
        super(WeightedFocalLoss, self).__init__()
        self.alpha = torch.tensor([alpha, 1 - alpha]).cuda()
        self.gamma = gamma

    def forward(self, inputs, targets):
        bce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")  # expect: LG003
        targets = targets.type(torch.long)
        at = self.alpha.gather(0, targets.data.view(-1))
        pt = torch.exp(-bce)
        focal = at * (1 - pt) ** self.gamma * bce
        return focal.mean()
