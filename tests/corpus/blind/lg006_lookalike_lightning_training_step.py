"""look-alike [LG006, LG014, LG001]: LightningModule: training_step returns the loss (no loop, Lightning zeroes grads); outputs kept per step are detached; softmax only in predict_step."""
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F


class LitClassifier(pl.LightningModule):
    def __init__(self, backbone: nn.Module, n_features=512, n_classes=10, lr=1e-3):
        super().__init__()
        self.backbone = backbone
        self.head = nn.Linear(n_features, n_classes)
        self.lr = lr
        self.step_outputs = []

    def forward(self, x):
        return self.head(self.backbone(x))

    def training_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        loss = F.cross_entropy(logits, y)
        self.step_outputs.append(loss.detach())
        self.log("train/loss", loss)
        return loss

    def on_train_epoch_end(self):
        epoch_mean = torch.stack(self.step_outputs).mean()
        self.log("train/epoch_loss", epoch_mean)
        self.step_outputs.clear()

    def predict_step(self, batch, batch_idx):
        x, _ = batch
        return F.softmax(self(x), dim=-1)

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.lr)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=50)
        return [opt], [sched]


if __name__ == "__main__":
    bb = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 512), nn.ReLU())
    lit = LitClassifier(bb)
    trainer = pl.Trainer(max_epochs=50)
    print(lit)
