"""part of positive project [LG009]: the cross-entropy wrapper hands the task decoder's raw output to nn.CrossEntropyLoss."""
# Source: median-research-group/LibMTL at 9c68e548 (v1.1.6, the version issue #30 "更换损失函数时的两个问题" traces through when a user swaps CELoss for KLDivLoss), LibMTL/loss/CELoss.py;
# re-typed.
import torch.nn as nn

from LibMTL.loss.abstract_loss import AbsLoss


class CELoss(AbsLoss):
    def __init__(self):
        super(CELoss, self).__init__()
        self.loss_fn = nn.CrossEntropyLoss()

    def compute_loss(self, pred, gt):
        loss = self.loss_fn(pred, gt)
        return loss
