"""part of positive project [LG002]: criterion factory returning nn.BCELoss (single return, so the criterion is certain)."""
import torch.nn as nn


def build_criterion(reduction: str = "mean"):
    return nn.BCELoss(reduction=reduction)
