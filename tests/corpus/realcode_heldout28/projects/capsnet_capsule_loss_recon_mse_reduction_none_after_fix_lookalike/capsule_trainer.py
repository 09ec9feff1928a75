"""part of look-alike project [LG010]: the capsule trainer, moved out of the ignite package by the fix, clears the optimizer, runs the network, gets the four loss terms from the capsule loss and steps on the total, reporting total_loss.item()."""
# Source: mavanb/capsnet_pytorch at 53694b38 (the fix), capsule_trainer.py; re-typed, identifiers renamed; the
# metrics, visdom plots, checkpoints and the test function cut (Trainer as in the source's ignite_features package).
import time

import torch

from ignite_features.trainer import Trainer


class CapsuleTrainer(Trainer):

    def _train_function(self, engine, batch):
        self.model.train()
        self.optimizer.zero_grad()
        data = batch[0].to(self.device)
        labels = batch[1].to(self.device)
        lengths, recon, _, entropy, _ = self.model(data, labels)
        total, margin, recon_loss, entropy_loss = self.loss(data, labels, lengths, recon, entropy)
        acc = self.model.compute_acc(lengths, labels)
        total.backward()
        self.optimizer.step()
        return {"loss": total.item(), "time": (time.time(), data.shape[0]), "acc": acc.item()}

    def _valid_function(self, engine, batch):
        model = self.model
        sparse = self.conf.sparse
        model.eval()
        with torch.no_grad():
            data = batch[0].to(self.device)
            labels = batch[1].to(self.device)
            sparse.set_off()
            lengths, recon, _, entropy, _ = model(data)
            loss, _, _, _ = self.loss(data, labels, lengths, recon, entropy)
            acc = self.model.compute_acc(lengths, labels).item()
        return {"loss": loss.item(), "acc": acc, "epoch": self.model.epoch}
