"""positive [LG006]: a language-game framework's trainer sums each batch's loss tensor into the epoch's mean, and hands that mean to an early stopper that appends it to its statistics every epoch: both keep the graphs of every step (the fixes: "mem leak fix" detaches in the stopper, "Persisting interactions" detaches in the trainer)."""

# Source: facebookresearch/EGG@90d2ca61e5 egg/core/trainers.py and egg/core/early_stopping.py, fixed in 5fb8805b32 ("mem leak fix (#8)") and 88f8db136b ("Persisting interactions (#84)") (cut, renamed)
import torch


def move_to(batch, device):
    return [x.to(device) for x in batch]


def add_dicts(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


class BaseEarlyStopper:
    def __init__(self):
        self.train_stats = []
        self.validation_stats = []
        self.epoch = 0

    def should_stop(self):
        raise NotImplementedError

    def update_values(self, validation_loss, validation_rest, train_loss, train_rest, epoch):
        self.train_stats.append((train_loss, train_rest))  # expect: LG006
        self.validation_stats.append((validation_loss, validation_rest))
        self.epoch = epoch


class EarlyStopperAccuracy(BaseEarlyStopper):
    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold

    def should_stop(self):
        return self.validation_stats[-1][1]["acc"] > self.threshold


class Trainer:
    def __init__(self, game, optimizer, train_data, validation_data, device="cpu", early_stopping=None):
        self.game = game
        self.optimizer = optimizer
        self.train_data = train_data
        self.validation_data = validation_data
        self.device = device
        self.early_stopping = early_stopping
        self.epoch = 0

    def eval(self):
        mean_loss = 0.0
        mean_rest = {}
        n_batches = 0
        self.game.eval()
        with torch.no_grad():
            for batch in self.validation_data:
                optimized_loss, rest = self.game(*move_to(batch, self.device))
                mean_loss += optimized_loss
                mean_rest = add_dicts(mean_rest, rest)
                n_batches += 1
        return mean_loss / n_batches, mean_rest

    def train_epoch(self):
        mean_loss = 0
        mean_rest = {}
        n_batches = 0
        self.game.train()
        for batch in self.train_data:
            self.optimizer.zero_grad()
            optimized_loss, rest = self.game(*move_to(batch, self.device))
            mean_rest = add_dicts(mean_rest, rest)
            optimized_loss.backward()
            self.optimizer.step()
            n_batches += 1
            mean_loss += optimized_loss  # expect: LG006
        mean_loss /= n_batches
        return mean_loss, mean_rest

    def train(self, n_epochs):
        while self.epoch < n_epochs:
            train_loss, train_rest = self.train_epoch()
            self.epoch += 1
            validation_loss, rest = self.eval()
            print(f"validation: epoch {self.epoch}, loss {validation_loss}, {rest}")
            if self.early_stopping:
                self.early_stopping.update_values(validation_loss, rest, train_loss, rest, self.epoch)
                if self.early_stopping.should_stop():
                    break


def main(game, optimizer, train_loader, validation_loader, n_epochs):
    trainer = Trainer(game, optimizer, train_loader, validation_loader, early_stopping=EarlyStopperAccuracy(0.99))
    trainer.train(n_epochs)
