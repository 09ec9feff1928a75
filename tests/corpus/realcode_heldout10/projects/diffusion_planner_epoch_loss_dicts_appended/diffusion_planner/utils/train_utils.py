"""part of positive project [LG006]: get_epoch_mean_loss turns the collected per-batch loss dicts into floats only at the end of the epoch."""
# Source: tier4/Diffusion-Planner@8314659a6d9e4ac6d8220aae161120dbee1817b9 diffusion_planner/diffusion_planner/utils/train_utils.py (read as is; re-typed, cut at function boundaries: only get_epoch_mean_loss and compute_grad_stats)
import numpy as np
import torch


def compute_grad_stats(parameters, prefix="grad"):
    grads = [p.grad.detach().flatten() for p in parameters if p.grad is not None]
    if len(grads) == 0:
        return {}
    grads = torch.cat(grads)
    return {
        f"{prefix}/l2_norm": grads.norm(2).item(),
        f"{prefix}/linf_norm": grads.abs().max().item(),
    }


def get_epoch_mean_loss(epoch_loss):
    epoch_mean_loss = {}
    for current_loss in epoch_loss:
        for key, value in current_loss.items():
            if key in epoch_mean_loss:
                epoch_mean_loss[key].append(value if isinstance(value, (int, float)) else value.item())
            else:
                epoch_mean_loss[key] = [value if isinstance(value, (int, float)) else value.item()]

    for key, values in epoch_mean_loss.items():
        epoch_mean_loss[key] = np.mean(np.array(values))

    return epoch_mean_loss
