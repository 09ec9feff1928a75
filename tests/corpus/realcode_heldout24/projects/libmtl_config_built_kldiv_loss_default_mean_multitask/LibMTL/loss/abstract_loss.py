"""part of positive project [LG009]: every loss wrapper records loss.item() and the batch size of each update for the epoch average, and returns the loss tensor."""
# Source: median-research-group/LibMTL at 9c68e548 (v1.1.6, the version issue #30 "更换损失函数时的两个问题" traces through when a user swaps CELoss for KLDivLoss), LibMTL/loss/abstract_loss.py;
# re-typed, docstrings shortened.
import numpy as np


class AbsLoss(object):
    def __init__(self):
        self.record = []
        self.bs = []

    def compute_loss(self, pred, gt):
        pass

    def update_loss(self, pred, gt):
        loss = self.compute_loss(pred, gt)
        self.record.append(loss.item())
        self.bs.append(pred.size()[0])
        return loss

    def average_loss(self):
        record = np.array(self.record)
        bs = np.array(self.bs)
        return (record * bs).sum() / bs.sum()

    def reinit(self):
        self.record = []
        self.bs = []
