"""look-alike [LG006]: the same language-game trainer after both fixes: the epoch's mean is summed from detached losses and handed on as a number, and the early stopper appends numbers."""

# Source: facebookresearch/EGG@88f8db136b egg/core/trainers.py and egg/core/early_stopping.py (cut, renamed)
import torch


def move_to(batch, device):
    return [x.to(device) for x in batch]


class BaseEarlyStopper:
    def __init__(self):
        self.train_stats = []
        self.validation_stats = []
        self.epoch = 0

    def should_stop(self):
        raise NotImplementedError

    def on_epoch_end(self, loss, logs):
        self.epoch += 1
        self.train_stats.append((loss, logs))

    def on_test_end(self, loss, logs):
        self.validation_stats.append((loss, logs))


class EarlyStopperAccuracy(BaseEarlyStopper):
    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold

    def should_stop(self):
        return self.validation_stats[-1][1]["acc"] > self.threshold


class Trainer:
    def __init__(self, game, optimizer, train_data, validation_data, device="cpu", callbacks=None):
        self.game = game
        self.optimizer = optimizer
        self.train_data = train_data
        self.validation_data = validation_data
        self.device = device
        self.callbacks = callbacks or []

    def eval(self):
        mean_loss = 0.0
        n_batches = 0
        logs = []
        self.game.eval()
        with torch.no_grad():
            for batch in self.validation_data:
                optimized_loss, interaction = self.game(*move_to(batch, self.device))
                mean_loss += optimized_loss
                logs.append(interaction)
                n_batches += 1
        mean_loss /= n_batches
        return mean_loss.item(), logs

    def train_epoch(self):
        mean_loss = 0
        n_batches = 0
        logs = []
        self.game.train()
        for batch in self.train_data:
            self.optimizer.zero_grad()
            optimized_loss, interaction = self.game(*move_to(batch, self.device))
            optimized_loss.backward()
            self.optimizer.step()
            n_batches += 1
            mean_loss += optimized_loss.detach()
            logs.append(interaction.to("cpu"))
        mean_loss /= n_batches
        return mean_loss.item(), logs

    def train(self, n_epochs):
        for epoch in range(n_epochs):
            train_loss, train_logs = self.train_epoch()
            for callback in self.callbacks:
                callback.on_epoch_end(train_loss, train_logs)
            validation_loss, validation_logs = self.eval()
            for callback in self.callbacks:
                callback.on_test_end(validation_loss, validation_logs)


def main(game, optimizer, train_loader, validation_loader, n_epochs):
    trainer = Trainer(game, optimizer, train_loader, validation_loader, callbacks=[EarlyStopperAccuracy(0.99)])
    trainer.train(n_epochs)
