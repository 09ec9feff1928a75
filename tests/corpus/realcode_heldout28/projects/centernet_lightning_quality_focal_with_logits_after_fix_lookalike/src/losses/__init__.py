"""part of look-alike project [LG002, LG003, LG006, LG015]: the losses package re-exports the two focal losses with logits and the IoU losses."""
# Source: gau-nernst/centernet-lightning at 2b7aa422 (the fix "minor fixes": QualityFocalLossWithLogits's method
# named __format__ becomes forward and its binary_cross_entropy becomes binary_cross_entropy_with_logits),
# src/losses/__init__.py; re-typed.
from .focal_loss import ModifiedFocalLossWithLogits, QualityFocalLossWithLogits
from .iou_loss import CenterNetIoULoss, CenterNetGIoULoss

__all__ = ["ModifiedFocalLossWithLogits", "QualityFocalLossWithLogits", "CenterNetIoULoss", "CenterNetGIoULoss"]
