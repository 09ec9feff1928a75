"""part of look-alike project [LG001, LG006, LG007]: the cross-entropy entry, named by the segmentation configs whose models are not in this template."""
# Source: cbim-medical-group/pytorch-template@7f76ee095420e23efe22df560d8e0a314fbc16dd loss/cross_entropy_loss.py (read as is; re-typed)
import torch
from torch.nn import functional as F


def cross_entropy_loss(output, target, weight=None):
    if weight is None:
        return F.cross_entropy(output, target)
    else:
        weight = torch.Tensor(weight)
        return F.cross_entropy(output, target, weight=weight)
