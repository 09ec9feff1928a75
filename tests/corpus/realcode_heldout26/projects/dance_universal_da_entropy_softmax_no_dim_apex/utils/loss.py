"""part of positive project [LG011]: the entropy and entropy-margin terms of DANCE normalise their scores with F.softmax(p) without dim."""
# Source: VisionLearningGroup/DANCE at 6d84da24 (read as is), utils/loss.py; re-typed, identifiers renamed.
import torch
import torch.nn.functional as F


def entropy(p):
    p = F.softmax(p)  # expect: LG011
    return -torch.mean(torch.sum(p * torch.log(p + 1e-5), 1))


def entropy_margin(p, value, margin=0.2, weight=None):
    p = F.softmax(p)  # expect: LG011
    return -torch.mean(hinge(torch.abs(-torch.sum(p * torch.log(p + 1e-5), 1) - value), margin))


def hinge(input, margin=0.2):
    return torch.clamp(input, min=margin)
