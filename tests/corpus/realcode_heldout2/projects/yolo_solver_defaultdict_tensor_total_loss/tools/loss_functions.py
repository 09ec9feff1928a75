"""part of positive project [LG006]: DualLoss returns (mean of the terms, dict of the three weighted graph-carrying loss terms)."""
# Source: https://github.com/MultimediaTechLab/YOLO yolo/tools/loss_functions.py at 8228669808a626fc5f9c233fdb35550b5e041fae
# (the parent of dea5a8ada1b6d55c8542a40d284f41707134d445, pull request #83 "Fixes memory leak"); re-typed, names changed, reduced.
from typing import Any, Dict, List, Tuple

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.nn import BCEWithLogitsLoss


class ClsLoss(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.bce = BCEWithLogitsLoss(reduction="none")

    def forward(self, predicts_cls: Tensor, targets_cls: Tensor, cls_norm: Tensor) -> Any:
        return self.bce(predicts_cls, targets_cls).sum() / cls_norm


class DistLoss(nn.Module):
    def __init__(self, reg_max: int) -> None:
        super().__init__()
        self.reg_max = reg_max

    def forward(self, predicts_anc: Tensor, targets_dist: Tensor, cls_norm: Tensor) -> Any:
        label_left = targets_dist.floor()
        label_right = label_left + 1
        weight_left, weight_right = label_right - targets_dist, targets_dist - label_left
        loss_left = F.cross_entropy(predicts_anc, label_left.to(torch.long), reduction="none")
        loss_right = F.cross_entropy(predicts_anc, label_right.to(torch.long), reduction="none")
        return (loss_left * weight_left + loss_right * weight_right).sum() / cls_norm


class DetLoss:
    def __init__(self, matcher, class_num: int = 80, reg_max: int = 16) -> None:
        self.class_num = class_num
        self.cls = ClsLoss()
        self.dfl = DistLoss(reg_max)
        self.matcher = matcher

    def __call__(self, predicts: List[Tensor], targets: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        predicts_cls, predicts_anc, predicts_box = predicts
        targets_cls, targets_dist, targets_box = self.matcher(targets, (predicts_cls.detach(), predicts_box.detach()))
        cls_norm = targets_cls.sum()
        loss_cls = self.cls(predicts_cls, targets_cls, cls_norm)
        loss_iou = (1.0 - (predicts_box - targets_box).abs().mean(-1)).sum() / cls_norm
        loss_dfl = self.dfl(predicts_anc, targets_dist, cls_norm)
        return loss_iou, loss_dfl, loss_cls


class DualLoss:
    def __init__(self, cfg, matcher) -> None:
        self.loss = DetLoss(matcher, class_num=cfg.dataset.class_num, reg_max=cfg.model.anchor.reg_max)
        self.aux_rate = cfg.task.loss.aux
        self.iou_rate = cfg.task.loss.objective["BoxLoss"]
        self.dfl_rate = cfg.task.loss.objective["DFLoss"]
        self.cls_rate = cfg.task.loss.objective["BCELoss"]

    def __call__(self, aux_predicts: List[Tensor], main_predicts: List[Tensor], targets: Tensor) -> Tuple[Tensor, Dict[str, Tensor]]:
        aux_iou, aux_dfl, aux_cls = self.loss(aux_predicts, targets)
        main_iou, main_dfl, main_cls = self.loss(main_predicts, targets)
        loss_dict = {
            "BoxLoss": self.iou_rate * (aux_iou * self.aux_rate + main_iou),
            "DFLoss": self.dfl_rate * (aux_dfl * self.aux_rate + main_dfl),
            "BCELoss": self.cls_rate * (aux_cls * self.aux_rate + main_cls),
        }
        loss_sum = sum(list(loss_dict.values())) / len(loss_dict)
        return loss_sum, loss_dict


def create_loss_function(cfg, matcher) -> DualLoss:
    return DualLoss(cfg, matcher)
