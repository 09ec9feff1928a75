"""positive [LG001]: LightningModule whose forward returns torch.softmax over a Linear head; training_step passes self(x) to F.cross_entropy."""
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchmetrics.classification import MulticlassAccuracy


class LitTextCNN(pl.LightningModule):
    def __init__(self, vocab_size=20000, emb_dim=128, num_classes=4, lr=1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.emb = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.convs = nn.ModuleList([nn.Conv1d(emb_dim, 100, k) for k in (3, 4, 5)])
        self.fc = nn.Linear(300, num_classes)
        self.train_acc = MulticlassAccuracy(num_classes=num_classes)

    def forward(self, tokens):
        x = self.emb(tokens).transpose(1, 2)
        x = torch.cat([F.relu(c(x)).max(dim=2).values for c in self.convs], dim=1)
        return torch.softmax(self.fc(x), dim=1)

    def training_step(self, batch, batch_idx):
        tokens, labels = batch
        preds = self(tokens)
        loss = F.cross_entropy(preds, labels)  # expect: LG001
        self.train_acc(preds, labels)
        self.log("train_loss", loss, prog_bar=True)
        self.log("train_acc", self.train_acc, on_epoch=True)
        return loss

    def validation_step(self, batch, batch_idx):
        tokens, labels = batch
        preds = self(tokens)
        self.log("val_acc", (preds.argmax(1) == labels).float().mean())

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)


if __name__ == "__main__":
    model = LitTextCNN()
    trainer = pl.Trainer(max_epochs=10, accelerator="auto")
    print(model)
