"""part of positive project [LG010]: the captioning criteria: a self-critical reward criterion, a masked language-model NLL over gathered log-probabilities, and LabelSmoothing, which builds nn.KLDivLoss with the deprecated size_average=False, reduce=False (reduction 'none'), scatters the smoothed target distribution and reduces the per-element KL itself over the mask."""
# Source: jiahuei/sparse-image-captioning at 0429b4f8, sparse_caption/utils/losses.py; re-typed, identifiers renamed; commented-out lines cut.
import torch
from torch import nn


class RewardCriterion(nn.Module):
    def __init__(self):
        super(RewardCriterion, self).__init__()

    def forward(self, input, mask, reward):
        input = input.contiguous().view(-1)
        reward = reward.contiguous().view(-1).unsqueeze(1)
        mask = mask.float()
        output = -input * (mask * reward).contiguous().view(-1)
        output = torch.sum(output) / torch.sum(mask)
        return output


class LanguageModelCriterion(nn.Module):
    def __init__(self):
        super(LanguageModelCriterion, self).__init__()

    def forward(self, input, target, mask):
        target = target[:, : input.size(1)]
        mask = mask[:, : input.size(1)]
        output = -input.gather(2, target.unsqueeze(2)).squeeze(2) * mask
        output = torch.sum(output) / torch.sum(mask)
        return output


class LabelSmoothing(nn.Module):
    def __init__(self, size=0, padding_idx=0, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(size_average=False, reduce=False)  # expect: LG010
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.true_dist = None

    def forward(self, input, target, mask):
        target = target[:, : input.size(1)]
        mask = mask[:, : input.size(1)]
        input = input.contiguous().view(-1, input.size(-1))
        target = target.contiguous().view(-1)
        mask = mask.contiguous().view(-1)
        self.size = input.size(1)
        true_dist = input.data.clone()
        true_dist.fill_(self.smoothing / (self.size - 1))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        return (self.criterion(input, true_dist).sum(1) * mask).sum() / mask.sum()
