"""part of positive project [LG010]: the decoupled KD loss passes the deprecated size_average=False to F.kl_div next to reduction=, so PyTorch sums over the batch and the configured reduction ('batchmean' by default, 'mean' in the shipped config) is ignored."""
# Source: open-mmlab/mmrazor at 90c7af1f (read as is; the call is unchanged since a1937fd5 "[Feature] Add Decoupled KD Loss
# (#222)"), mmrazor/models/losses/decoupled_kd.py; re-typed, identifiers renamed; docstrings cut.
import torch
import torch.nn as nn
import torch.nn.functional as F

from mmrazor.registry import MODELS


@MODELS.register_module()
class DKDLoss(nn.Module):
    def __init__(
        self,
        tau: float = 1.0,
        alpha: float = 1.0,
        beta: float = 1.0,
        reduction: str = 'batchmean',
        loss_weight: float = 1.0,
    ) -> None:
        super(DKDLoss, self).__init__()
        self.tau = tau
        allowed = {'none', 'batchmean', 'sum', 'mean'}
        assert reduction in allowed, f'KLDivergence supports reduction {allowed}, but gets {reduction}.'
        self.reduction = reduction
        self.alpha = alpha
        self.beta = beta
        self.loss_weight = loss_weight

    def forward(self, preds_S: torch.Tensor, preds_T: torch.Tensor, gt_labels: torch.Tensor) -> torch.Tensor:
        gt_mask = self._gt_mask(preds_S, gt_labels)
        tckd = self._target_class_kd(preds_S, preds_T, gt_labels, gt_mask)
        nckd = self._non_target_class_kd(preds_S, preds_T, gt_mask)
        loss = self.alpha * tckd + self.beta * nckd
        return self.loss_weight * loss

    def _non_target_class_kd(self, preds_S, preds_T, gt_mask):
        s_log = F.log_softmax(preds_S / self.tau - 1000.0 * gt_mask, dim=1)
        t_prob = F.softmax(preds_T / self.tau - 1000.0 * gt_mask, dim=1)
        return self._kl(s_log, t_prob)

    def _target_class_kd(self, preds_S, preds_T, gt_labels, gt_mask):
        other_mask = self._other_mask(preds_S, gt_labels)
        s_prob = F.softmax(preds_S / self.tau, dim=1)
        t_prob = F.softmax(preds_T / self.tau, dim=1)
        s_bin = torch.log(self._cat_mask(s_prob, gt_mask, other_mask))
        t_bin = self._cat_mask(t_prob, gt_mask, other_mask)
        return self._kl(s_bin, t_bin)

    def _kl(self, preds_S, preds_T):
        kl = F.kl_div(  # expect: LG010
            preds_S, preds_T, size_average=False,
            reduction=self.reduction) * self.tau**2
        return kl

    def _cat_mask(self, prob, gt_mask, other_mask):
        t1 = (prob * gt_mask).sum(dim=1, keepdims=True)
        t2 = (prob * other_mask).sum(dim=1, keepdims=True)
        return torch.cat([t1, t2], dim=1)

    def _gt_mask(self, logits, target):
        target = target.reshape(-1)
        return torch.zeros_like(logits).scatter_(1, target.unsqueeze(1), 1).bool()

    def _other_mask(self, logits, target):
        target = target.reshape(-1)
        return torch.ones_like(logits).scatter_(1, target.unsqueeze(1), 0).bool()
