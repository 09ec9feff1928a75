"""part of positive project [LG009]: the loss package re-exports the loss wrappers a YAML config names per task."""
# Source: median-research-group/LibMTL at 9c68e548 (v1.1.6, the version issue #30 "更换损失函数时的两个问题" traces through when a user swaps CELoss for KLDivLoss), LibMTL/loss/__init__.py;
# cut to three of the eight wrappers.
from .abstract_loss import AbsLoss
from .CELoss import CELoss
from .KLDivLoss import KLDivLoss

__all__ = ['AbsLoss', 'CELoss', 'KLDivLoss']
