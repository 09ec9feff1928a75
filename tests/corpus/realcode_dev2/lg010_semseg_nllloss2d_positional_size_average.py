"""positive [LG010, LG011]: the 2-D cross-entropy and focal losses pass their size_average parameter (default True) to nn.NLLLoss2d by position, and take F.log_softmax / F.softmax of (N, C, H, W) scores without dim."""
# Source: zijundeng/pytorch-semantic-segmentation@4a1721f9a3284788336430efb140288096c6dd09 utils/misc.py; re-typed, reduced
# (the training scripts build CrossEntropyLoss2d(size_average=..., ignore_index=...)).
import torch.nn.functional as F
from torch import nn


class CrossEntropyLoss2d(nn.Module):
    def __init__(self, weight=None, size_average=True, ignore_index=255):
        super(CrossEntropyLoss2d, self).__init__()
        self.nll_loss = nn.NLLLoss2d(weight, size_average, ignore_index)  # expect: LG010

    def forward(self, inputs, targets):
        return self.nll_loss(F.log_softmax(inputs), targets)  # expect: LG011


class FocalLoss2d(nn.Module):
    def __init__(self, gamma=2, weight=None, size_average=True, ignore_index=255):
        super(FocalLoss2d, self).__init__()
        self.gamma = gamma
        self.nll_loss = nn.NLLLoss2d(weight, size_average, ignore_index)  # expect: LG010

    def forward(self, inputs, targets):
        return self.nll_loss((1 - F.softmax(inputs)) ** self.gamma * F.log_softmax(inputs), targets)  # expect: LG011
