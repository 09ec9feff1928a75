"""positive [LG016]: nn.BCELoss()(torch.sigmoid(out), y) inline in a LightningModule training_step; forward returns Linear logits."""
import torch
import torch.nn as nn
import pytorch_lightning as pl


class ClickModel(pl.LightningModule):
    def __init__(self, d=32):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(d, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, x):
        return self.mlp(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        out = self(x)
        loss = nn.BCELoss()(torch.sigmoid(out), y)  # expect: LG016
        self.log("loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
