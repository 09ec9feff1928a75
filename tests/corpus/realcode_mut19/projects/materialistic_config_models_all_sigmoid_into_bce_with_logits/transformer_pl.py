"""part of positive project [LG003]: the Lightning module scores whichever model the configuration picks, every one ending in a sigmoid, with BCEWithLogitsLoss."""

# Source: TWAnnoyingKid/materialistic_fine_gained@c3bfc4d6b2 src/models/transformer_pl.py (Transformer_pl, re-typed; visualisation cut)
import pytorch_lightning as pl
import torch.optim as optim

import loss_utils
import model_utils


class TransformerPL(pl.LightningModule):
    def __init__(self, conf, args):
        super().__init__()
        self.lr = args.lr
        self.net = model_utils.create_model(conf)
        self.criterion = loss_utils.create_loss_function(conf)

    def training_step(self, batch, batch_idx):
        image = batch["images"]
        mat_labels = batch["mat_labels"]
        reference_locations = batch["reference_locations"]
        scores, path1, refs = self.net(image, reference_locations)
        # the model outputs logits directly
        loss = self.criterion(scores, mat_labels)  # expect: LG003
        self.log("train_loss", loss.item(), on_step=True, on_epoch=False)
        return loss

    def validation_step(self, batch, batch_idx):
        scores, path1, refs = self.net(batch["images"], batch["reference_locations"])
        loss = self.criterion(scores, batch["mat_labels"])  # expect: LG003
        self.log("val_loss", loss.item(), on_step=True, on_epoch=False)
        return loss

    def configure_optimizers(self):
        return optim.Adam(self.parameters(), lr=self.lr)
