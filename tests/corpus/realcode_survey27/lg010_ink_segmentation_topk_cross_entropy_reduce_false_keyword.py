"""positive [LG010]: a top-k voxel cross-entropy built on a CrossEntropyLoss subclass passes size_average positionally and reduce=False by keyword to the torch constructor."""

# Source: TingYi028/Kaggle-vesuvius-9th@7578914 villa/segmentation/models/multi-task-3d-unet/training/losses/losses.py (re-typed, renamed, cut to the loss)
import numpy as np
import torch
import torch.nn as nn


class FloatTargetCrossEntropy(nn.CrossEntropyLoss):
    """Targets arrive as float volumes with a channel axis of one."""

    def forward(self, logits, target):
        if target.ndim == logits.ndim:
            target = target[:, 0]
        return super().forward(logits, target.long())


class HardestVoxelsLoss(FloatTargetCrossEntropy):
    def __init__(self, weight=None, ignore_index=-100, percent=10, label_smoothing=0.0):
        self.percent = percent
        super(HardestVoxelsLoss, self).__init__(weight, False, ignore_index, reduce=False, label_smoothing=label_smoothing)  # expect: LG010

    def forward(self, logits, target):
        target = target[:, 0].long()
        per_voxel = super(HardestVoxelsLoss, self).forward(logits, target)
        n_voxels = np.prod(per_voxel.shape, dtype=np.int64)
        hardest, _ = torch.topk(per_voxel.view((-1,)), int(n_voxels * self.percent / 100), sorted=False)
        return hardest.mean()
