"""part of positive project [LG001]: the shared step of a Lightning base model passes the subclass's forward output to the subclass's CrossEntropyLoss."""
# Source: CyberDataLab/nebula@f7cb19c456 (the parent of cb478b0d "Remove duplicated log_softmax in MLP models") nebula/core/models/nebulamodel.py (re-typed: metrics, logging and the optimizer hooks cut; names renamed)
from abc import ABC, abstractmethod

import lightning as pl


class FederatedModel(pl.LightningModule, ABC):
    def __init__(self, input_channels=1, num_classes=10, learning_rate=1e-3, metrics=None):
        super().__init__()
        self.input_channels = input_channels
        self.num_classes = num_classes
        self.learning_rate = learning_rate
        self.metrics = metrics

    @abstractmethod
    def forward(self, x):
        """Forward pass of the model."""

    @abstractmethod
    def configure_optimizers(self):
        """Optimizer configuration."""

    def process_metrics(self, phase, y_pred, y, loss=None):
        if loss is not None:
            self.log(f"{phase}/Loss", loss, prog_bar=True, logger=True)

    def step(self, batch, batch_idx, phase):
        x, y = batch
        y_pred = self.forward(x)
        loss = self.criterion(y_pred, y)  # expect: LG001
        self.process_metrics(phase, y_pred, y, loss)
        return loss

    def training_step(self, batch, batch_idx):
        return self.step(batch, batch_idx=batch_idx, phase="Train")

    def validation_step(self, batch, batch_idx):
        return self.step(batch, batch_idx=batch_idx, phase="Validation")
