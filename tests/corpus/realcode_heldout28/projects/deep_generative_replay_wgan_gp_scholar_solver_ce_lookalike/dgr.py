"""part of look-alike project [LG001, LG013, LG014, LG018]: the scholar's solver takes its criterion and optimizer through setters and trains on real and replayed batches after clearing its optimizer; replayed labels are the argmax class indices of the previous solver."""
# Source: kuc2477/pytorch-deep-generative-replay at b2d82e45, dgr.py (Solver and Scholar, read as is); re-typed, identifiers renamed; the replay
# data loading and callbacks in _train_batch_trainable_with_replay shortened.
import abc

import torch
from torch import nn


class BatchTrainable(nn.Module, metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def train_a_batch(self, x, y, x_=None, y_=None, importance_of_new_task=.5):
        raise NotImplementedError


class Solver(BatchTrainable):
    def __init__(self):
        super().__init__()
        self.optimizer = None
        self.criterion = None

    @abc.abstractmethod
    def forward(self, x):
        raise NotImplementedError

    def solve(self, x):
        scores = self(x)
        _, predictions = torch.max(scores, 1)
        return predictions

    def train_a_batch(self, x, y, x_=None, y_=None, importance_of_new_task=.5):
        n = x.size(0)
        self.optimizer.zero_grad()
        real_scores = self.forward(x)
        real_loss = self.criterion(real_scores, y)
        _, real_pred = real_scores.max(1)
        real_prec = (y == real_pred).sum().data[0] / n
        if x_ is not None and y_ is not None:
            replay_scores = self.forward(x_)
            replay_loss = self.criterion(replay_scores, y_)
            _, replay_pred = replay_scores.max(1)
            replay_prec = (y_ == replay_pred).sum().data[0] / n
            loss = importance_of_new_task * real_loss + (1 - importance_of_new_task) * replay_loss
            precision = (real_prec + replay_prec) / 2
        else:
            loss = real_loss
            precision = real_prec
        loss.backward()
        self.optimizer.step()
        return {'loss': loss.data[0], 'precision': precision}

    def set_optimizer(self, optimizer):
        self.optimizer = optimizer

    def set_criterion(self, criterion):
        self.criterion = criterion


class Scholar(nn.Module):
    def __init__(self, label, generator, solver):
        super().__init__()
        self.label = label
        self.generator = generator
        self.solver = solver

    def sample(self, size):
        x = self.generator.sample(size)
        y = self.solver.solve(x)
        return x.data, y.data

    def train_with_replay(self, batches, scholar=None, importance_of_new_task=.5):
        for trainable in (self.generator, self.solver):
            for x, y in batches:
                if scholar is not None:
                    x_, y_ = scholar.sample(x.size(0))
                else:
                    x_ = y_ = None
                trainable.train_a_batch(x, y, x_=x_, y_=y_, importance_of_new_task=importance_of_new_task)
