"""part of positive project [LG016]: cd_loss applies torch.sigmoid to its input (already a sigmoid output of DSIFN) right before nn.BCELoss, plus a Dice term on the raw input."""
# Source: https://github.com/GeoZcx/A-deeply-supervised-image-fusion-network-for-change-detection-in-remote-sensing-images
# "pytorch version/loss.py" at 0ddad933493ab85875d09d6b2c92e2bd37b3b68e (issue #1); re-typed, names changed. As in the
# source, the file imports only torch.nn.
import torch.nn as nn


def cd_loss(input, target):
    bce_loss = nn.BCELoss()
    bce_loss = bce_loss(torch.sigmoid(input), target)  # expect: LG016
    smooth = 1.
    iflat = input.view(-1)
    tflat = target.view(-1)
    intersection = (iflat * tflat).sum()
    dic_loss = 1 - ((2. * intersection + smooth) / (iflat.sum() + tflat.sum() + smooth))
    return dic_loss + bce_loss
