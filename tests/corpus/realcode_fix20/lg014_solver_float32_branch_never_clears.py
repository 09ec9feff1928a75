"""positive [LG014]: the solver's training epoch clears the gradients only in its mixed-precision branch, after the scaler's step; the float32 branch back-propagates and steps every `update_every` batches and never clears them (the fix back-propagates and steps in one place and clears after every step)."""

# Source: Tensor-Reloaded/Pytorch-Template@d59ed6f64c main.py, fixed in ebf18f4045 (cut, renamed)
import torch
import torch.optim as optim
import torch_optimizer
from torch.cuda.amp import GradScaler, autocast

import models


def main(config):
    solver = ExperimentSolver(config)
    return solver.run()


class ExperimentSolver(object):
    def __init__(self, config):
        self.model = None
        self.args = config
        self.criterion = None
        self.optimizer = None
        self.device = None
        self.train_loader = None
        self.train_output_transform = None
        self.scaler = GradScaler()
        self.train_batch_plot_idx = 0

    def init_model(self):
        self.device = torch.device('cuda' if self.args.cuda else 'cpu')
        self.model = models.__dict__[self.args.model.name](**self.args.model.parameters).to(self.device)

    def init_optimizer(self):
        parameters = dict(self.args.optimizer.parameters)
        parameters["params"] = self.model.parameters()
        try:
            self.optimizer = getattr(torch_optimizer, self.args.optimizer.name)
        except Exception:
            self.optimizer = getattr(optim, self.args.optimizer.name)
        self.optimizer = self.optimizer(**parameters)

    def train(self):
        self.model.train()
        predictions = []
        targets = []
        for batch_num, (data, target) in enumerate(self.train_loader):
            data = data.to(self.device)
            target = target.to(self.device)
            self.train_batch_plot_idx += 1
            if self.args.half:
                with autocast():
                    output = self.model(data)
                    if self.train_output_transform is not None:
                        output = self.train_output_transform(output)
                    loss = self.criterion(output, target)
                    loss = loss / self.args.dataset.update_every

                self.scaler.scale(loss).backward()
                if self.train_batch_plot_idx % self.args.dataset.update_every == 0:
                    self.scaler.unscale_(self.optimizer)
                    torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.args.optimizer.max_norm)
                    self.scaler.step(self.optimizer)
                    self.scaler.update()
                    self.optimizer.zero_grad()
            else:
                output = self.model(data)
                if self.train_output_transform is not None:
                    output = self.train_output_transform(output)
                loss = self.criterion(output, target)
                loss = loss / self.args.dataset.update_every
                loss.backward()
                if self.train_batch_plot_idx % self.args.dataset.update_every == 0:
                    self.optimizer.step()  # expect: LG014

            predictions.extend(output)
            targets.extend(target)
        return predictions, targets

    def run(self):
        self.init_model()
        self.init_optimizer()
        self.criterion = torch.nn.CrossEntropyLoss()
        for epoch in range(1, self.args.epochs + 1):
            self.epoch = epoch
            predictions, targets = self.train()
