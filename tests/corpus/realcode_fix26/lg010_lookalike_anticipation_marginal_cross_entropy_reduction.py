"""look-alike [LG010]: the same marginal loss at the fix: reduction='none' for the per-sample cross-entropy, and a reduction argument of its own."""

# Source: fpv-iplab/action-anticipation-losses@6345251 MarginalCrossEntropyLoss/MarginalCrossEntropyLoss.py (the fix commit; cut, renamed)
import numpy as np
import torch
from torch.nn import functional as F
from torch.nn.modules.loss import _Loss


class MarginalCrossEntropy(_Loss):
    def __init__(self, marginal_indexes, numclass, reduction="mean"):
        super().__init__(reduction=reduction)
        self.marginal_masks = [torch.stack([self._mask(i, numclass) for i in mi]) for mi in marginal_indexes]

    def _mask(self, indexes, maxlen):
        mask = np.zeros(maxlen)
        for i in indexes:
            mask[i] = 1
        return torch.from_numpy(mask)

    def _marginal(self, scores, target, masks):
        mask = masks[target.cpu()].float().to(scores.device)
        exps = torch.exp(scores)
        return torch.log(exps.sum(1)) - torch.log(exps.mul(mask).sum(1))

    def forward(self, scores, marginal_targets):
        loss = torch.zeros(scores.shape[0]).to(scores.device)
        for i, masks in enumerate(self.marginal_masks):
            loss += self._marginal(scores, marginal_targets[:, i], masks)
        loss += F.cross_entropy(scores, marginal_targets[:, -1], reduction="none")
        if self.reduction == "mean":
            loss = loss.mean()
        elif self.reduction == "sum":
            loss = loss.sum()
        return loss
