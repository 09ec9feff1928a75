"""positive [LG003]: `.sigmoid()` method form inside a LightningModule training_step feeding self.criterion = BCEWithLogitsLoss()."""
import torch
import torch.nn as nn
import pytorch_lightning as pl
from torchmetrics.classification import MultilabelF1Score


class GenreClassifier(pl.LightningModule):
    def __init__(self, n_mels=128, n_genres=20, lr=1e-3):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        )
        self.fc = nn.Linear(64, n_genres)
        self.criterion = nn.BCEWithLogitsLoss()
        self.f1 = MultilabelF1Score(num_labels=n_genres)
        self.lr = lr

    def forward(self, spec):
        return self.fc(self.cnn(spec).flatten(1))

    def training_step(self, batch, batch_idx):
        spec, genres = batch
        probs = self(spec).sigmoid()
        loss = self.criterion(probs, genres.float())  # expect: LG003
        self.f1(probs, genres.int())
        self.log_dict({"train_loss": loss, "train_f1": self.f1})
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.lr)
