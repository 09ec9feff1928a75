"""positive [LG006]: a trainer's batch step back-propagates, keeps the loss on self, and its logging method appends it, through a table of (name, value, parts) tuples, to a per-category statistics dict that lives for the whole run."""
# Source: mir-group/nequip@4a9b70e743 (the parent of 14d53f9c "No grad loss saving") nequip/train/trainer.py (re-typed: Trainer.batch_step, end_of_batch_log and the epoch loop; scaling, callbacks, file logging and the MAE terms cut; names renamed)
import torch

LOSS_KEY = "loss"
MAE_KEY = "mae"
VALUE_KEY = "value"
CONTRIB = "contrib"


class Trainer:
    def __init__(self, model, loss, optimizer, train_loader, max_epochs=100):
        self.model = model
        self.loss = loss
        self.optim = optimizer
        self.train_loader = train_loader
        self.max_epochs = max_epochs
        self.statistics = {}
        self.iepoch = 0

    def batch_step(self, data, validation=False):
        self.model.train()
        out = self.model(data)
        loss, loss_contrib = self.loss(pred=out, ref=data)
        if not validation:
            self.optim.zero_grad()
            loss.backward()
            self.optim.step()
        with torch.no_grad():
            mae, mae_contrib = self.loss.mae(pred=out, ref=data)
        self.batch_loss = loss
        self.batch_loss_contrib = loss_contrib
        self.batch_mae = mae
        self.batch_mae_contrib = mae_contrib
        self.end_of_batch_log(validation)

    def end_of_batch_log(self, validation=False):
        category = "validation" if validation else "training"
        if category not in self.statistics:
            stat = {MAE_KEY: {VALUE_KEY: [], CONTRIB: {}}, LOSS_KEY: {VALUE_KEY: [], CONTRIB: {}}}
            self.statistics[category] = stat
        else:
            stat = self.statistics[category]
        log_str = f"{self.iepoch + 1:5d}"
        for combo in [
            (MAE_KEY, self.batch_mae, self.batch_mae_contrib),
            (LOSS_KEY, self.batch_loss, self.batch_loss_contrib),
        ]:
            name, value, contrib = combo
            if name == LOSS_KEY:
                stat[name][VALUE_KEY] += [value]  # expect: LG006
                log_str += f" {value:16.3f}"
            for key, d in contrib.items():
                for attr, part in d.items():
                    part = part.item()
                    stat[name][CONTRIB].setdefault(f"{key}_{attr}", []).append(part)
        print(log_str)

    def epoch_step(self):
        for data in self.train_loader:
            self.batch_step(data)
        self.iepoch += 1

    def train(self):
        while self.iepoch < self.max_epochs:
            self.epoch_step()
