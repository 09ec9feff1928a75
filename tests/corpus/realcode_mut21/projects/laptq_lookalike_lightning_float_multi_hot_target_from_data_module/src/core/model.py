"""part of look-alike project: the Lightning module's BCEWithLogitsLoss gets the loader's float target."""

# Source: LapTQ/classification_multilabel@523afa8fa5 src/core/model.py (MultiLabelClassifyModel; re-typed; the metrics and
# the test step cut)
import pytorch_lightning as pl
import torch
import torch.nn as nn


class TagModel(pl.LightningModule):
    def __init__(self, model, num_classes, lr=1e-4, weight_decay=1e-5):
        super().__init__()
        self.save_hyperparameters(ignore=["model"])
        self.model = model
        self.loss_fn = nn.BCEWithLogitsLoss()

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        x, y, _ = batch
        logits = self(x)
        loss = self.loss_fn(logits, y)
        self.log("train_loss", loss, on_step=True, on_epoch=True, prog_bar=True, batch_size=x.shape[0])
        return loss

    def validation_step(self, batch, batch_idx):
        x, y, _ = batch
        loss = self.loss_fn(self(x), y)
        self.log("val_loss", loss, on_epoch=True, batch_size=x.shape[0])
        return loss

    def configure_optimizers(self):
        optimizer = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=10)
        return {"optimizer": optimizer, "lr_scheduler": scheduler}
