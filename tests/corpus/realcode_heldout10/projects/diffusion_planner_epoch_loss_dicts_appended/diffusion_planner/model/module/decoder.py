"""part of positive project [LG006]: compute_training_loss returns a dict of loss tensors computed from the model output (a diffusion regression term and F.cross_entropy on the turn-indicator logits), all still holding the graph."""
# Source: tier4/Diffusion-Planner@8314659a6d9e4ac6d8220aae161120dbee1817b9 diffusion_planner/diffusion_planner/model/module/decoder.py (read as is; the leak is what pull request #372 "fix(train_epoch): release per-batch loss graphs during training" addresses; re-typed, cut at function boundaries: only compute_training_loss, with the x_start branch, the time/velocity weighting and the road-border and collision penalties shortened to their dictionary entries)
import random
from argparse import Namespace

import torch
import torch.nn as nn

from diffusion_planner.loss import make_turn_indicator_gt


def compute_training_loss(
    model: nn.Module,
    inputs: dict[str, torch.Tensor],
    futures: tuple[torch.Tensor, torch.Tensor, torch.Tensor],
    args: Namespace,
):
    norm = args.state_normalizer
    ego_future, neighbors_future, neighbor_future_mask = futures
    neighbors_future_valid = ~neighbor_future_mask

    B, Pn, T, _ = neighbors_future.shape
    P = 1 + Pn
    ego_current = inputs["ego_current_state"][:, :4]
    neighbors_current = inputs["neighbor_agents_past"][:, :Pn, -1, :4]
    current_states = torch.cat([ego_current[:, None], neighbors_current], dim=1)

    gt_future = torch.cat([ego_future[:, None, :, :], neighbors_future[..., :]], dim=1)
    all_gt = torch.cat([current_states[:, :, None, :], norm(gt_future)], dim=2)

    eps = 1e-3
    t = torch.rand(B, device=gt_future.device) * (1 - eps) + eps
    t = t.reshape(-1, 1, 1, 1)
    z = torch.randn_like(gt_future, device=gt_future.device)
    xT = (1 - t) * z + t * all_gt[:, :, 1:, :]
    xT = torch.cat([all_gt[:, :, :1, :], xT], dim=2)

    merged_inputs = {
        **inputs,
        "gt_trajectories": all_gt,
        "sampled_trajectories": xT,
        "diffusion_time": t.reshape(-1),
    }
    _, decoder_output = model(merged_inputs)
    model_output = decoder_output["model_output"][:, :, 1:, :]

    target_v = all_gt[:, :, 1:, :] - z
    dpm_loss = torch.sum((model_output - target_v) ** 2, dim=-1)

    masked_prediction_loss = dpm_loss[:, 1:, :][neighbors_future_valid]

    loss = {}
    if masked_prediction_loss.numel() > 0:
        loss["neighbor_prediction_loss"] = masked_prediction_loss.mean()
    else:
        loss["neighbor_prediction_loss"] = torch.tensor(0.0, device=masked_prediction_loss.device)
    loss["ego_planning_loss"] = dpm_loss[:, 0, : args.ego_prediction_horizon].mean()
    loss["road_border_loss"] = torch.tensor(0.0, device=dpm_loss.device)
    loss["neighbor_collision_loss"] = torch.tensor(0.0, device=dpm_loss.device)

    turn_logit = decoder_output["turn_indicator_logit"]
    turn_gt = make_turn_indicator_gt(inputs["turn_indicators"])
    turn_loss = nn.functional.cross_entropy(turn_logit, turn_gt, reduction="none")
    changed = inputs["turn_indicators"][:, -2] != inputs["turn_indicators"][:, -1]
    turn_loss = (turn_loss * torch.where(changed, 1.0, 0.05)).mean()
    loss["turn_indicator_loss"] = turn_loss

    with torch.no_grad():
        loss["turn_indicator_accuracy"] = (turn_logit.argmax(dim=-1) == turn_gt).float().mean()

    return loss
