"""positive [LG006]: a template-style VAE trainer hands the back-propagated loss tensor to a metric tracker whose update adds value * n into a pandas column kept on the tracker for the whole epoch: every step's graph stays alive."""

# Source: julian-8897/Conv-VAE-PyTorch@78ed342140 trainer/trainer.py (Trainer._train_epoch), utils/util.py
# (MetricTracker); re-typed, identifiers renamed; the base trainer's checkpointing, the tensorboard writer,
# validation and the image logging cut
# Mutation: the tracker given `loss` (was `loss.item()`)
import numpy as np
import pandas as pd
import torch


class RunningMetrics:
    def __init__(self, *keys, writer=None):
        self.writer = writer
        self._data = pd.DataFrame(index=keys, columns=["total", "counts", "average"])
        self.reset()

    def reset(self):
        for col in self._data.columns:
            self._data[col].values[:] = 0

    def update(self, key, value, n=1):
        if self.writer is not None:
            self.writer.add_scalar(key, value)
        self._data.total[key] += value * n  # expect: LG006
        self._data.counts[key] += n
        self._data.average[key] = self._data.total[key] / self._data.counts[key]

    def result(self):
        return dict(self._data.average)


class VAETrainer:
    def __init__(self, model, criterion, optimizer, device, loader, scheduler=None):
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
        self.device = device
        self.loader = loader
        self.scheduler = scheduler
        self.train_metrics = RunningMetrics("loss")

    def train_epoch(self, epoch):
        self.model.train()
        self.train_metrics.reset()
        for batch_idx, (data, _) in enumerate(self.loader):
            data = data.to(self.device)
            self.optimizer.zero_grad()
            recon, mu, logvar = self.model(data)
            loss = self.criterion(recon, data, mu, logvar)
            loss.backward()
            self.optimizer.step()
            self.train_metrics.update("loss", loss)
        log = self.train_metrics.result()
        if self.scheduler is not None:
            self.scheduler.step()
        return log


def elbo(recon_x, x, mu, logvar, beta=1):
    mse = torch.nn.MSELoss(reduction="sum")(recon_x, x)
    kld = torch.sum(mu.pow(2).add_(logvar.exp()).mul_(-1).add_(1).add_(logvar)).mul_(-0.5)
    return mse + beta * kld


def main(model, loader, epochs):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = model.to(device)
    optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=5e-3)
    trainer = VAETrainer(model, elbo, optimizer, device, loader)
    for epoch in range(1, epochs + 1):
        print(epoch, np.round(trainer.train_epoch(epoch)["loss"], 4))
