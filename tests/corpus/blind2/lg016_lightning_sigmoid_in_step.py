"""positive [LG016]: a LightningModule applies torch.sigmoid to its logits inside training_step and feeds the result to self.loss_fn = nn.BCELoss()."""
import pytorch_lightning as pl
import torch
import torch.nn as nn
from torchmetrics.classification import BinaryAUROC


class FraudDetector(pl.LightningModule):
    def __init__(self, n_features: int, hidden: int = 64, lr: float = 1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Linear(n_features, hidden), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, 1),
        )
        self.loss_fn = nn.BCELoss()
        self.auroc = BinaryAUROC()

    def forward(self, x):
        return self.net(x).squeeze(-1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        y_hat = torch.sigmoid(self(x))
        loss = self.loss_fn(y_hat, y.float())  # expect: LG016
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.auroc.update(torch.sigmoid(logits), y.int())
        self.log("val_auroc", self.auroc, on_epoch=True)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
