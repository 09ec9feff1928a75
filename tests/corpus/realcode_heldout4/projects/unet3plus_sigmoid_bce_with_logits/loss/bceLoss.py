"""part of positive project [LG003, LG010]: the BCE helper imported by the evaluation builds nn.BCELoss with the deprecated size_average=True."""
# Source: https://github.com/avBuffer/UNet3plus_pth loss/bceLoss.py at 263534e4a48964e907324622b14b90f1c3b4270d; re-typed, names changed.
import torch
import torch.nn as nn


def BCE_loss(pred, label):
    criterion = nn.BCELoss(size_average=True)  # expect: LG010
    out = criterion(pred, label)
    return out
