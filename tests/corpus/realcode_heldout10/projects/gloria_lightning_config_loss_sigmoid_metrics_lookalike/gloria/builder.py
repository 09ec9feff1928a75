"""part of look-alike project [LG002, LG003, LG016]: build_loss picks the criterion from cfg.train.loss_fn.type: DiceLoss, FocalLoss, MixedLoss (all on logits, see loss/segmentation_loss.py) or nn.BCEWithLogitsLoss with an optional pos_weight."""
# Source: marshuang80/gloria@416466af1036294301a872e4da169fefc137a192 gloria/builder.py (read as is; re-typed, cut at function boundaries: only build_img_model, build_optimizer and build_loss)
import torch
import torch.nn as nn

from . import models
from . import loss


def build_img_model(cfg):
    image_model = models.IMAGE_MODELS[cfg.phase.lower()]
    return image_model(cfg)


def build_optimizer(cfg, lr, model):
    params = [p for p in model.parameters() if p.requires_grad]
    if cfg.train.optimizer.name == "SGD":
        return torch.optim.SGD(params, lr=lr, momentum=cfg.momentum, weight_decay=cfg.weight_decay)
    return torch.optim.Adam(params, lr=lr, weight_decay=cfg.train.optimizer.weight_decay)


def build_loss(cfg):

    if cfg.train.loss_fn.type == "DiceLoss":
        return loss.segmentation_loss.DiceLoss()
    elif cfg.train.loss_fn.type == "FocalLoss":
        return loss.segmentation_loss.FocalLoss()
    elif cfg.train.loss_fn.type == "MixedLoss":
        return loss.segmentation_loss.MixedLoss(alpha=cfg.train.loss_fn.alpha)
    elif cfg.train.loss_fn.type == "BCE":
        if cfg.train.loss_fn.class_weights is not None:
            weight = torch.Tensor(cfg.train.loss_fn.class_weights)
            loss_fn = nn.BCEWithLogitsLoss(pos_weight=weight)
        else:
            loss_fn = nn.BCEWithLogitsLoss()
        return loss_fn
    else:
        raise NotImplementedError(f"{cfg.train.loss_fn} not implemented yet")
