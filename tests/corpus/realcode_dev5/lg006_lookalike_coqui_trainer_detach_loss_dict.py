"""look-alike [LG006]: a trainer's optimize step returns its loss dict detached (each tensor .detach().clone()), and the training loop keeps running averages of that dict across steps."""
# Source: coqui-ai/Trainer@2af36496e8 (the parent of afb14be "Fix loss detach (#87)", which only changed .detach().clone() to .detach().cpu().item()) trainer/trainer.py (re-typed: _optimize, _detach_loss_dict and the train_epoch loop; AMP, gradient clipping, schedulers and logging cut; names renamed)
import time

import torch


class KeepAverage:
    def __init__(self):
        self.avg_values = {}
        self.iters = {}

    def update_value(self, name, value):
        if name not in self.avg_values:
            self.avg_values[name] = value
            self.iters[name] = 1
        else:
            self.iters[name] += 1
            self.avg_values[name] = self.avg_values[name] * (self.iters[name] - 1) / self.iters[name] + value / self.iters[name]

    def update_values(self, name_dict):
        for key, value in name_dict.items():
            self.update_value(key, value)


class Trainer:
    def __init__(self, model, criterion, optimizer, train_loader, epochs):
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
        self.train_loader = train_loader
        self.epochs = epochs
        self.keep_avg_train = None

    @staticmethod
    def _detach_loss_dict(loss_dict):
        loss_dict_detached = {}
        for key, value in loss_dict.items():
            if isinstance(value, (int, float)):
                loss_dict_detached[key] = value
            else:
                loss_dict_detached[key] = value.detach().clone()
        return loss_dict_detached

    def _optimize(self, batch):
        step_start_time = time.time()
        outputs, loss_dict = self.model.train_step(batch, self.criterion)
        self.optimizer.zero_grad()
        loss_dict["loss"].backward()
        self.optimizer.step()
        step_time = time.time() - step_start_time
        return outputs, self._detach_loss_dict(loss_dict), step_time

    def train_step(self, batch):
        outputs, loss_dict, step_time = self._optimize(batch)
        update = {"avg_" + key: value for key, value in loss_dict.items()}
        update["avg_step_time"] = step_time
        self.keep_avg_train.update_values(update)
        return outputs, loss_dict

    def train_epoch(self):
        self.model.train()
        for batch in self.train_loader:
            self.train_step(batch)

    def fit(self):
        for _ in range(self.epochs):
            self.keep_avg_train = KeepAverage()
            self.train_epoch()
            print(self.keep_avg_train.avg_values)
