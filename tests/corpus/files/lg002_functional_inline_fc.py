"""positive [LG002]: F.binary_cross_entropy called inline on self.fc(h) inside a LightningModule's shared step."""
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl


class PneumoniaDetector(pl.LightningModule):
    def __init__(self, lr=1e-4):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, stride=2), nn.ReLU(),
            nn.Conv2d(16, 32, 3, stride=2), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.fc = nn.Linear(32, 1)
        self.lr = lr

    def _shared_step(self, batch, stage):
        x, y = batch
        h = self.features(x)
        loss = F.binary_cross_entropy(self.fc(h).squeeze(1), y.float())  # expect: LG002
        self.log(f"{stage}_loss", loss, prog_bar=True)
        return loss

    def training_step(self, batch, batch_idx):
        return self._shared_step(batch, "train")

    def validation_step(self, batch, batch_idx):
        self._shared_step(batch, "val")

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.lr)
