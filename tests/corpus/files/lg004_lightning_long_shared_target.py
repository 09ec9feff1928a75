"""positive [LG004]: LightningModule casts y.long() for its CE head and reuses it as the BCE target of an auxiliary head."""
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl


class MultiHead(pl.LightningModule):
    def __init__(self, d_in=256, n_classes=10):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(d_in, 256), nn.ReLU())
        self.cls_head = nn.Linear(256, n_classes)
        self.is_zero_head = nn.Linear(256, 1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        y = y.long()
        h = self.trunk(x)
        ce = F.cross_entropy(self.cls_head(h), y)
        is_zero = (y == 0).long()
        aux = F.binary_cross_entropy_with_logits(self.is_zero_head(h).squeeze(-1), is_zero)  # expect: LG004
        loss = ce + 0.1 * aux
        self.log("loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
