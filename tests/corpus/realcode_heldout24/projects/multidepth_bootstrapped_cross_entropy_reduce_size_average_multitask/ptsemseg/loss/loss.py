"""part of positive project [LG010]: the segmentation-toolkit losses of the multi-task depth network: cross entropy and MSE taking a reduction argument, a masked MSE, and a bootstrapped cross entropy whose per-pixel F.cross_entropy is still called with the deprecated reduce=False, size_average=False before keeping the top-K pixel losses per image."""
# Source: lukasliebel/MultiDepth at 7478d355 (read as is; found through issue #2 on its multi-task uncertainty weighting in train.py), ptsemseg/loss/loss.py;
# re-typed, identifiers renamed; the multi-scale variant kept, comments dropped.
import torch
import torch.nn as nn
import torch.nn.functional as F


def cross_entropy1d(input, target, reduction=None):
    loss_function = nn.CrossEntropyLoss(reduction=reduction)
    return loss_function(input, target)


def mse(input, target, reduction=None):
    loss_function = nn.MSELoss(reduction=reduction)
    return loss_function(input.squeeze(), target.squeeze())


def masked_mse(input, target, ignore_index=0):
    input = input.squeeze()
    target = target.squeeze()
    mask = (target != ignore_index).type(torch.cuda.FloatTensor)
    input = input * mask
    loss_function = nn.MSELoss(reduction="sum")
    loss = loss_function(input, target)
    n_px = float(mask.sum())
    if not n_px == 0:
        loss = loss / float(mask.sum())
    else:
        print("WARNING: Number of GT pixels in batch = 0")
        loss = 0
    return loss


def cross_entropy2d(input, target, weight=None, reduction=None):
    if len(target.size()) > 1 and len(input.size()) > 1:
        n, c, h, w = input.size()
        nt, ht, wt = target.size()
    else:
        raise Exception("Too few dimensions in input to loss function.")
    if h > ht and w > wt:
        target = target.unsequeeze(1)
        target = F.interpolate(target, size=(h, w), mode="nearest")
        target = target.sequeeze(1)
    elif h < ht and w < wt:
        input = F.interpolate(input, size=(ht, wt), mode="bilinear", align_corners=True)
    elif h != ht and w != wt:
        raise Exception("Only support upsampling")
    input = input.transpose(1, 2).transpose(2, 3).contiguous().view(-1, c)
    target = target.view(-1)
    return F.cross_entropy(input, target, weight=weight, reduction=reduction, ignore_index=250)


def multi_scale_cross_entropy2d(input, target, weight=None, size_average=True, scale_weight=None):
    if scale_weight is None:
        n_inp = len(input)
        scale = 0.4
        scale_weight = torch.pow(scale * torch.ones(n_inp), torch.arange(n_inp))
    loss = 0.0
    for i, inp in enumerate(input):
        loss = loss + scale_weight[i] * cross_entropy2d(input=inp, target=target, weight=weight,
                                                        size_average=size_average)
    return loss


def bootstrapped_cross_entropy2d(input, target, K, weight=None, size_average=True):
    batch_size = input.size()[0]

    def _bootstrap_xentropy_single(input, target, K, weight=None, size_average=True):
        n, c, h, w = input.size()
        input = input.transpose(1, 2).transpose(2, 3).contiguous().view(-1, c)
        target = target.view(-1)
        loss = F.cross_entropy(input,  # expect: LG010
                               target,
                               weight=weight,
                               reduce=False,
                               size_average=False,
                               ignore_index=250)
        topk_loss, _ = loss.topk(K)
        return topk_loss.sum() / K

    loss = 0.0
    for i in range(batch_size):
        loss += _bootstrap_xentropy_single(input=torch.unsqueeze(input[i], 0),
                                           target=torch.unsqueeze(target[i], 0),
                                           K=K, weight=weight, size_average=size_average)
    return loss / float(batch_size)
