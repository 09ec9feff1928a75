"""look-alike [LG002]: the Lightning module's BCELoss gets the net's sigmoid probabilities in its shared step."""

# Source: pgryko/mnist-chest-xray-classification-pytorchlighning-tensorboard@cf85551bb4 src/models/lightning_module.py
# (ChestXRayModule, re-typed; the torchmetrics metrics and the scheduler cut)
import pytorch_lightning as pl
import torch.nn as nn
import torch.optim as optim


class XRayModule(pl.LightningModule):
    def __init__(self, model: nn.Module, learning_rate: float = 1e-3, weight_decay: float = 1e-5):
        super().__init__()
        self.model = model
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.criterion = nn.BCELoss()

    def forward(self, x):
        return self.model(x)

    def _shared_step(self, batch, stage):
        x, y = batch
        y_hat = self(x)
        loss = self.criterion(y_hat, y.float())
        self.log(f"{stage}_loss", loss, on_epoch=True, prog_bar=True)
        return loss

    def training_step(self, batch, batch_idx):
        return self._shared_step(batch, "train")

    def validation_step(self, batch, batch_idx):
        return self._shared_step(batch, "val")

    def configure_optimizers(self):
        return optim.Adam(self.parameters(), lr=self.learning_rate, weight_decay=self.weight_decay)
