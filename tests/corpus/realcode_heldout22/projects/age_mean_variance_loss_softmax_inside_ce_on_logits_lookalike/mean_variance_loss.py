"""part of look-alike project [LG001, LG006, LG011]: the mean-variance loss module softmaxes the raw age scores itself (nn.Softmax(dim=1)) to compute the expected age and its variance; it takes logits, like the cross-entropy next to it."""
# Source: Herosan163/AgeEstimation at 4644ca19 (read at the commit issue #3, "The softmax loss becomes bigger during
# iterates", was answered on), mean_variance_loss.py;
# re-typed, identifiers renamed.
import math

import torch
import torch.nn.functional as F
from torch import nn


class MeanVarianceLoss(nn.Module):
    def __init__(self, lambda_1, lambda_2, start_age, end_age):
        super().__init__()
        self.lambda_1 = lambda_1
        self.lambda_2 = lambda_2
        self.start_age = start_age
        self.end_age = end_age

    def forward(self, scores, target):
        n = scores.size()[0]
        target = target.type(torch.FloatTensor).cuda()
        sm = nn.Softmax(dim=1)
        p = sm(scores)
        ages = torch.arange(self.start_age, self.end_age + 1, dtype=torch.float32).cuda()
        expected = torch.squeeze((p * ages).sum(1, keepdim=True), dim=1)
        sq = (expected - target) ** 2
        mean_term = sq.mean() / 2.0

        spread = (ages[None, :] - expected[:, None]) ** 2
        var_term = (p * spread).sum(1, keepdim=True).mean()

        return self.lambda_1 * mean_term, self.lambda_2 * var_term
