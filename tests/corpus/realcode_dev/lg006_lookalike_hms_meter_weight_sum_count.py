"""look-alike [LG006]: a trainer's loss helper returns the per-sample loss with the weight sum it is normalised by; the loop divides by that sum, back-propagates the loss and gives the meter loss.item() and the weight sum (a float), so the meter adds numbers only."""
# Source: https://github.com/bilzard/kaggle-hms-public src/trainer/trainer.py and src/train_util.py at
# 7d737b0904613ae9574215e40b2be65c42a829e8 (a false alarm of the round-14 survey: the divisor `weight_sum`
# was read as a term of the back-propagated loss); re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn


class RunningMean:
    def __init__(self):
        self.reset()

    def reset(self):
        self.total: float = 0.0
        self.mean: float = 0.0
        self.weight: float = 0

    def update(self, value: float, weight: float):
        self.total += value * weight
        self.weight += weight
        self.mean = self.total / self.weight


class VoteTrainer:
    def __init__(self, model, loader, lr, epochs):
        self.model = model
        self.loader = loader
        self.optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
        self.epochs = epochs
        self.criterion = nn.KLDivLoss(reduction="none")
        self.aux_criterion = nn.BCEWithLogitsLoss()
        self.aux_weight = 0.1
        self.train_meter = RunningMean()
        self.valid_meter = RunningMean()

    def _loss(self, pred, target, weight=None, aggregate=True):
        pred = torch.log_softmax(pred, dim=2)
        weight_sum = weight.sum(dim=0).mean().item() if weight is not None else pred.shape[0]
        loss = self.criterion(pred, target).sum(dim=2)
        if weight is not None:
            loss *= weight
        loss = loss.mean(dim=-1)
        if aggregate:
            loss = loss.sum() / weight_sum
        return loss, weight_sum

    def train_epoch(self):
        self.model.train()
        for batch in self.loader:
            self.optimizer.zero_grad()
            output = self.model(batch)
            per_sample, weight_sum = self._loss(output["pred"], batch["target"], batch["weight"], aggregate=False)
            per_sample = per_sample.sum() / weight_sum
            self.train_meter.update(per_sample.item(), weight_sum)
            loss = per_sample
            if "weight_pred" in output:
                aux_loss = self.aux_criterion(output["weight_pred"], batch["weight"])
                loss += self.aux_weight * aux_loss
            loss.backward()
            self.optimizer.step()

    def valid_epoch(self, loader):
        self.model.eval()
        with torch.no_grad():
            for batch in loader:
                output = self.model(batch)
                loss, weight_sum = self._loss(output["pred"], batch["target"], batch["weight"])
                self.valid_meter.update(loss.item(), weight_sum)

    def fit(self, valid_loader):
        for _ in range(self.epochs):
            self.train_meter.reset()
            self.train_epoch()
            self.valid_meter.reset()
            self.valid_epoch(valid_loader)
            print(self.train_meter.mean, self.valid_meter.mean)
