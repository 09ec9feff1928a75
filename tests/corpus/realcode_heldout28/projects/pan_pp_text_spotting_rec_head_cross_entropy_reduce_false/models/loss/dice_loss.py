"""part of positive project [LG010]: the detection head's dice loss is a user module whose own reduce flag keeps a per-image loss; it applies the sigmoid itself."""
# Source: whai362/pan_pp.pytorch at 674e4d8c, models/loss/dice_loss.py (read as is); re-typed, identifiers renamed.
import torch
import torch.nn as nn


class DiceLoss(nn.Module):
    def __init__(self, loss_weight=1.0):
        super(DiceLoss, self).__init__()
        self.loss_weight = loss_weight

    def forward(self, input, target, mask, reduce=True):
        n = input.size(0)
        input = torch.sigmoid(input)
        input = input.contiguous().view(n, -1)
        target = target.contiguous().view(n, -1).float()
        mask = mask.contiguous().view(n, -1).float()
        input = input * mask
        target = target * mask
        a = torch.sum(input * target, dim=1)
        b = torch.sum(input * input, dim=1) + 0.001
        c = torch.sum(target * target, dim=1) + 0.001
        loss = 1 - (2 * a) / (b + c)
        loss = self.loss_weight * loss
        if reduce:
            loss = torch.mean(loss)
        return loss
