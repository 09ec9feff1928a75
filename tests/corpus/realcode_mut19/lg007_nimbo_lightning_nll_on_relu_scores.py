"""positive [LG007]: a LightningModule's training_step feeds nll_loss the model's relu-rectified linear scores."""

# Source: SebastianCallh/nimbo-pytorch-setup@89c1f33152 my_project/model.py (MyModel, re-typed)
# Mutation: loss = F.cross_entropy(y_hat, y) became loss = F.nll_loss(y_hat, y)
import pytorch_lightning as pl
import torch
from torch import nn
from torch.nn import functional as F


class DigitModel(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.dense = nn.Linear(28 * 28, 10)

    def forward(self, x):
        return torch.relu(self.dense(x.view(x.size(0), -1)))

    def training_step(self, batch, batch_idx):
        images, labels = batch
        scores = self(images)
        loss = F.nll_loss(scores, labels)  # expect: LG007
        self.log("training/loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=0.02)
