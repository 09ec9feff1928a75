"""look-alike [LG010]: the same token loss at the fix commit: nn.BCEWithLogitsLoss(reduction='none')."""

# Source: jerinphilip/MaskGAN.pytorch@42cd1c8db8 mgan/criterions/tce.py (the fix commit; cut, renamed)
import torch
from torch import nn


class TokenBCELoss(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, pred_logits, truths, weight=None):
        self.criterion = nn.BCEWithLogitsLoss(reduction='none')
        B, T, H = pred_logits.size()
        truths = truths.float().unsqueeze(2).expand(B, T, H)
        loss = self.criterion(pred_logits, truths)
        if weight is not None:
            loss = loss * weight.unsqueeze(2)
        return torch.mean(loss)
