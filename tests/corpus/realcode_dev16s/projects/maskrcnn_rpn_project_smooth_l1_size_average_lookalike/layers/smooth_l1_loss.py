"""part of look-alike project [LG010]: the project's own smooth L1 with a beta, whose size_average flag is its own parameter, not torch's deprecated one."""

# Source: facebookresearch/maskrcnn-benchmark@57eec25 maskrcnn_benchmark/layers/smooth_l1_loss.py (cut, renamed)
import torch


def smooth_l1_loss(input, target, beta=1.0 / 9, size_average=True):
    diff = torch.abs(input - target)
    loss = torch.where(diff < beta, 0.5 * diff**2 / beta, diff - 0.5 * beta)
    if size_average:
        return loss.mean()
    return loss.sum()
