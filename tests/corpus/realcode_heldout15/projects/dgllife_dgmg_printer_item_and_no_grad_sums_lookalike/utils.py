"""part of look-alike project [LG006, LG014]: the DGMG example's optimizer wrapper clears the gradients after every step (and once when built); its Printer meter adds the loss it is given to a running sum that it resets after each logged batch."""
# Source: awslabs/dgl-lifesci at be8bc71d (read as is), examples/generative_models/dgmg/utils.py; re-typed, identifiers
# renamed; cut to the Optimizer wrapper and the Printer meter.
import math

import torch.nn as nn


class StepOptimizer(nn.Module):
    def __init__(self, lr, optimizer):
        super(StepOptimizer, self).__init__()
        self.lr = lr
        self.optimizer = optimizer
        self._reset()

    def _reset(self):
        self.optimizer.zero_grad()

    def backward_and_step(self, loss):
        loss.backward()
        self.optimizer.step()
        self._reset()

    def decay_lr(self, decay_rate=0.99):
        self.lr *= decay_rate
        for group in self.optimizer.param_groups:
            group['lr'] = self.lr


class Printer(object):
    def __init__(self, num_epochs, dataset_size, batch_size, writer=None):
        super(Printer, self).__init__()
        self.num_epochs = num_epochs
        self.batch_size = batch_size
        self.num_batches = math.ceil(dataset_size / batch_size)
        self.count = 0
        self.batch_count = 0
        self.writer = writer
        self._reset()

    def _reset(self):
        self.batch_loss = 0
        self.batch_prob = 0

    def update(self, epoch, loss, prob):
        self.count += 1
        self.batch_loss += loss
        self.batch_prob += prob
        if self.count % self.batch_size == 0:
            self.batch_count += 1
            if self.writer is not None:
                self.writer.add_scalar('train_log_prob', self.batch_loss, self.batch_count)
                self.writer.add_scalar('train_prob', self.batch_prob, self.batch_count)
            print('epoch {:d}/{:d}, batch {:d}, loss {:.4f}, prob {:.4f}'.format(
                epoch, self.num_epochs, self.batch_count, self.batch_loss, self.batch_prob))
            self._reset()
