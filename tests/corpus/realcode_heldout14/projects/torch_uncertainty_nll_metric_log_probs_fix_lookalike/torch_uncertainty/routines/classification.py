"""part of look-alike project [LG007]: the Lightning routine trains on logits and updates its metric collection, NLL included, with softmax probabilities."""
# Source: ENSTA-U2IS-AI/torch-uncertainty at the fix 7692f1ce ("Fix bug in ClassificationSingle routine", which
# stores torch.log(probs) and calls F.nll_loss on the log-probabilities), torch_uncertainty/routines/classification.py; re-typed; OOD metrics, test_step, hyper-parameter logging and
# argument parsing cut.
from typing import Tuple

import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchmetrics import Accuracy, CalibrationError, MetricCollection

from ..metrics import NegativeLogLikelihood


class ClassificationSingle(pl.LightningModule):
    def __init__(self, num_classes: int, *args, **kwargs) -> None:
        super().__init__()
        cls_metrics = MetricCollection(
            {
                "nll": NegativeLogLikelihood(),
                "acc": Accuracy(task="multiclass", num_classes=num_classes),
                "ece": CalibrationError(task="multiclass", num_classes=num_classes),
            },
            compute_groups=False,
        )
        self.val_metrics = cls_metrics.clone(prefix="hp/val_")
        self.test_cls_metrics = cls_metrics.clone(prefix="hp/test_")

    @property
    def criterion(self) -> nn.Module:
        raise NotImplementedError()

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError()

    def training_step(self, batch: Tuple[torch.Tensor, torch.Tensor], batch_idx: int):
        inputs, targets = batch
        logits = self.forward(inputs)
        loss = self.criterion(logits, targets)
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch: Tuple[torch.Tensor, torch.Tensor], batch_idx: int) -> None:
        inputs, targets = batch
        logits = self.forward(inputs)
        probs = F.softmax(logits, dim=-1)
        self.val_metrics.update(probs, targets)

    def validation_epoch_end(self, outputs) -> None:
        self.log_dict(self.val_metrics.compute())
        self.val_metrics.reset()
