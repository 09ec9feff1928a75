"""look-alike [LG003, LG016]: LightningModule: training_step uses logits with BCEWithLogits; predict_step applies sigmoid (no loss there)."""
import torch
import torch.nn as nn
import lightning.pytorch as pl


class LesionClassifier(pl.LightningModule):
    def __init__(self, backbone: nn.Module, n_feats: int, lr: float = 1e-4):
        super().__init__()
        self.backbone = backbone
        self.head = nn.Linear(n_feats, 1)
        self.loss = nn.BCEWithLogitsLoss()
        self.lr = lr

    def forward(self, x):
        return self.head(self.backbone(x)).squeeze(1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        loss = self.loss(logits, y.float())
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.log("val_loss", self.loss(logits, y.float()))
        self.log("val_acc", ((logits.sigmoid() > 0.5) == y.bool()).float().mean())

    def predict_step(self, batch, batch_idx, dataloader_idx=0):
        x, _ = batch
        return torch.sigmoid(self(x))

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=self.lr)
