"""part of positive project [LG006]: the segmentation losses, plain functions the trainer looks up by name."""

# Source: stratifIAD/unet-pytorch@21aafd4f19 src/lib/loss.py, fixed in fddcdea6f4 (cut, renamed)
import torch
import torch.nn.functional as F


def BCELogitsLoss(y_hat, y, weight=None):
    return F.binary_cross_entropy_with_logits(y_hat, y, pos_weight=weight)


def DiceLoss(y_hat, y):
    y_hat = torch.sigmoid(y_hat)
    inter = (y_hat * y).sum()
    return 1 - (2 * inter + 1) / (y_hat.sum() + y.sum() + 1)
