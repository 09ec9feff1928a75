"""positive [LG005]: LightningModule regressor: self.regressor = nn.Linear(256, 1); F.mse_loss(y_hat, y.view(-1))."""
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl


class SolubilityModel(pl.LightningModule):
    def __init__(self, n_bits=2048):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(n_bits, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU())
        self.regressor = nn.Linear(256, 1)

    def forward(self, fp):
        return self.regressor(self.encoder(fp))

    def training_step(self, batch, batch_idx):
        fp, y = batch
        y_hat = self(fp)
        loss = F.mse_loss(y_hat, y.view(-1))  # expect: LG005
        self.log("train_mse", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        fp, y = batch
        self.log("val_mse", F.mse_loss(self(fp).view(-1), y.view(-1)))

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
