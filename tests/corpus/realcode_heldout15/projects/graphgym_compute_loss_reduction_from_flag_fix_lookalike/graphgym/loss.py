"""part of look-alike project [LG010, LG004, LG007, LG016]: after the fix compute_loss maps the config flag to reduction=; multiclass scores go through log_softmax into nll_loss, binary targets are cast to float for BCEWithLogitsLoss, and the sigmoid is only the returned score."""
# Source: snap-stanford/GraphGym at the fix 358fdfc ("fix deprecated component"), graphgym/loss.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn
import torch.nn.functional as F

from graphgym.contrib.loss import *
import graphgym.register as register
from graphgym.config import cfg


def compute_loss(pred, true):
    r = 'mean' if cfg.model.size_average else 'sum'
    bce_loss = nn.BCEWithLogitsLoss(reduction=r)
    mse_loss = nn.MSELoss(reduction=r)

    if true.ndim > 1 and cfg.model.loss_fun == 'cross_entropy':
        pred, true = torch.flatten(pred), torch.flatten(true)
    pred = pred.squeeze(-1) if pred.ndim > 1 else pred
    true = true.squeeze(-1) if true.ndim > 1 else true

    for fn in register.loss_dict.values():
        value = fn(pred, true)
        if value is not None:
            return value

    if cfg.model.loss_fun == 'cross_entropy':
        if pred.ndim > 1:
            pred = F.log_softmax(pred, dim=-1)
            return F.nll_loss(pred, true), pred
        else:
            true = true.float()
            return bce_loss(pred, true), torch.sigmoid(pred)
    elif cfg.model.loss_fun == 'mse':
        true = true.float()
        return mse_loss(pred, true), pred
    else:
        raise ValueError('Loss func {} not supported'.format(cfg.model.loss_fun))
