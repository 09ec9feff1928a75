"""part of positive project [LG003]: the loss factory: BCEWithLogitsLoss for the configuration's bce_loss."""

# Source: TWAnnoyingKid/materialistic_fine_gained@c3bfc4d6b2 src/loss_functions/loss_utils.py (create_loss_function, re-typed)
import torch


def create_loss_function(cfg):
    loss_type = cfg.loss.loss_type
    if loss_type == "bce_loss":
        # the logits variant, for AMP safety
        criterion = torch.nn.BCEWithLogitsLoss()
    return criterion
