"""part of look-alike project [LG007, LG001, LG011]: a registered loss wrapping F.nll_loss per sample, reduced by mmcls's weighted_loss decorator."""
# Source: open-mmlab/mmfewshot at af4fad5 (read as is), mmfewshot/classification/models/losses/nll_loss.py; re-typed,
# identifiers renamed; docstrings cut.
from typing import Optional, Union

import torch.nn as nn
import torch.nn.functional as F
from mmcls.models.builder import LOSSES
from mmcls.models.losses.utils import weighted_loss
from torch import Tensor


@weighted_loss
def per_sample_nll(pred: Tensor, target: Tensor) -> Tensor:
    return F.nll_loss(pred, target, reduction='none')


@LOSSES.register_module()
class NLLLoss(nn.Module):
    def __init__(self, reduction: str = 'mean', loss_weight: float = 1.0):
        super().__init__()
        self.reduction = reduction
        self.loss_weight = loss_weight

    def forward(self, pred: Tensor, target: Tensor, weight: Optional[Tensor] = None,
                avg_factor: Optional[Union[float, int]] = None, reduction_override: Optional[str] = None) -> Tensor:
        assert reduction_override in (None, 'none', 'mean', 'sum')
        reduction = reduction_override if reduction_override else self.reduction
        return self.loss_weight * per_sample_nll(pred, target, weight, reduction=reduction, avg_factor=avg_factor)
