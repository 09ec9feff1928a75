"""look-alike [LG003, LG002]: the thread reports a sigmoid before binary_cross_entropy_with_logits; the step computes sigmoid scores for the accuracy only and passes the logits to the loss (the reply's reading, correct)."""
# Source: https://github.com/Lightning-AI/pytorch-lightning/issues/18272 (the training_step quoted in the thread); Lightning-AI/pytorch-lightning@67f280b examples/pytorch/domain_templates/computer_vision_fine_tuning.py (cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F
from lightning.pytorch import LightningModule
from torchmetrics import Accuracy


class FineTuner(LightningModule):
    def __init__(self, backbone: nn.Module, lr: float = 1e-3):
        super().__init__()
        self.lr = lr
        self.features = backbone
        self.fc = nn.Sequential(nn.Linear(2048, 256), nn.ReLU(), nn.Linear(256, 32), nn.Linear(32, 1))
        self.loss_func = F.binary_cross_entropy_with_logits
        self.train_acc = Accuracy(task="binary")
        self.valid_acc = Accuracy(task="binary")

    def forward(self, x):
        x = self.features(x)
        x = x.squeeze(-1).squeeze(-1)
        return self.fc(x)

    def loss(self, logits, labels):
        return self.loss_func(input=logits, target=labels)

    def training_step(self, batch, batch_idx):
        x, y = batch
        logits = self.forward(x)
        scores = torch.sigmoid(logits)
        truth = y.view((-1, 1)).type_as(x)
        train_loss = self.loss(logits, truth)
        self.log("train_acc", self.train_acc(scores, truth.int()), prog_bar=True)
        return train_loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self.forward(x)
        scores = torch.sigmoid(logits)
        truth = y.view((-1, 1)).type_as(x)
        self.log("val_loss", self.loss(logits, truth), prog_bar=True)
        self.log("val_acc", self.valid_acc(scores, truth.int()), prog_bar=True)

    def configure_optimizers(self):
        return torch.optim.Adam([p for p in self.parameters() if p.requires_grad], lr=self.lr)
