"""look-alike [LG005]: LightningModule regressor with y.reshape(-1, 1) matching the (N, 1) Linear head."""
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl


class Regressor(pl.LightningModule):
    def __init__(self, d_in=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.mse_loss(self(x), y.reshape(-1, 1))
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val_mae", F.l1_loss(self(x).squeeze(1), y.view(-1)))

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
