"""positive [LG010]: the steel-defect focal loss asks its per-pixel binary cross-entropy for `reduce=False`, the argument torch deprecated for `reduction='none'`, with and without logits."""

# Source: Diyago/Severstal-Steel-Defect-Detection@346a00e common_blocks/losses.py (re-typed, renamed, cut to the class)
import torch
import torch.nn as nn
import torch.nn.functional as F


class FocalLoss(nn.Module):
    def __init__(self, alpha=1, gamma=2, logits=False, reduce=True):
        super().__init__()
        self.alpha = alpha
        self.gamma = gamma
        self.logits = logits
        self.reduce = reduce

    def forward(self, inputs, targets):
        if self.logits:
            bce = F.binary_cross_entropy_with_logits(inputs, targets, reduce=False)  # expect: LG010
        else:
            bce = F.binary_cross_entropy(inputs, targets, reduce=False)  # expect: LG010
        pt = torch.exp(-bce)
        focal = self.alpha * (1 - pt) ** self.gamma * bce
        return torch.mean(focal) if self.reduce else focal
