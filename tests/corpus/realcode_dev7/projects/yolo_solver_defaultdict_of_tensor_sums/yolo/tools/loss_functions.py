"""part of positive project [LG006]: the loss returns its sum and a dict of its weighted terms; the terms are tensors of the same graph the sum is back-propagated through."""
# Source: MultimediaTechLab/YOLO@8228669808 yolo/tools/loss_functions.py (re-typed: YOLOLoss reduced to one BCE-with-logits class term, an L1 box term and a DFL-like term; DualLoss and create_loss_function kept with their names)
from typing import Dict, List, Tuple

import torch.nn.functional as F
from torch import Tensor, nn


class YOLOLoss:
    def __init__(self, loss_cfg, vec2box, class_num: int = 80, reg_max: int = 16) -> None:
        self.class_num = class_num
        self.vec2box = vec2box
        self.cls = nn.BCEWithLogitsLoss(reduction="none")

    def __call__(self, predicts: List[Tensor], targets: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        predicts_cls, predicts_anc, predicts_box = predicts
        targets_cls, targets_box = targets[..., : self.class_num], targets[..., self.class_num :]
        cls_norm = targets_cls.sum().clamp(min=1.0)
        loss_cls = self.cls(predicts_cls, targets_cls).sum() / cls_norm
        loss_iou = F.l1_loss(predicts_box, targets_box)
        loss_dfl = F.smooth_l1_loss(predicts_anc.mean(-1), targets_box)
        return loss_iou, loss_dfl, loss_cls


class DualLoss:
    def __init__(self, cfg, vec2box) -> None:
        loss_cfg = cfg.task.loss
        self.loss = YOLOLoss(loss_cfg, vec2box, class_num=cfg.dataset.class_num, reg_max=cfg.model.anchor.reg_max)
        self.aux_rate = loss_cfg.aux
        self.iou_rate = loss_cfg.objective["BoxLoss"]
        self.dfl_rate = loss_cfg.objective["DFLoss"]
        self.cls_rate = loss_cfg.objective["BCELoss"]

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


def create_loss_function(cfg, vec2box) -> DualLoss:
    loss_function = DualLoss(cfg, vec2box)
    return loss_function
