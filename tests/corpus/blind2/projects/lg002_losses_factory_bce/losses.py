"""part of positive project [LG002]: loss registry; 'multilabel' maps to nn.BCELoss, which expects probabilities."""
import torch.nn as nn

LOSSES = {
    "multiclass": lambda: nn.CrossEntropyLoss(),
    "multilabel": lambda: nn.BCELoss(),
}


def get_loss(task: str) -> nn.Module:
    return LOSSES[task]()


def multilabel_loss() -> nn.Module:
    return nn.BCELoss()
