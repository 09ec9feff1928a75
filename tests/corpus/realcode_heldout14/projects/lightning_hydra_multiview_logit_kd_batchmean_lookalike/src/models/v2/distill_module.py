"""part of look-alike project [LG006, LG008, LG009]: the Lightning distillation step sums per-view CE losses and masked KD terms inside one step; epoch means go through torchmetrics MeanMetric."""
# Source: hungdinhxuan/Lightning-hydra at 656e857a (read as is), src/models/v2/xlsr_conformertcm_mdt_distill_module.py; re-typed, identifiers renamed; the base
# module's model construction, the replay-mask strategy and validation are reduced to what the step uses.
from typing import Any, Dict, Tuple, Union

import torch
from lightning import LightningModule
from torchmetrics import MeanMetric

from src.models.components.distillation import FeatureKDLoss, LogitKDLoss


class MultiViewDistillModule(LightningModule):
    def __init__(self, net, criterion, weighted_views: Dict[str, float], distill: Union[Dict[str, Any], None] = None, teacher=None):
        super().__init__()
        self.net = net
        self.criterion = criterion
        self.weighted_views = weighted_views
        self.distill_cfg = dict(distill or {})
        self.distill_enabled = bool(self.distill_cfg.get("enabled", False))
        self.distill_temperature = float(self.distill_cfg.get("temperature", 4.0))
        self.lambda_kd = float(self.distill_cfg.get("lambda_kd", 0.3))
        self.lambda_feat = float(self.distill_cfg.get("lambda_feat", 0.0))
        self.logit_kd_loss = LogitKDLoss(temperature=self.distill_temperature)
        self.feature_kd_loss = FeatureKDLoss()
        self.train_loss = MeanMetric()
        self.train_mdt_loss = MeanMetric()
        self.train_kd_loss = MeanMetric()
        self.teacher_model = teacher

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx: int) -> torch.Tensor:
        loss, preds, targets, loss_detail, kd_loss, feat_kd_loss = self._distill_model_step(batch)
        total_loss = loss + self.lambda_kd * kd_loss + self.lambda_feat * feat_kd_loss
        self.train_loss(total_loss)
        self.train_mdt_loss(loss)
        self.train_kd_loss(kd_loss)
        self.log("train/loss", self.train_loss, on_step=False, on_epoch=True, prog_bar=True)
        self.log("train/kd_loss", self.train_kd_loss, on_step=False, on_epoch=True, prog_bar=True)
        return total_loss

    def _distill_model_step(self, batch):
        loss, preds, targets, loss_detail, student_outputs = self._supervised_multiview_step(batch)
        kd_loss = loss.new_zeros(())
        feat_kd_loss = loss.new_zeros(())
        if not self.distill_enabled:
            return loss, preds, targets, loss_detail, kd_loss, feat_kd_loss
        for view, (x, _y, sources, student_logits) in student_outputs.items():
            with torch.no_grad():
                teacher_logits = self.teacher_model(x)
            kd_mask = sources == 1
            kd_loss = kd_loss + self.logit_kd_loss(
                student_logits[kd_mask],
                teacher_logits[kd_mask],
                temperature=self.distill_temperature,
            ) * self.weighted_views[str(view)]
        return loss, preds, targets, loss_detail, kd_loss, feat_kd_loss

    def _supervised_multiview_step(self, batch):
        train_loss = 0.0
        all_preds, all_labels = [], []
        loss_detail = {}
        student_outputs = {}
        for view, (x, y, sources) in batch.items():
            view = str(view)
            if x.dtype != torch.float32:
                x = x.float()
            logits = self.forward(x)
            loss = self.criterion(logits, y) * self.weighted_views[view]
            train_loss += loss
            preds = torch.argmax(logits, dim=1)
            all_preds.append(preds)
            all_labels.append(y)
            loss_detail[view] = loss_detail.get(view, 0) + loss.item()
            student_outputs[view] = (x, y, sources, logits)
        return train_loss, torch.cat(all_preds), torch.cat(all_labels), loss_detail, student_outputs
