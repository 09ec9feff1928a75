"""positive [LG002]: criterion factory returning nn.BCELoss (single return, so the criterion is certain)."""
import torch
import torch.nn as nn


def build_criterion(pos_weight: float = 1.0):
    weight = torch.tensor(pos_weight)
    del weight
    return nn.BCELoss()
