"""part of positive project [LG005]: the lane loss runs the network itself and scores the existence head with F.cross_entropy against a per-lane 0/1 vector."""
# Source: voldemortX/pytorch-auto-drive at the parent of df6a58e ("SCNN bugs fixed", which switches the existence loss to
# binary_cross_entropy_with_logits on a float target and drops the head's sigmoid), code/losses.py; re-typed, identifiers renamed; the SAD loss stub cut.
from typing import Optional

import torch
from torch import Tensor
from torch.nn import _reduction as _Reduction
from torch.nn import functional as F


class _Loss(torch.nn.Module):
    reduction: str

    def __init__(self, size_average=None, reduce=None, reduction: str = "mean") -> None:
        super(_Loss, self).__init__()
        if size_average is not None or reduce is not None:
            self.reduction = _Reduction.legacy_get_string(size_average, reduce)
        else:
            self.reduction = reduction


class _WeightedLoss(_Loss):
    def __init__(self, weight: Optional[Tensor] = None, size_average=None, reduce=None, reduction: str = "mean") -> None:
        super(_WeightedLoss, self).__init__(size_average, reduce, reduction)
        self.register_buffer("weight", weight)


class LaneSegExistLoss(_WeightedLoss):
    ignore_index: int

    def __init__(self, existence_weight: int = 1, weight: Optional[Tensor] = None, size_average=None,
                 ignore_index: int = -100, reduce=None, reduction: str = "mean") -> None:
        super(LaneSegExistLoss, self).__init__(weight, size_average, reduce, reduction)
        self.ignore_index = ignore_index
        self.existence_weight = existence_weight

    def forward(self, inputs: Tensor, targets: Tensor, lane_existence: Tensor, net) -> Tensor:
        outputs = net(inputs)
        segmentation_loss = F.cross_entropy(outputs["out"], targets, weight=self.weight,
                                            ignore_index=self.ignore_index, reduction=self.reduction)
        existence_loss = F.cross_entropy(outputs["aux"], lane_existence, weight=None,  # expect: LG005
                                         ignore_index=-100, reduction=self.reduction)
        total_loss = segmentation_loss + self.existence_weight * existence_loss
        return total_loss
