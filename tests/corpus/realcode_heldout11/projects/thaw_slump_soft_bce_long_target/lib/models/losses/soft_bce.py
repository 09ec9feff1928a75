"""part of positive project [LG004]: SoftBCEWithLogitsLoss passes its target straight to F.binary_cross_entropy_with_logits when smooth_factor is None (the default); the trainer gives it a torch.long mask."""
# Source: initze/thaw-slump-segmentation@9707c577b0a31d187e101232b7147b1f295888a7 lib/models/losses/soft_bce.py (the parent of 026c795 "Fix Soft BCE Loss", pull request #21, which adds y_true = y_true.float(); re-typed, identifiers renamed, the docstrings left out)
from typing import Optional

import torch
import torch.nn.functional as F
from torch import nn
from .constants import BINARY_MODE

__all__ = ["SoftBCEWithLogitsLoss"]


class SoftBCEWithLogitsLoss(nn.Module):

    __constants__ = ["weight", "pos_weight", "reduction", "ignore_index", "smooth_factor"]

    def __init__(
        self,
        mode: str,
        weight: Optional[torch.Tensor] = None,
        ignore_index: Optional[int] = -100,
        reduction: str = "mean",
        smooth_factor: Optional[float] = None,
        pos_weight: Optional[torch.Tensor] = None,
    ):
        super().__init__()
        assert mode == BINARY_MODE
        self.ignore_index = ignore_index
        self.reduction = reduction
        self.smooth_factor = smooth_factor
        self.register_buffer("weight", weight)
        self.register_buffer("pos_weight", pos_weight)

    def forward(self, pred: torch.Tensor, truth: torch.Tensor) -> torch.Tensor:
        if self.smooth_factor is not None:
            targets = (1 - truth) * self.smooth_factor + truth * (1 - self.smooth_factor)
        else:
            targets = truth

        out = F.binary_cross_entropy_with_logits(
            pred, targets, self.weight, pos_weight=self.pos_weight, reduction="none"  # expect: LG004
        )

        if self.ignore_index is not None:
            keep = truth != self.ignore_index
            out *= keep.type_as(out)

        if self.reduction == "mean":
            out = out.mean()
        if self.reduction == "sum":
            out = out.sum()
        return out
