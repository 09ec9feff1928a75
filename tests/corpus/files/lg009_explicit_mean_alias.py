"""positive [LG009]: `from torch.nn import KLDivLoss` with reduction="mean" spelled out, stored on self in a LightningModule."""
import torch
import torch.nn.functional as F
import pytorch_lightning as pl
from torch.nn import KLDivLoss


class Distiller(pl.LightningModule):
    def __init__(self, student, teacher, T=2.0):
        super().__init__()
        self.student, self.teacher, self.T = student, teacher, T
        self.teacher.requires_grad_(False)
        self.kl = KLDivLoss(reduction="mean")  # expect: LG009

    def training_step(self, batch, batch_idx):
        x, y = batch
        s = self.student(x)
        with torch.no_grad():
            t = self.teacher(x)
        loss = self.kl(F.log_softmax(s / self.T, dim=-1), F.softmax(t / self.T, dim=-1)) * self.T ** 2
        loss = loss + F.cross_entropy(s, y)
        self.log("loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.student.parameters(), lr=1e-3)
