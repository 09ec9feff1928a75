"""part of positive project [LG010]: the nuclei-segmentation losses: a BCE module that builds nn.BCELoss(weight, size_average) with the deprecated size_average passed by position, Dice and IoU losses on probabilities, and a focal loss built on F.binary_cross_entropy of the sigmoid maps; module-level criterion functions combine them."""
# Source: samuelschen/DSB2018 at 37bf9a68 (read at issue #3, "Implementing Focal loss", which asks about the reduction inside the focal loss in loss.py; unchanged at this commit), loss.py; re-typed, identifiers renamed; the Dice loss and the docstring
# of the focal loss shortened.
import torch
import torch.nn as nn
from torch.nn.functional import binary_cross_entropy


class PixelBCELoss(nn.Module):
    def __init__(self, weight=None, size_average=True):
        super().__init__()
        self.bce = nn.BCELoss(weight, size_average)  # expect: LG010

    def forward(self, inputs, targets):
        return self.bce(inputs, targets)


class JaccardLoss(nn.Module):
    def __init__(self, weight=None, size_average=True):
        super().__init__()

    def forward(self, inputs, targets):
        smooth = 1.
        n = targets.size(0)
        m1 = inputs.view(n, -1)
        m2 = targets.view(n, -1)
        inter = m1 * m2
        score = (inter.sum(1) + smooth) / (m1.sum(1) + m2.sum(1) - inter.sum(1) + smooth)
        return 1. - score.sum() / n


class BinaryFocalLoss(nn.Module):
    def __init__(self, focusing_param=2, balance_param=0.25):
        super().__init__()
        self.gamma = focusing_param
        self.alpha = balance_param

    def forward(self, inputs, targets, weights=None):
        logpt = -binary_cross_entropy(inputs, targets, weights)
        pt = torch.exp(logpt)
        focal = -((1 - pt) ** self.gamma) * logpt
        return self.alpha * focal


def segment_criterion(preds, labels):
    return PixelBCELoss().forward(preds, labels) + JaccardLoss().forward(preds, labels)


def contour_criterion(preds, labels):
    return JaccardLoss().forward(preds, labels)


def focal_criterion(preds, labels, weights):
    return BinaryFocalLoss().forward(preds, labels, weights) + JaccardLoss().forward(preds, labels)
