"""positive [LG001]: self.act = nn.Softmax(1) applied at the end of forward, criterion stored as self.criterion in a LightningModule."""
import torch
from torch import nn
import pytorch_lightning as pl
import torchmetrics


class TextCNN(pl.LightningModule):
    def __init__(self, vocab_size, num_classes, emb_dim=128, lr=1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.embedding = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.convs = nn.ModuleList([nn.Conv1d(emb_dim, 100, k) for k in (3, 4, 5)])
        self.dropout = nn.Dropout(0.5)
        self.fc = nn.Linear(300, num_classes)
        self.act = nn.Softmax(1)
        self.criterion = nn.CrossEntropyLoss()
        self.train_acc = torchmetrics.Accuracy(task="multiclass", num_classes=num_classes)

    def forward(self, tokens):
        x = self.embedding(tokens).transpose(1, 2)
        x = [torch.relu(conv(x)).max(dim=2).values for conv in self.convs]
        x = self.dropout(torch.cat(x, dim=1))
        return self.act(self.fc(x))

    def training_step(self, batch, batch_idx):
        tokens, labels = batch
        out = self(tokens)
        loss = self.criterion(out, labels)  # expect: LG001
        self.train_acc(out, labels)
        self.log("train_loss", loss, prog_bar=True)
        self.log("train_acc", self.train_acc, on_epoch=True)
        return loss

    def validation_step(self, batch, batch_idx):
        tokens, labels = batch
        out = self(tokens)
        self.log("val_loss", self.criterion(out, labels))  # expect: LG001

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
