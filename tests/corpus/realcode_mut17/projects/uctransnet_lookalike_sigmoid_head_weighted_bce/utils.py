"""part of look-alike project [LG003]: the segmentation loss, a weighted BCE on the probabilities plus a weighted Dice loss (the repository's code)."""
# Source: McGregorWwww/UCTransNet@493bd8136b utils.py (WeightedBCE, WeightedDiceLoss, WeightedDiceBCE, re-typed)
import torch
import torch.nn as nn
import torch.nn.functional as F


class WeightedBCE(nn.Module):
    def __init__(self, weights=[0.4, 0.6]):
        super().__init__()
        self.weights = weights

    def forward(self, logit_pixel, truth_pixel):
        logit = logit_pixel.view(-1)
        truth = truth_pixel.view(-1)
        assert logit.shape == truth.shape
        loss = F.binary_cross_entropy(logit, truth, reduction="none")
        pos = (truth > 0.5).float()
        neg = (truth < 0.5).float()
        pos_weight = pos.sum().item() + 1e-12
        neg_weight = neg.sum().item() + 1e-12
        return (self.weights[0] * pos * loss / pos_weight + self.weights[1] * neg * loss / neg_weight).sum()


class WeightedDiceLoss(nn.Module):
    def __init__(self, weights=[0.5, 0.5]):
        super().__init__()
        self.weights = weights

    def forward(self, logit, truth, smooth=1e-5):
        batch_size = len(logit)
        logit = logit.view(batch_size, -1)
        truth = truth.view(batch_size, -1)
        w = truth.detach() * (self.weights[1] - self.weights[0]) + self.weights[0]
        p = w * logit
        t = w * truth
        intersection = (p * t).sum(-1)
        union = (p * p).sum(-1) + (t * t).sum(-1)
        return (1 - (2 * intersection + smooth) / (union + smooth)).mean()


class WeightedDiceBCE(nn.Module):
    def __init__(self, dice_weight=1, BCE_weight=1):
        super().__init__()
        self.BCE_loss = WeightedBCE(weights=[0.5, 0.5])
        self.dice_loss = WeightedDiceLoss(weights=[0.5, 0.5])
        self.BCE_weight = BCE_weight
        self.dice_weight = dice_weight

    def forward(self, inputs, targets):
        dice = self.dice_loss(inputs, targets)
        BCE = self.BCE_loss(inputs, targets)
        return self.dice_weight * dice + self.BCE_weight * BCE
