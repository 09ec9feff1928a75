"""positive [LG003]: cross-file: LightningModule uses BCEWithLogitsLoss on UNetSmall's sigmoid output."""
import torch
import torch.nn as nn
import pytorch_lightning as pl

from segmentation import UNetSmall


class SegModule(pl.LightningModule):
    def __init__(self, lr=1e-3):
        super().__init__()
        self.model = UNetSmall()
        self.loss_fn = nn.BCEWithLogitsLoss()
        self.lr = lr

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        img, mask = batch
        pred = self(img)
        loss = self.loss_fn(pred, mask.float())  # expect: LG003
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        img, mask = batch
        pred = self(img)
        iou = ((pred > 0.5) & (mask > 0)).sum() / (((pred > 0.5) | (mask > 0)).sum() + 1)
        self.log("val_iou", iou)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.lr)
