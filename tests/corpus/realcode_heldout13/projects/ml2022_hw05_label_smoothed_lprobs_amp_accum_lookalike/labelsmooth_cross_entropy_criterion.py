"""part of look-alike project [LG001, LG006, LG010, LG014]: the course's label-smoothed criterion takes log-probabilities, gathers the target's term by hand and sums when its own reduce flag (not torch's deprecated argument) is set."""
# Source: lordleeber/ML2022-Spring-pytorch@717528b6ead7786e483cd7b66783db38b93fec53 HW05/labelsmooth_cross_entropy_criterion.py (read as is, a student copy of the ML2022 Spring HW05 sample code; re-typed, identifiers renamed, the notebook commentary shortened)
import torch.nn as nn


class LabelSmoothedCrossEntropyCriterion(nn.Module):
    def __init__(self, smoothing, ignore_index=None, reduce=True):
        super().__init__()
        self.smoothing = smoothing
        self.ignore_index = ignore_index
        self.reduce = reduce

    def forward(self, lprobs, target):
        if target.dim() == lprobs.dim() - 1:
            target = target.unsqueeze(-1)
        nll = -lprobs.gather(dim=-1, index=target)
        smooth = -lprobs.sum(dim=-1, keepdim=True)
        if self.ignore_index is not None:
            pad = target.eq(self.ignore_index)
            nll.masked_fill_(pad, 0.0)
            smooth.masked_fill_(pad, 0.0)
        else:
            nll = nll.squeeze(-1)
            smooth = smooth.squeeze(-1)
        if self.reduce:
            nll = nll.sum()
            smooth = smooth.sum()
        eps_i = self.smoothing / lprobs.size(-1)
        return (1.0 - self.smoothing) * nll + eps_i * smooth
