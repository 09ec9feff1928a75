"""part of look-alike project [LG006]: the mean Dice loss over the classes of a 3-D segmentation (one-hot targets)."""

# Source: lee-zq/3DUNet-Pytorch@ca1c71ca6a utils/metrics.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn


class DiceMeanLoss(nn.Module):
    def __init__(self):
        super(DiceMeanLoss, self).__init__()

    def forward(self, logits, targets):
        class_num = logits.size()[1]
        dice_sum = 0
        for i in range(class_num):
            inter = torch.sum(logits[:, i, :, :, :] * targets[:, i, :, :, :])
            union = torch.sum(logits[:, i, :, :, :]) + torch.sum(targets[:, i, :, :, :])
            dice = (2. * inter + 1) / (union + 1)
            dice_sum += dice
        return 1 - dice_sum / class_num
