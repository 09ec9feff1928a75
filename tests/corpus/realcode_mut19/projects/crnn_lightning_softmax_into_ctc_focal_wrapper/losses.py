"""part of positive project [LG012]: the CTC focal loss, a wrapper of nn.CTCLoss in its own file."""

# Source: tuongtranngoc/CRNN-Text-Recognition@cc1600250f src/utils/losses.py (CTCFacalLoss, re-typed)
import torch
import torch.nn as nn


class CTCFocalLoss(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.loss_func = nn.CTCLoss(blank=0, reduction="none", zero_infinity=True)

    def forward(self, log_probs, targets, pred_lengths, target_lengths):
        loss = self.loss_func(log_probs, targets, pred_lengths, target_lengths)  # expect: LG012
        weight = torch.exp(-loss)
        weight = torch.subtract(torch.tensor([1.0], device=log_probs.device), weight)
        weight = torch.square(weight)
        loss = torch.multiply(loss, weight)
        return loss.mean()
