"""part of positive project [LG006]: the CRU losses are written by hand (a Gaussian negative log-likelihood and a masked MSE), so what they return still holds the graph of the model outputs."""
# Source: boschresearch/Continuous-Recurrent-Units@79723e7772102cae8a78109e18d81beff9c7cac2 lib/losses.py (master, the base of pull request #4 "Avoid high memory usage from past computations", never merged; re-typed, identifiers renamed, the licence header and comments left out)
import numpy as np
import torch


def mse(target, predicted, mask=None):
    if mask is None:
        mask = torch.ones_like(predicted)
    else:
        assert mask.shape == predicted.shape == target.shape
    return torch.sum(mask * torch.square(target - predicted)) / torch.sum(mask)


def rmse(target, predicted, mask=None):
    if mask is None:
        mask = torch.ones_like(predicted)
    else:
        assert mask.shape == predicted.shape == target.shape
    return torch.sqrt(torch.sum(mask * torch.square(target - predicted)) / torch.sum(mask))


def bernoulli_nll(targets, predictions, uint8_targets=False):
    if uint8_targets:
        targets = targets / 255.0
    err = -1 * (targets * torch.log(predictions + 1e-12) + (1 - targets) * torch.log(1 - predictions + 1e-12))
    axes = [i + 2 for i in range(len(targets.shape) - 2)]
    return torch.mean(torch.sum(err, axis=axes))


def GaussianNegLogLik(targets, pred_mean, pred_variance, mask=None, normalize_dim=False):
    assert pred_mean.shape == targets.shape == pred_variance.shape
    eps = 1e-6 * torch.ones_like(pred_mean)
    pred_variance = torch.maximum(pred_variance, eps)
    if mask == None:
        mask = torch.ones_like(pred_mean)
    const = np.log(2 * np.pi)
    per_dim = mask * (torch.log(pred_variance) + torch.square(pred_mean - targets) / pred_variance + const)
    per_step = 0.5 * torch.sum(per_dim, -1)
    if normalize_dim:
        per_step = per_step / torch.sum(mask, -1)
    per_sample = torch.mean(per_step, 1)
    return torch.mean(per_sample)
