"""positive [LG010]: the MaskGAN token loss builds nn.BCEWithLogitsLoss(reduce=False) in its forward to weight each token's loss (the fix writes reduction='none')."""

# Source: jerinphilip/MaskGAN.pytorch@37d790adab mgan/criterions/tce.py, fixed in 42cd1c8db8 (cut, renamed)
import torch
from torch import nn


class TokenBCELoss(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, pred_logits, truths, weight=None):
        self.criterion = nn.BCEWithLogitsLoss(reduce=False)  # expect: LG010
        B, T, H = pred_logits.size()
        truths = truths.float().unsqueeze(2).expand(B, T, H)
        loss = self.criterion(pred_logits, truths)
        if weight is not None:
            loss = loss * weight.unsqueeze(2)
        return torch.mean(loss)
