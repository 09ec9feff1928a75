"""part of look-alike project [LG002, LG003, LG006, LG015]: the CenterNet LightningModule picks each head's loss by name from a table, keeps the size / offset L1 losses unreduced to mask them and sums them, adds the weighted terms into a total inside one compute_loss call, and returns the total from training_step."""
# Source: gau-nernst/centernet-lightning at 2b7aa422 (the fix "minor fixes": QualityFocalLossWithLogits's method
# named __format__ becomes forward and its binary_cross_entropy becomes binary_cross_entropy_with_logits),
# src/models/centernet.py; re-typed, identifiers renamed; decode_detections, inference, the histogram logging,
# the optimizer configuration and steps_per_epoch shortened (build_backbone, iou_loss as in the source's modules).
from typing import Dict
import warnings

import torch
from torch import nn
import torch.nn.functional as F
import pytorch_lightning as pl

from ..backbones import build_backbone
from ..losses import focal_loss, iou_loss

__all__ = ["CenterNet"]

_heads = ["size", "offset"]
_head_channels = {"size": 2, "offset": 2}
_losses_by_name = {
    "modified_focal": focal_loss.ModifiedFocalLossWithLogits,
    "quality_focal": focal_loss.QualityFocalLossWithLogits,
    "l1": nn.L1Loss,
    "smooth_l1": nn.SmoothL1Loss,
    "iou": iou_loss.CenterNetIoULoss,
    "giou": iou_loss.CenterNetGIoULoss,
    "ciou": iou_loss.CenterNetCIoULoss,
}


def _make_head(in_channels: int, hidden_channels: int, out_channels: int, fill_bias: float = None):
    conv1 = nn.Conv2d(in_channels, hidden_channels, 3, padding=1)
    relu = nn.ReLU(inplace=True)
    conv2 = nn.Conv2d(hidden_channels, out_channels, 1)
    if fill_bias is not None:
        conv2.bias.data.fill_(fill_bias)
    return nn.Sequential(conv1, relu, conv2)


class CenterNet(pl.LightningModule):
    def __init__(self, backbone: Dict, num_classes: int, output_heads: Dict = None, optimizer: Dict = None,
                 lr_scheduler: Dict = None, **kwargs):
        super(CenterNet, self).__init__()
        self.backbone = build_backbone(**backbone)
        channels = self.backbone.out_channels
        self.output_stride = self.backbone.output_stride
        self.num_classes = num_classes

        fill_bias = output_heads["fill_bias"]
        other_heads = output_heads["other_heads"]
        loss_weights = output_heads["loss_weights"]
        loss_names = output_heads["loss_functions"]

        self.output_heads = nn.ModuleDict()
        self.head_loss_fn = nn.ModuleDict()
        self.output_heads["heatmap"] = _make_head(channels, channels, num_classes, fill_bias=fill_bias["heatmap"])
        if "heatmap" not in loss_names or loss_names["heatmap"] not in _losses_by_name:
            warnings.warn("Loss function for heatmap was not specified or invalid. Default to Modified Focal Loss")
            self.head_loss_fn["heatmap"] = focal_loss.ModifiedFocalLossWithLogits(reduction="sum")
        else:
            self.head_loss_fn["heatmap"] = _losses_by_name[loss_names["heatmap"]](reduction="sum")
        assert "heatmap" in loss_weights

        for h in other_heads:
            assert h in _heads
            assert h in loss_weights
            self.output_heads[h] = _make_head(channels, channels, _head_channels[h], fill_bias=fill_bias[h])
            if h not in loss_names or loss_names[h] not in _losses_by_name:
                warnings.warn(f"Loss function for {h} was not specified or invalid. Default to L1 Loss")
                self.head_loss_fn[h] = nn.L1Loss(reduction="none")
            else:
                self.head_loss_fn[h] = _losses_by_name[loss_names.get(h, "l1")](reduction="none")

        self.other_heads = other_heads
        self.loss_weights = loss_weights
        self.optimizer_cfg = optimizer
        self.lr_scheduler_cfg = lr_scheduler
        self.save_hyperparameters()

    def forward(self, images):
        features = self.backbone(images)
        output = {}
        output["backbone_features"] = features
        for k, v in self.output_heads.items():
            output[k] = v(features)
        return output

    def compute_loss(self, preds: Dict[str, torch.Tensor], targets: Dict[str, torch.Tensor], eps: float = 1e-8):
        boxes = targets["bboxes"].clone()
        target_heatmap = targets["heatmap"]
        mask = targets["mask"].unsqueeze(-1)

        n, _, hm_h, hm_w = preds["heatmap"].shape
        pred_heatmap = preds["heatmap"]
        size_map = preds["size"].view(n, 2, -1)
        offset_map = preds["offset"].view(n, 2, -1)

        losses = {}
        boxes[..., [0, 2]] *= hm_w
        boxes[..., [1, 3]] *= hm_h
        centers = boxes[..., :2].long()
        flat_idx = centers[..., 1] * hm_w + centers[..., 0]
        flat_idx = flat_idx.unsqueeze(1).expand((n, 2, -1))

        pred_sizes = torch.gather(size_map, dim=-1, index=flat_idx)
        pred_offset = torch.gather(offset_map, dim=-1, index=flat_idx)

        target_size = boxes[..., 2:] * self.output_stride
        size_loss = self.head_loss_fn["size"](pred_sizes.swapaxes(1, 2), target_size)
        size_loss = torch.sum(size_loss * mask)
        losses["size"] = size_loss

        target_offset = boxes[..., :2] - torch.floor(boxes[..., :2])
        offset_loss = self.head_loss_fn["offset"](pred_offset.swapaxes(1, 2), target_offset)
        offset_loss = torch.sum(offset_loss * mask)
        losses["offset"] = offset_loss

        losses["heatmap"] = self.head_loss_fn["heatmap"](pred_heatmap, target_heatmap)

        count = torch.sum(mask) + eps
        losses["size"] /= count
        losses["offset"] /= count
        losses["heatmap"] /= count

        total = torch.tensor(0., dtype=losses["heatmap"].dtype, device=self.device)
        for k, v in losses.items():
            total += v * self.loss_weights[k]
        losses["total"] = total
        return losses

    def training_step(self, batch, batch_idx):
        encoded = self(batch["image"])
        losses = self.compute_loss(encoded, batch)
        for k, v in losses.items():
            self.log(f"train/{k}_loss", v)
        return losses["total"]

    def validation_step(self, batch, batch_idx):
        encoded = self(batch["image"])
        losses = self.compute_loss(encoded, batch)
        for k, v in losses.items():
            self.log(f"val/{k}_loss", v)
