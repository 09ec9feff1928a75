"""part of positive project [LG012]: the Lightning module (manual optimization) gives the CTC wrapper softmax probabilities."""

# Source: tuongtranngoc/CRNN-Text-Recognition@cc1600250f src/pl_modules/pl_model.py (LitCRNN.training_step, re-typed; metrics and validation cut)
# Mutation: log_probs = F.log_softmax(outs, dim=2) became log_probs = F.softmax(outs, dim=2)
import pytorch_lightning as pl
import torch
import torch.nn.functional as F

from losses import CTCFocalLoss
from model import CRNN


class LitCRNN(pl.LightningModule):
    def __init__(self, num_classes) -> None:
        super().__init__()
        self.model = CRNN(num_classes)
        self.loss_func = CTCFocalLoss()
        self.automatic_optimization = False

    def training_step(self, batch, batch_idx):
        images, labels, labels_len = batch
        bz = images.size(0)
        outs = self.model(images)
        log_probs = F.softmax(outs, dim=2)
        labels_len = torch.flatten(labels_len)
        images_len = torch.tensor([outs.size(0)] * bz, dtype=torch.long)
        loss = self.loss_func(log_probs, labels, images_len, labels_len)
        self.log("Loss", loss.item(), prog_bar=True)
        optim = self.optimizers()
        optim.zero_grad()
        self.manual_backward(loss)
        optim.step()

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
