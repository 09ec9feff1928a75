"""part of look-alike project [LG003, LG006, LG015, LG016]: the LightningModule trains several detectors at once: each model's own loss, plus, for every student, binary_cross_entropy_with_logits of its raw scores against the sigmoid of a detached teacher's scores (soft targets are probabilities) and an L1 term on the offsets; the per-step sums are rebuilt in every training_step and returned; sigmoid elsewhere only averages validation probabilities."""
# Source: BloodAxe/Kaggle-2024-CryoET at f422874b, cryoet/training/ensemble_object_detection_module.py; re-typed, identifiers renamed; the validation
# accumulation of tiles, the submission scoring, the threshold sweep, the heat-map rendering and the optimizer and
# scheduler configuration shortened.
from typing import Dict, List

import lightning as L
import numpy as np
import torch
from torch import nn

from cryoet.modelling.detection.detection_head import ObjectDetectionOutput
from .args import DataArguments, ModelArguments, MyTrainingArguments
from .od_accumulator import AccumulatedObjectDetectionPredictionContainer


class EnsembleObjectDetectionModel(L.LightningModule):
    def __init__(self, *, models: List[nn.Module], data_args: DataArguments, model_args: ModelArguments,
                 train_args: MyTrainingArguments):
        super().__init__()
        self.models = nn.ModuleList(models)
        self.data_args = data_args
        self.train_args = train_args
        self.model_args = model_args
        self.validation_predictions = None
        self.num_classes = 6 if model_args.use_6_classes else 5
        self.register_buffer("thresholds", torch.tensor(np.linspace(0.1, 0.9, num=161, dtype=np.float32)))

    def forward(self, volume, labels=None, **loss_kwargs):
        outputs = []
        for model in self.models:
            output = model(volume=volume, labels=labels,
                           apply_loss_on_each_stride=self.model_args.apply_loss_on_each_stride,
                           use_l1_loss=self.train_args.use_l1_loss,
                           use_offset_head=self.model_args.use_offset_head,
                           use_varifocal_loss=self.model_args.use_varifocal_loss,
                           **loss_kwargs)
            outputs.append(output)
        return outputs

    def training_step(self, batch, batch_idx):
        outputs = self(**batch)
        loss = sum([o.loss for o in outputs])
        teacher_index = batch_idx % len(outputs)
        teacher = outputs[teacher_index]
        students = outputs[:teacher_index] + outputs[teacher_index + 1:]
        teacher_logits_loss = 0
        teacher_offset_loss = 0
        for student in students:
            scores_term = [
                torch.nn.functional.binary_cross_entropy_with_logits(s_logits, t_logits.detach().sigmoid())
                for s_logits, t_logits in zip(student.logits, teacher.logits)
            ]
            offset_term = [
                torch.nn.functional.l1_loss(s_off, t_off.detach())
                for s_off, t_off in zip(student.offsets, teacher.offsets)
            ]
            teacher_logits_loss += sum(scores_term)
            teacher_offset_loss += sum(offset_term)
        loss = loss + teacher_logits_loss + teacher_offset_loss
        self.log_dict({"train/teacher_logits_loss": teacher_logits_loss,
                       "train/teacher_offset_loss": teacher_offset_loss},
                      batch_size=len(batch["volume"]), sync_dist=True, on_step=True, on_epoch=True, prog_bar=True)
        for i, output in enumerate(outputs):
            self.log_dict(dict((f"train/{i}_{k}", v) for k, v in output.loss_dict.items()),
                          batch_size=len(batch["volume"]), sync_dist=True, on_step=True, on_epoch=True)
        return loss

    def on_validation_start(self) -> None:
        self.validation_predictions: Dict[str, AccumulatedObjectDetectionPredictionContainer] = {}

    def accumulate_predictions(self, outputs: List[ObjectDetectionOutput], batch):
        scores = []
        offsets = []
        for i in range(len(outputs[0].logits)):
            probs = torch.stack([torch.sigmoid(o.logits[i]) for o in outputs], dim=0).mean(dim=0)
            scores.append(probs.cpu())
            offs = torch.stack([o.offsets[i] for o in outputs], dim=0).mean(dim=0)
            offsets.append(offs.cpu())
        for i in range(len(batch["study"])):
            study = batch["study"][i]
            if study not in self.validation_predictions:
                self.validation_predictions[study] = AccumulatedObjectDetectionPredictionContainer.from_shape(
                    batch["volume_shape"][i], window_size=self.data_args.window_size, num_classes=scores[0].shape[1],
                    strides=outputs[0].strides, device="cpu", dtype=torch.float16)
            self.validation_predictions[study].accumulate(scores_list=[s[i] for s in scores],
                                                          offsets_list=[o[i] for o in offsets],
                                                          tile_coords_zyx=batch["tile_offsets_zyx"][i])

    def validation_step(self, batch, batch_idx):
        outputs = self(**batch)
        self.accumulate_predictions(outputs, batch)
        return outputs
