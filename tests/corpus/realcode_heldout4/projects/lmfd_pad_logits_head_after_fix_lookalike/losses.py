"""part of look-alike project [LG003, LG016]: the focal loss module computes binary_cross_entropy_with_logits of its inputs, here the raw classifier scores."""
# Source: https://github.com/meilfang/LMFD-PAD losses.py at ba1ab8da43b548b8cb58bfaacd95b7c6a2e626b3; re-typed, names changed.
import torch
import torch.nn.functional as F
from torch import nn


class WeightedFocalLoss(nn.Module):
    def __init__(self, alpha=.25, gamma=2):
        super(WeightedFocalLoss, self).__init__()
        self.alpha = torch.tensor([alpha, 1 - alpha]).cuda()
        self.gamma = gamma

    def forward(self, inputs, targets):
        bce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
        targets = targets.type(torch.long)
        at = self.alpha.gather(0, targets.data.view(-1))
        pt = torch.exp(-bce)
        focal = at * (1 - pt) ** self.gamma * bce
        return focal.mean()
