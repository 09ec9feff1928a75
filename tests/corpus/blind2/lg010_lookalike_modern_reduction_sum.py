"""look-alike [LG010, LG015]: the modern equivalents: MSELoss(reduction='sum') divided by batch size, and a per-sample BCE (reduction='none') weighted and averaged before backward."""
import torch
import torch.nn as nn


def train_epoch(model, loader, optimizer, sample_weight_fn):
    mse_sum = nn.MSELoss(reduction="sum")
    bce_each = nn.BCEWithLogitsLoss(reduction="none")
    for x, depth, valid in loader:
        depth_pred, valid_logit = model(x)
        l_depth = mse_sum(depth_pred * valid, depth * valid) / valid.sum().clamp_min(1)
        w = sample_weight_fn(x)
        l_valid = (bce_each(valid_logit, valid.float()) * w).mean()
        loss = l_depth + l_valid
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
