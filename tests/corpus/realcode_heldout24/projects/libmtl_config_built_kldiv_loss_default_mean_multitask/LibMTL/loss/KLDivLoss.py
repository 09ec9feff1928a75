"""part of positive project [LG009]: the KL wrapper builds nn.KLDivLoss() at its default reduction ('mean' over every element, not the KL divergence) and hands it the task decoder's output and the ground truth as they come."""
# Source: median-research-group/LibMTL at 9c68e548 (v1.1.6, the version issue #30 "更换损失函数时的两个问题" traces through when a user swaps CELoss for KLDivLoss), LibMTL/loss/KLDivLoss.py;
# re-typed.
import torch.nn as nn

from LibMTL.loss.abstract_loss import AbsLoss


class KLDivLoss(AbsLoss):
    def __init__(self):
        super(KLDivLoss, self).__init__()
        self.loss_fn = nn.KLDivLoss()  # expect: LG009

    def compute_loss(self, pred, gt):
        loss = self.loss_fn(pred, gt)
        return loss
