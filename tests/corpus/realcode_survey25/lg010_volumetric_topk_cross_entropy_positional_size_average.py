"""positive [LG010]: a top-k voxel loss subclasses a CrossEntropyLoss subclass and calls its constructor with `size_average` passed positionally as False and `reduce=False`, both deprecated."""

# Source: YtongXie/CoTr@521b4cc nnUNet/nnunet/training/loss_functions/TopK_loss.py, crossentropy.py (re-typed, renamed, cut to the loss)
import numpy as np
import torch
from torch import nn


class SafeCrossEntropy(nn.CrossEntropyLoss):
    def forward(self, logits, target):
        if len(target.shape) == len(logits.shape):
            target = target[:, 0]
        return super().forward(logits, target.long())


class HardestVoxelsLoss(SafeCrossEntropy):
    def __init__(self, weight=None, ignore_index=-100, percent=10):
        self.percent = percent
        super(HardestVoxelsLoss, self).__init__(weight, False, ignore_index, reduce=False)  # expect: LG010

    def forward(self, logits, target):
        target = target[:, 0].long()
        per_voxel = super(HardestVoxelsLoss, self).forward(logits, target)
        count = np.prod(per_voxel.shape, dtype=np.int64)
        hardest, _ = torch.topk(per_voxel.view((-1,)), int(count * self.percent / 100), sorted=False)
        return hardest.mean()
