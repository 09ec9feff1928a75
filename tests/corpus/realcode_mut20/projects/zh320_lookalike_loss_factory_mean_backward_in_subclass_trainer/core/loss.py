"""part of look-alike project [LG015]: the loss factory builds a CrossEntropyLoss that averages."""

# Source: zh320/image-classification-pytorch@defb6b3112 core/loss.py (get_loss_fn, re-typed; the distillation loss cut)
# The original: reduction='mean'
import torch
import torch.nn as nn


def make_loss_fn(config, device):
    weights = None if config.class_weights is None else torch.Tensor(config.class_weights).to(device)
    if config.loss_type == "ce":
        criterion = nn.CrossEntropyLoss(ignore_index=config.ignore_index, reduction="mean", weight=weights)
    else:
        raise NotImplementedError(f"Unsupported loss type: {config.loss_type}")
    return criterion
