"""part of positive project [LG005, LG010]: the functional focal loss takes binary_cross_entropy_with_logits per element with the deprecated reduce=False, of inputs it is given in whatever shape (the fix writes reduction='none')."""

# Source: BloodAxe/pytorch-toolbelt@3825a8f209 pytorch_toolbelt/losses/functional.py, fixed in a6cd0865d9 (cut, renamed)
import torch
import torch.nn.functional as F


def focal_loss_with_logits(input: torch.Tensor, target: torch.Tensor, gamma=2.0, alpha=0.25, reduction='mean'):
    """Binary focal loss between target and output logits (input and target of the same shape)."""
    target = target.float()

    logpt = -F.binary_cross_entropy_with_logits(input, target, reduce=False)  # expect: LG005, LG010
    pt = torch.exp(logpt)

    loss = -((1 - pt).pow(gamma)) * logpt

    if alpha is not None:
        loss = loss * (alpha * target + (1 - alpha) * (1 - target))

    if reduction == 'mean':
        loss = loss.mean()
    if reduction == 'sum':
        loss = loss.sum()
    if reduction == 'batchwise_mean':
        loss = loss.sum(0)
    return loss
