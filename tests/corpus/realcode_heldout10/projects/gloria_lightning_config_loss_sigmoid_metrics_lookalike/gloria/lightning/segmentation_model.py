"""part of look-alike project [LG002, LG003, LG016]: the segmentation LightningModule squeezes the U-Net logits, computes the configured loss on them and takes torch.sigmoid only for the dice metric (a commented-out line shows the loss on probabilities that was dropped)."""
# Source: marshuang80/gloria@416466af1036294301a872e4da169fefc137a192 gloria/lightning/segmentation_model.py (read as is; re-typed, the wandb image logging and the body of get_dice shortened)
import numpy as np
import torch
import segmentation_models_pytorch as smp

from pytorch_lightning.core import LightningModule
from .. import builder
from .. import gloria


class SegmentationModel(LightningModule):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.lr = cfg.lightning.trainer.lr
        self.dm = None
        if self.cfg.model.vision.model_name in gloria.available_models():
            self.model = gloria.load_img_segmentation_model(self.cfg.model.vision.model_name)
        else:
            self.model = smp.Unet("resnet50", encoder_weights=None, activation=None)
        self.loss = builder.build_loss(cfg)

    def configure_optimizers(self):
        return [builder.build_optimizer(self.cfg, self.lr, self.model)]

    def training_step(self, batch, batch_idx):
        return self.shared_step(batch, "train", batch_idx)

    def validation_step(self, batch, batch_idx):
        return self.shared_step(batch, "val", batch_idx)

    def shared_step(self, batch, split, batch_idx):
        x, y = batch

        logit = self.model(x)
        logit = logit.squeeze()
        loss = self.loss(logit, y)

        prob = torch.sigmoid(logit)
        dice = self.get_dice(prob, y)
        # loss = self.loss(prob, y)

        self.log(f"{split}_loss", loss, on_epoch=True, on_step=False, logger=True, prog_bar=True)
        return {"loss": loss, "dice": dice, "logit": logit, "prob": prob, "y": y}

    def get_dice(self, probability, truth, threshold=0.5):
        batch_size = len(truth)
        with torch.no_grad():
            p = (probability.view(batch_size, -1) > threshold).float()
            t = (truth.view(batch_size, -1) > 0.5).float()
            dice = 2 * (p * t).sum(-1) / ((p + t).sum(-1) + 1e-6)
        return torch.mean(dice).detach().item()
