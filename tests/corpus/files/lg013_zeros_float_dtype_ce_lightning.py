"""positive [LG013]: LightningModule builds a rank-1 target with torch.zeros(n, dtype=torch.float32) for "all background" samples."""
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl


class OpenSetClassifier(pl.LightningModule):
    def __init__(self, n_classes=11):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, n_classes))
        self.criterion = nn.CrossEntropyLoss()

    def training_step(self, batch, batch_idx):
        known_x, known_y, unknown_x = batch
        loss_known = self.criterion(self.net(known_x), known_y)
        background = torch.zeros(unknown_x.size(0), dtype=torch.float32)
        loss_unknown = self.criterion(self.net(unknown_x), background)  # expect: LG013
        loss = loss_known + 0.5 * loss_unknown
        self.log("loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
