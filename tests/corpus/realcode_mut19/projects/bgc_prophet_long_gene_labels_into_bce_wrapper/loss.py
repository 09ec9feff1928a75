"""part of positive project [LG004]: the loss wrapper, in its own file: BCELoss on the per-gene scores."""

# Source: HUST-NingKang-Lab/BGC-Prophet@e524ff543b bgc_prophet/train/loss.py (trainLoss, re-typed)
import torch.nn as nn


class GeneLoss(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.criterion = nn.BCELoss(reduction="mean")

    def forward(self, output, labels):
        return self.criterion(output, labels)
