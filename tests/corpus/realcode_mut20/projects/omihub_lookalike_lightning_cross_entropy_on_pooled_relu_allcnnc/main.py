"""look-alike [LG007]: the Lightning module gives the all-convolutional net's pooled ReLU output to CrossEntropyLoss, which normalises it itself."""

# Source: omihub777/image-classification-pytorch@4d3083415d main.py (Net, re-typed; the Comet logger, the dataset and
# the trainer setup cut)
# The network fixed to AllCNNC (was get_model(hparams), a choice of fifteen by name), with the original
# nn.CrossEntropyLoss()
import pytorch_lightning as pl
import torch
import torch.nn as nn
from model.allcnnc import AllConvC


class Net(pl.LightningModule):
    def __init__(self, hparams):
        super().__init__()
        self.save_hyperparameters(hparams)
        self.model = AllConvC(in_c=hparams.in_c, num_classes=hparams.num_classes)
        self.criterion = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.model(x)

    def configure_optimizers(self):
        optimizer = torch.optim.SGD(self.model.parameters(), lr=self.hparams.lr, momentum=0.9)
        scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[100, 150], gamma=0.1)
        return [optimizer], [scheduler]

    def training_step(self, batch, batch_idx):
        img, label = batch
        out = self(img)
        loss = self.criterion(out, label)
        self.log("loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        img, label = batch
        out = self(img)
        loss = self.criterion(out, label)
        self.log("val_loss", loss)
        return loss
