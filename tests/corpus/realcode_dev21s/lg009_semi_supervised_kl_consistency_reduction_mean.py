"""positive [LG009]: the consistency helper builds `nn.KLDivLoss(reduction='mean')` over log-probabilities: the mean over every element, not the KL divergence of a batch."""

# Source: ycwu1997/MC-Net@fee453c code/utils/losses.py (re-typed, renamed, cut to the helpers)
import torch
import torch.nn as nn


def binary_dice_loss(prob, target, eps=1e-8):
    inter = 2 * torch.sum(prob * target) + eps
    union = torch.sum(prob) + torch.sum(target) + eps
    return 1 - inter / union


def kl_consistency(probs, targets, eps=1e-8):
    kl = nn.KLDivLoss(reduction="mean")  # expect: LG009
    return kl(torch.log(probs + eps), targets)


def mse_consistency(a, b):
    return torch.mean((a - b) ** 2)
