"""part of look-alike project [LG001, LG006, LG007, LG015]: torchmetrics collections attached to the LightningModule per stage (they receive the log-probabilities)."""
# Source: mbml84/mnist-pytorch at c9a4384b069b0543019381724d98389ced7145ca models/metrics.py (precision/recall/F1 shortened to accuracy; the frozen dataclass that setattr's on its parent kept)
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import torch
from pytorch_lightning import LightningModule
from torchmetrics.classification import MulticlassAccuracy


class Stage(Enum):
    TRAIN = 'train'
    VALIDATION = 'valid'
    TEST = 'test'


@dataclass(frozen=True)
class ClassificationMetrics:
    parent: LightningModule
    stage: Stage

    def __post_init__(self):
        setattr(self.parent, f'{self.stage.value}_accuracy', MulticlassAccuracy(num_classes=10))

    def update(self, predictions: torch.Tensor, targets: torch.Tensor) -> None:
        getattr(self.parent, f'{self.stage.value}_accuracy').update(predictions, targets)

    def log_step_metrics(self) -> None:
        self.parent.log(f'{self.stage.value}_accuracy', getattr(self.parent, f'{self.stage.value}_accuracy'),
                        on_step=True, on_epoch=False)

    def log_epoch_metrics(self) -> None:
        self.parent.log(f'{self.stage.value}_accuracy', getattr(self.parent, f'{self.stage.value}_accuracy'),
                        on_step=False, on_epoch=True)
