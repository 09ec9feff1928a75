"""part of positive project [LG001]: criterion factory; label-smoothed cross-entropy on the model output."""
import torch.nn as nn


def build_criterion(smoothing: float = 0.1) -> nn.Module:
    return nn.CrossEntropyLoss(label_smoothing=smoothing)
