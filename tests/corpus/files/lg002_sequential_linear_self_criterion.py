"""positive [LG002]: LightningModule with an nn.Sequential ending in Linear and self.loss_fn = nn.BCELoss() set in __init__."""
import torch
import torch.nn as nn
import lightning as L


class ChurnModel(L.LightningModule):
    def __init__(self, n_features: int, lr: float = 1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Linear(n_features, 128),
            nn.ReLU(),
            nn.BatchNorm1d(128),
            nn.Linear(128, 64),
            nn.ReLU(),
            nn.Linear(64, 1),
        )
        self.loss_fn = nn.BCELoss()

    def forward(self, x):
        return self.net(x).view(-1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        loss = self.loss_fn(y_hat, y.float())  # expect: LG002
        self.log("train/loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        self.log("val/loss", self.loss_fn(y_hat, y.float()), prog_bar=True)  # expect: LG002
        self.log("val/acc", ((y_hat > 0) == y.bool()).float().mean())

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=self.hparams.lr)
