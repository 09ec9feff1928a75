"""part of positive project [LG007, LG010]: the parameter-server worker trains with CrossEntropyLoss on the network's logits, but its evaluation sums F.nll_loss over the raw logits (no log_softmax; the fix wraps them in F.log_softmax) with the deprecated size_average=False; F arrives through `from util import *`."""
# Source: hwang595/ps_pytorch at 096f3de3 (the parent of 812988cb, "py36 & pytorch 0.4.1 support"), src/distributed_worker.py;
# re-typed, identifiers renamed; the MPI weight fetching and gradient sending (ModelBuffer, async_fetch_*, _send_grads), the
# timing and logging shortened. NN_Trainer is the repository's (not included).
from __future__ import print_function
from mpi4py import MPI
import numpy as np

from nn_ops import NN_Trainer
from util import *

import torch
import time
import logging

STEP_START_ = 1

logger = logging.getLogger()


def accuracy(output, target, topk=(1,)):
    maxk = max(topk)
    batch_size = target.size(0)
    _, pred = output.topk(maxk, 1, True, True)
    pred = pred.t()
    correct = pred.eq(target.view(1, -1).expand_as(pred))
    res = []
    for k in topk:
        correct_k = correct[:k].view(-1).float().sum(0, keepdim=True)
        res.append(correct_k.mul_(100.0 / batch_size))
    return res


class DistributedWorker(NN_Trainer):
    def __init__(self, comm, **kwargs):
        super(NN_Trainer, self).__init__()
        self.comm = comm
        self.rank = comm.Get_rank()
        self.cur_step = 0
        self.batch_size = kwargs['batch_size']
        self.max_epochs = kwargs['max_epochs']
        self.momentum = kwargs['momentum']
        self.lr = kwargs['learning_rate']
        self._max_steps = kwargs['max_steps']
        self.network_config = kwargs['network']
        self._eval_freq = kwargs['eval_freq']
        self._train_dir = kwargs['train_dir']
        self._device = kwargs['device']

    def build_model(self, num_classes=10):
        self.network = build_model(self.network_config, num_classes)
        self.optimizer = torch.optim.SGD(self.network.parameters(), lr=self.lr, momentum=self.momentum)
        self.criterion = nn.CrossEntropyLoss()
        self.network.to(self._device)

    def train(self, train_loader, test_loader):
        self.sync_fetch_step()
        assert self.update_step()
        for num_epoch in range(self.max_epochs):
            for batch_idx, (images, labels) in enumerate(train_loader):
                if self.cur_step == self._max_steps:
                    break
                X_batch, y_batch = images.to(self._device), labels.to(self._device)
                while True:
                    self.async_fetch_step()
                    updated = self.update_step()
                    if not updated:
                        continue
                    self.async_fetch_weights_bcast()

                    self._train_init()
                    loss = self._forward(X_batch, y_batch)
                    loss.backward()
                    self._send_grads()

                    logger.info('Worker: {}, Step: {}, Epoch: {}, Loss: {:.4f}'.format(
                        self.rank, self.cur_step, num_epoch, loss.item()))
                    if self.cur_step % self._eval_freq == 0:
                        if "ResNet" in self.network_config:
                            self._save_model(file_path=self._train_dir + "model_step_" + str(self.cur_step))
                    break

    def _train_init(self):
        self.network.train()
        self.optimizer.zero_grad()

    def _forward(self, X_batch, y_batch):
        logits = self.network(X_batch)
        return self.criterion(logits, y_batch)

    def _evaluate_model(self, test_loader):
        self.network.eval()
        test_loss = 0
        prec1_counter_ = prec5_counter_ = batch_counter_ = 0
        for data, y_batch in test_loader:
            data, target = data.to(self._device), y_batch.to(self._device)
            output = self.network(data)
            test_loss += F.nll_loss(output, target, size_average=False).item()  # expect: LG007, LG010
            prec1_tmp, prec5_tmp = accuracy(output.detach(), y_batch, topk=(1, 5))
            prec1_counter_ += prec1_tmp.numpy()[0]
            prec5_counter_ += prec5_tmp.numpy()[0]
            batch_counter_ += 1
        test_loss /= len(test_loader.dataset)
        logger.info('Test set: Average loss: {:.4f}, Prec@1: {} Prec@5: {}'.format(
            test_loss, prec1_counter_ / batch_counter_, prec5_counter_ / batch_counter_))

    def _save_model(self, file_path):
        with open(file_path, "wb") as f_:
            torch.save(self.network.state_dict(), f_)
