"""positive [LG010]: a DeepLab segmentation-loss helper passes its size_average=True parameter on to nn.CrossEntropyLoss(size_average=...) (the fix, titled "fixed size-average deprecation warning", takes and passes reduction='mean')."""

# Source: mkroutikov/pytorch-deeplab-xception@50f30858fc utils/loss.py, fixed in 08723cd19d (cut, renamed)
import torch
import torch.nn as nn


class SegLosses(object):
    def __init__(self, weight=None, size_average=True, batch_average=True, ignore_index=255, cuda=False):
        self.ignore_index = ignore_index
        self.weight = weight
        self.size_average = size_average
        self.batch_average = batch_average
        self.cuda = cuda
        self._criterion = nn.CrossEntropyLoss(weight=self.weight, ignore_index=self.ignore_index, size_average=self.size_average)  # expect: LG010
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
