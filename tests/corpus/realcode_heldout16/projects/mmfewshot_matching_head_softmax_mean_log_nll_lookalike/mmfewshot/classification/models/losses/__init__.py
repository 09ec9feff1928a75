"""part of look-alike project [LG007, LG001, LG011]: the losses package registers the NLL loss."""
from .nll_loss import NLLLoss

__all__ = ['NLLLoss']
