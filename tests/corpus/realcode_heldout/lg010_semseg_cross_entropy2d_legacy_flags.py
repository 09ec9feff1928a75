"""positive [LG010, LG011]: segmentation losses F.log_softmax(input) without dim over (n, c, h, w) scores (implicit dim 1), then F.nll_loss with size_average=False / reduce=False."""
# Source: https://github.com/meetshah1995/pytorch-semseg ptsemseg/loss.py at the parent of
# 3fd5faf96f4a5c83a2e56f121b508fc7fd53cbae ("Add dim as arg to softmax and flatten tensors for cost computation"); re-typed, names changed.
import torch.nn.functional as F


def cross_entropy2d(input, target, weight=None, size_average=True):
    n, c, h, w = input.size()
    log_p = F.log_softmax(input)  # expect: LG011
    log_p = log_p.transpose(1, 2).transpose(2, 3).contiguous().view(-1, c)
    log_p = log_p[target.view(n, h, w, 1).repeat(1, 1, 1, c) >= 0]
    log_p = log_p.view(-1, c)
    mask = target >= 0
    target = target[mask]
    loss = F.nll_loss(log_p, target, weight=weight, size_average=False)  # expect: LG010
    if size_average:
        loss /= mask.data.sum()
    return loss


def bootstrapped_cross_entropy2d(input, target, K, weight=None, size_average=True):
    n, c, h, w = input.size()
    log_p = F.log_softmax(input)  # expect: LG011
    log_p = log_p.transpose(1, 2).transpose(2, 3).contiguous().view(-1, c)
    log_p = log_p[target.view(n, h, w, 1).repeat(1, 1, 1, c) >= 0]
    log_p = log_p.view(-1, c)
    loss = F.nll_loss(log_p, target, weight=weight, reduce=False)  # expect: LG010
    topk_loss, _ = loss.topk(K)
    reduced_topk_loss = topk_loss.sum() / K
    return reduced_topk_loss
