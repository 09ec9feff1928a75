"""positive [LG010, LG011]: the fix of the worker's evaluation loss wraps the network's logits in F.log_softmax, but without dim (implicit dim, deprecated), and keeps the deprecated size_average=False of F.nll_loss."""
# Source: hwang595/ps_pytorch at 812988cb ("py36 & pytorch 0.4.1 support", the fix of the nll_loss on raw logits),
# src/distributed_worker.py; re-typed, identifiers renamed; only the worker's model set-up, its per-step forward and the
# evaluation are kept (the MPI fetching and sending, timing and logging cut). NN_Trainer and build_model are the repository's
# (build_model is star-imported from util, as are torch, nn and F).
from __future__ import print_function
import numpy as np

from nn_ops import NN_Trainer
from util import *

import torch
import logging

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
        self.cur_step = 0
        self.lr = kwargs['learning_rate']
        self.momentum = kwargs['momentum']
        self.network_config = kwargs['network']
        self._device = kwargs['device']

    def build_model(self, num_classes=10):
        self.network = build_model(self.network_config, num_classes)
        self.optimizer = torch.optim.SGD(self.network.parameters(), lr=self.lr, momentum=self.momentum)
        self.criterion = nn.CrossEntropyLoss()
        self.network.to(self._device)

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
            test_loss += F.nll_loss(F.log_softmax(output), target, size_average=False).item()  # expect: LG010, LG011
            prec1_tmp, prec5_tmp = accuracy(output.detach(), y_batch, topk=(1, 5))
            if self._device.type == 'cuda':
                prec1_counter_ += prec1_tmp.to(torch.device("cpu")).numpy()[0]
                prec5_counter_ += prec5_tmp.to(torch.device("cpu")).numpy()[0]
            else:
                prec1_counter_ += prec1_tmp.numpy()[0]
                prec5_counter_ += prec5_tmp.numpy()[0]
            batch_counter_ += 1
        test_loss /= len(test_loader.dataset)
        print('Test set: Step: {}, Average loss: {:.4f}, Prec@1: {} Prec@5: {}'.format(
            self.cur_step, test_loss, prec1_counter_ / batch_counter_, prec5_counter_ / batch_counter_))
