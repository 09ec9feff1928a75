"""positive [LG001]: a LightningModule whose forward ends in softmax feeds self.criterion = CrossEntropyLoss in training_step."""
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchmetrics.classification import MulticlassAccuracy


class TextCNN(pl.LightningModule):
    def __init__(self, vocab_size: int, n_classes: int, emb_dim: int = 128, lr: float = 1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.embedding = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.convs = nn.ModuleList(
            [nn.Conv1d(emb_dim, 100, kernel_size=k) for k in (3, 4, 5)]
        )
        self.dropout = nn.Dropout(0.5)
        self.fc = nn.Linear(300, n_classes)
        self.criterion = nn.CrossEntropyLoss()
        self.train_acc = MulticlassAccuracy(num_classes=n_classes)

    def forward(self, token_ids):
        emb = self.embedding(token_ids).transpose(1, 2)
        pooled = [F.relu(conv(emb)).max(dim=2).values for conv in self.convs]
        h = self.dropout(torch.cat(pooled, dim=1))
        return F.softmax(self.fc(h), dim=1)

    def training_step(self, batch, batch_idx):
        token_ids, labels = batch
        scores = self(token_ids)
        loss = self.criterion(scores, labels)  # expect: LG001
        self.train_acc(scores.argmax(dim=1), labels)
        self.log("train/loss", loss, prog_bar=True)
        self.log("train/acc", self.train_acc, on_epoch=True)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
