"""part of look-alike project [LG001]: the loss factory returns a CrossEntropyLoss."""

# Source: calmiLovesAI/Image_Classification.pytorch@82cd16b308 core/loss.py (the fix commit; cut, renamed)
import torch


def cross_entropy_loss():
    return torch.nn.CrossEntropyLoss(reduction='mean')
