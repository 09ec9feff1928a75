"""part of positive project [LG006]: the segmentation criteria: a weighted Dice + BCE for one label, a soft Dice + CrossEntropyLoss for several; _show_dice returns 1 - the Dice loss of the same predictions."""
# Source: McGregorWwww/UDTransNet@46575873ef675acdc5d0aa5f79d5e48e99126339 utils.py (read as is; its issues #14 and #21 report GPU memory growing during training, and a comment on #21 names loss_sum += loss; re-typed, identifiers renamed, cut at class and function boundaries: the metrics, the LR scheduler and save_on_batch left out)
import torch
import torch.nn as nn
from torch.nn.modules.loss import CrossEntropyLoss


class WeightedBCE(nn.Module):

    def __init__(self, weights=[0.5, 0.5]):
        super(WeightedBCE, self).__init__()
        self.weights = weights

    def forward(self, pred_pixel, truth_pixel):
        p = pred_pixel.view(-1)
        t = truth_pixel.view(-1)
        assert p.shape == t.shape
        loss = torch.nn.functional.binary_cross_entropy(p, t, reduction='none')
        pos = (t > 0.5).float()
        neg = (t < 0.5).float()
        n_pos = pos.sum().item() + 1e-12
        n_neg = neg.sum().item() + 1e-12
        return (self.weights[0] * pos * loss / n_pos + self.weights[1] * neg * loss / n_neg).sum()


class WeightedDiceLoss(nn.Module):
    def __init__(self, weights=[0.5, 0.5]):
        super(WeightedDiceLoss, self).__init__()
        self.weights = weights

    def forward(self, pred, truth, smooth=1e-5):
        bs = len(pred)
        p = pred.view(bs, -1)
        t = truth.view(bs, -1)
        assert p.shape == t.shape
        w = t.detach()
        w = w * (self.weights[1] - self.weights[0]) + self.weights[0]
        p = w * p
        t = w * t
        inter = (p * t).sum(-1)
        union = (p * p).sum(-1) + (t * t).sum(-1)
        dice = 1 - (2 * inter + smooth) / (union + smooth)
        return dice.mean()


class BinaryDiceBCE(nn.Module):
    def __init__(self, dice_weight=1, BCE_weight=1):
        super(BinaryDiceBCE, self).__init__()
        self.BCE_loss = WeightedBCE(weights=[0.5, 0.5])
        self.dice_loss = WeightedDiceLoss(weights=[0.5, 0.5])
        self.BCE_weight = BCE_weight
        self.dice_weight = dice_weight

    def _show_dice(self, inputs, targets):
        inputs[inputs >= 0.5] = 1
        inputs[inputs < 0.5] = 0
        targets[targets > 0] = 1
        targets[targets <= 0] = 0
        return 1.0 - self.dice_loss(inputs, targets)

    def forward(self, inputs, targets):
        dice = self.dice_loss(inputs, targets)
        bce = self.BCE_loss(inputs, targets)
        return self.dice_weight * dice + self.BCE_weight * bce


class DiceLoss(nn.Module):
    def __init__(self, n_classes):
        super(DiceLoss, self).__init__()
        self.n_classes = n_classes

    def _one_hot_encoder(self, x):
        parts = []
        for i in range(self.n_classes):
            parts.append((x == i).unsqueeze(1))
        return torch.cat(parts, dim=1).float()

    def _dice_loss(self, score, target):
        target = target.float()
        smooth = 1e-5
        inter = torch.sum(score * target)
        y_sum = torch.sum(target * target)
        z_sum = torch.sum(score * score)
        return 1 - (2 * inter + smooth) / (z_sum + y_sum + smooth)

    def forward(self, inputs, target, weight=None, softmax=False):
        if softmax:
            inputs = torch.softmax(inputs, dim=1)
        target = self._one_hot_encoder(target)
        if weight is None:
            weight = [1] * self.n_classes
        assert inputs.size() == target.size()
        loss = 0.0
        for i in range(0, self.n_classes):
            d = self._dice_loss(inputs[:, i], target[:, i])
            loss += d * weight[i]
        return loss / self.n_classes


class MultiClassDiceCE(nn.Module):
    def __init__(self, num_classes=9):
        super(MultiClassDiceCE, self).__init__()
        self.CE_loss = CrossEntropyLoss()
        self.dice_loss = DiceLoss(num_classes)
        self.CE_weight = 0.5
        self.dice_weight = 0.5

    def _show_dice(self, inputs, targets, softmax=True):
        return 1.0 - self.dice_loss(inputs, targets, softmax=softmax)

    def forward(self, inputs, targets, softmax=True):
        dice = self.dice_loss(inputs, targets, softmax=softmax)
        ce = self.CE_loss(inputs, targets)
        return self.dice_weight * dice + self.CE_weight * ce
