"""positive [LG010]: an action-anticipation loss adds the per-sample cross-entropy of the action to its marginal terms with F.cross_entropy(..., size_average=False, reduce=False), the deprecated flags (the fix, "Support for PyTorch 0.4.1", passes reduction='none' and keeps a reduction of its own)."""

# Source: fpv-iplab/action-anticipation-losses@8ae0123 MarginalCrossEntropyLoss/MarginalCrossEntropyLoss.py, fixed in 6345251 (cut, renamed)
import numpy as np
import torch
from torch.nn import functional as F
from torch.nn.modules.loss import _Loss


class MarginalCrossEntropy(_Loss):
    def __init__(self, marginal_indexes, numclass, size_average=True, reduce=True):
        super().__init__(size_average=size_average)
        self.reduce = reduce
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
        loss += F.cross_entropy(scores, marginal_targets[:, -1], size_average=False, reduce=False)  # expect: LG010
        if self.reduce:
            loss = loss.mean() if self.size_average else loss.sum()
        return loss
