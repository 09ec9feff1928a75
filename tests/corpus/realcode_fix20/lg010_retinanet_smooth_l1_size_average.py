"""positive [LG010]: the RetinaNet utilities' box-regression loss calls F.smooth_l1_loss with the deprecated size_average=True (the fix passes reduction=)."""

# Source: benihime91/pytorch_retinanet@f547e79cd9 pytorch_retinanet/utils.py, fixed in 9291c07f9b (cut, renamed)
import torch
import torch.nn.functional as F


def box_regression_loss(inp, targs):
    """Smooth L1 loss between the predicted and the target box offsets."""
    return F.smooth_l1_loss(inp, targs, size_average=True)  # expect: LG010


def sigmoid_focal_loss(inputs, targets, alpha: float = 0.25, gamma: float = 2, reduction: str = "none"):
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    if reduction == "mean":
        loss = loss.mean()
    elif reduction == "sum":
        loss = loss.sum()
    return loss
