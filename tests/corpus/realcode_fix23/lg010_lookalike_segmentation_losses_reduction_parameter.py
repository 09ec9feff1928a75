"""look-alike [LG010]: the same segmentation-loss helper at the fix commit: a reduction='mean' parameter passed on as reduction=."""

# Source: mkroutikov/pytorch-deeplab-xception@08723cd19d utils/loss.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn


class SegLosses(object):
    def __init__(self, weight=None, reduction="mean", batch_average=True, ignore_index=255, cuda=False):
        self.ignore_index = ignore_index
        self.weight = weight
        self.reduction = reduction
        self.batch_average = batch_average
        self.cuda = cuda
        self._criterion = nn.CrossEntropyLoss(weight=self.weight, ignore_index=self.ignore_index, reduction=self.reduction)
        if self.cuda:
            self._criterion = self._criterion.cuda()

    def build_loss(self, mode="ce"):
        if mode == "ce":
            return self.cross_entropy
        elif mode == "focal":
            return self.focal
        else:
            raise NotImplementedError

    def cross_entropy(self, logit, target):
        n, c, h, w = logit.size()
        loss = self._criterion(logit, target.long())
        if self.batch_average:
            loss /= n
        return loss

    def focal(self, logit, target, gamma=2, alpha=0.5):
        n, c, h, w = logit.size()
        logpt = -self._criterion(logit, target.long())
        pt = torch.exp(logpt)
        if alpha is not None:
            logpt *= alpha
        loss = -((1 - pt) ** gamma) * logpt
        if self.batch_average:
            loss /= n
        return loss
