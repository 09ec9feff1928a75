"""part of positive project [LG006]: GaNDLF's loss module; fetch_loss_function maps the YAML name to a Dice, Dice+CE, CE or MSE helper, each returning a 0-dim tensor computed from the network output."""
# Source: mlcommons/GaNDLF at 4bb1ec75 (the parent of 293b08c4, "mem leak fix"), GANDLF/losses.py; re-typed, identifiers renamed;
# the one-hot helper shortened, the Tversky and log-Dice variants cut.
import sys

import torch
from torch.nn import MSELoss


def one_hot(segmask, class_list):
    stacks = []
    for b in range(segmask.shape[0]):
        planes = []
        mask_b = segmask[b, 0]
        for cls in class_list:
            planes.append((mask_b == int(cls)).long())
        stacks.append(torch.stack(planes))
    return torch.stack(stacks)


def dice(inp, target):
    smooth = 1e-7
    iflat = inp.contiguous().view(-1)
    tflat = target.contiguous().view(-1)
    inter = (iflat * tflat).sum()
    return (2.0 * inter + smooth) / (iflat.sum() + tflat.sum() + smooth)


def multiclass_dice_loss(pm, gt, params):
    total = 0
    n_cls = params["model"]["num_classes"]
    weights = params["weights"] if params["weights"] is not None else None
    gt = one_hot(gt, params["model"]["class_list"])
    for i in range(0, n_cls):
        cur = 1 - dice(gt[:, i, ...], pm[:, i, ...])
        if weights is not None:
            cur = cur * weights[i]
        total += cur
    if weights is None:
        total /= n_cls
    return total


def cross_entropy(out, target, params):
    params["weights"] = None
    crit = torch.nn.CrossEntropyLoss()
    return crit(out, target)


def dice_plus_ce(out, target, params):
    return multiclass_dice_loss(out, target, params) + cross_entropy(out, target, params)


def mse(output, label, reduction="mean", scaling_factor=1):
    scaling_factor = torch.as_tensor(scaling_factor)
    label = label.float() * scaling_factor
    fn = MSELoss(reduction=reduction)
    return fn(output, label)


def mse_loss(inp, target, params):
    total = 0
    if inp.shape[0] == 1:
        total += mse(inp, target, reduction=params["loss_function"]["mse"]["reduction"],
                     scaling_factor=params["scaling_factor"])
    else:
        for i in range(0, params["model"]["num_classes"]):
            total += mse(inp[:, i, ...], target[:, i, ...], reduction=params["loss_function"]["reduction"],
                         scaling_factor=params["scaling_factor"])
    total /= params["model"]["num_classes"]
    return total


def fetch_loss_function(loss_name, params):
    if isinstance(loss_name, dict):
        fn = mse_loss
    elif loss_name == "dc":
        fn = multiclass_dice_loss
    elif loss_name == "dcce":
        fn = dice_plus_ce
    elif loss_name == "ce":
        fn = cross_entropy
    elif loss_name == "mse":
        fn = mse_loss
    else:
        print("WARNING: unknown loss '" + loss_name + "', using dc", file=sys.stderr)
        fn = multiclass_dice_loss
    return fn
