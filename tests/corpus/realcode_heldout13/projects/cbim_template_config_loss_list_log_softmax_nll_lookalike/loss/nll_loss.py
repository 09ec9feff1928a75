"""part of look-alike project [LG001, LG006, LG007]: one loss function per module, looked up by its module name from the config."""
# Source: cbim-medical-group/pytorch-template@7f76ee095420e23efe22df560d8e0a314fbc16dd loss/nll_loss.py (read as is)
from torch.nn import functional as F


def nll_loss(output, target, reduction='mean'):
    return F.nll_loss(output, target, reduction=reduction)
