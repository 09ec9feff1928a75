"""part of look-alike project [LG007]: the library's nll_loss binds F.nll_loss with functools.partial and applies it in a masked-loss helper to whatever log-probabilities the recipe passes."""
# Source: https://github.com/speechbrain/speechbrain speechbrain/nnet/losses.py at 9c826ef3937bac885c8a6ca86c6889a30f256fb5;
# re-typed, names changed, reduced (label smoothing, length masks and the other reductions left out).
import functools

import torch


def nll_loss(log_probabilities, targets, length=None, weight=None, reduction="mean"):
    if len(log_probabilities.shape) == 3:
        log_probabilities = log_probabilities.transpose(1, -1)
    loss = functools.partial(torch.nn.functional.nll_loss, weight=weight, reduction="none")
    return masked_loss(loss, log_probabilities, targets.long(), length, reduction=reduction)


def masked_loss(loss_fn, predictions, targets, length=None, reduction="mean"):
    loss = loss_fn(predictions, targets)
    mask = torch.ones_like(loss)
    loss *= mask
    if reduction == "mean":
        return loss.sum() / mask.sum()
    return loss
