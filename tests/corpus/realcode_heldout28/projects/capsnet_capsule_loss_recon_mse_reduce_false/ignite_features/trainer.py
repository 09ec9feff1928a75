"""part of positive project [LG010]: the ignite trainer's capsule step clears the optimizer, runs the network, gets the four loss terms from the capsule loss and steps on the total, reporting total_loss.item()."""
# Source: mavanb/capsnet_pytorch at 35c81365, the parent of 53694b38, ignite_features/trainer.py (CapsuleTrainer);
# re-typed, identifiers renamed; the base Trainer's engine, metrics, visdom plots, early stopping and the test
# function cut (Trainer and flex_profile stand for the cut parts).
import time

import torch


class CapsuleTrainer(Trainer):

    @staticmethod
    @flex_profile
    def _train_function(engine, trainer, batch):
        trainer.model.train()
        trainer.optimizer.zero_grad()
        data = batch[0].to(trainer.device)
        labels = batch[1].to(trainer.device)
        lengths, recon, _, entropy, _ = trainer.model(data, labels)
        total, margin, recon_loss, entropy_loss = trainer.loss(data, labels, lengths, recon, entropy)
        acc = trainer.model.compute_acc(lengths, labels)
        total.backward()
        trainer.optimizer.step()
        return {"loss": total.item(), "time": (time.time(), data.shape[0]), "acc": acc.item()}

    @staticmethod
    def _valid_function(engine, trainer, batch):
        trainer.model.eval()
        with torch.no_grad():
            data = batch[0].to(trainer.device)
            labels = batch[1].to(trainer.device)
            lengths, recon, _, entropy, _ = trainer.model(data)
            loss, _, _, _ = trainer.loss(data, labels, lengths, recon, entropy)
            acc = trainer.model.compute_acc(lengths, labels).item()
        return {"loss": loss.item(), "acc": acc, "epoch": trainer.model.epoch}
