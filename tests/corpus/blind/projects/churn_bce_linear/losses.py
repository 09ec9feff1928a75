"""part of positive project [LG002]: criterion factory returns plain nn.BCELoss (expects probabilities)."""
import torch
import torch.nn as nn


def build_criterion(pos_weight=None):
    if pos_weight is not None:
        weight = torch.tensor([pos_weight])
        return nn.BCELoss(weight=weight)
    return nn.BCELoss()
