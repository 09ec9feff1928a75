"""part of look-alike project [LG006, LG014, LG015]: one_epoch picks enable_grad or no_grad by mode, restarts total_loss = 0.0 inside every step before adding the criterion's loss and the weighted volumetric term, back-propagates it after zero_grad, and records .item() values in lists."""
# Source: karfly/learnable-triangulation-pytorch@8dcc4e97a407ba0474d2e5299a92bb32cfaeadfe train.py (read as is; re-typed, identifiers renamed, cut at function boundaries: the 1-view re-centring, base-point metrics, visualisation, distributed set-up, checkpoints and evaluation left out)
import time
from collections import defaultdict
from itertools import islice

import torch
from torch import autograd

from mvn.models.triangulation import AlgebraicTriangulationNet, VolumetricTriangulationNet
from mvn.models.loss import KeypointsMSELoss, KeypointsMSESmoothLoss, KeypointsL2Loss, VolumetricCELoss
from mvn.datasets import utils as dataset_utils


def one_epoch(model, criterion, opt, config, dataloader, device, epoch, is_train=True):
    model_type = config.model.name
    if is_train:
        model.train()
    else:
        model.eval()
    metrics = defaultdict(list)
    grad_context = torch.autograd.enable_grad if is_train else torch.no_grad
    with grad_context():
        iterator = enumerate(dataloader)
        if is_train and config.opt.n_iters_per_epoch is not None:
            iterator = islice(iterator, config.opt.n_iters_per_epoch)
        for it, batch in iterator:
            with autograd.detect_anomaly():
                if batch is None:
                    continue
                images, kp_gt, kp_valid, proj = dataset_utils.prepare_batch(batch, device, config)
                if model_type == "alg":
                    kp_pred, kp2d_pred, heatmaps, conf = model(images, proj, batch)
                elif model_type == "vol":
                    kp_pred, heatmaps, volumes, conf, cuboids, coord_volumes, base_points = model(images, proj, batch)
                valid = (kp_valid > 0.0).type(torch.float32)
                scale = config.opt.scale_keypoints_3d if hasattr(config.opt, "scale_keypoints_3d") else 1.0

                total_loss = 0.0
                loss = criterion(kp_pred * scale, kp_gt * scale, valid)
                total_loss += loss
                metrics[f'{config.opt.criterion}'].append(loss.item())

                use_ce = config.opt.use_volumetric_ce_loss if hasattr(config.opt, "use_volumetric_ce_loss") else False
                if use_ce:
                    ce = VolumetricCELoss()
                    loss = ce(coord_volumes, volumes, kp_gt, valid)
                    metrics['volumetric_ce_loss'].append(loss.item())
                    weight = config.opt.volumetric_ce_loss_weight if hasattr(config.opt, "volumetric_ce_loss_weight") else 1.0
                    total_loss += weight * loss

                metrics['total_loss'].append(total_loss.item())

                if is_train:
                    opt.zero_grad()
                    total_loss.backward()
                    if hasattr(config.opt, "grad_clip"):
                        torch.nn.utils.clip_grad_norm_(model.parameters(), config.opt.grad_clip / config.opt.lr)
                    opt.step()

                l2 = KeypointsL2Loss()(kp_pred * scale, kp_gt * scale, valid)
                metrics['l2'].append(l2.item())
    return metrics


def main(config, device, train_loader, val_loader):
    model = {"alg": AlgebraicTriangulationNet, "vol": VolumetricTriangulationNet}[config.model.name](config, device=device).to(device)
    criterion_class = {
        "MSE": KeypointsMSELoss,
        "MSESmooth": KeypointsMSESmoothLoss,
    }[config.opt.criterion]
    if config.opt.criterion == "MSESmooth":
        criterion = criterion_class(config.opt.mse_smooth_threshold)
    else:
        criterion = criterion_class()
    opt = torch.optim.Adam(model.parameters(), lr=config.opt.lr)
    for epoch in range(config.opt.n_epochs):
        one_epoch(model, criterion, opt, config, train_loader, device, epoch, is_train=True)
        one_epoch(model, criterion, opt, config, val_loader, device, epoch, is_train=False)
