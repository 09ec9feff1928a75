"""part of positive project [LG009, LG011]: the trainer feeds each batch through the model and the configured loss, then steps the optimizer wrapper; callbacks get loss.item()."""
# Source: juanmc2005/SimilarityLearning at bed6d87a (read as is), core/base.py; re-typed, identifiers renamed; the
# listener base classes, checkpoint restore and plotting cut.
import torch

import common


class Optimizer:

    def __init__(self, optimizers, schedulers):
        self.optimizers = optimizers
        self.schedulers = schedulers

    def zero_grad(self):
        for o in self.optimizers:
            o.zero_grad()

    def step(self):
        for o in self.optimizers:
            o.step()

    def scheduler_step(self):
        for s in self.schedulers:
            s.step()


class Trainer:

    def __init__(self, loss_name, model, loss_fn, partition, optim, callbacks=None):
        self.loss_name = loss_name
        self.model = model.to(common.DEVICE)
        self.loss_fn = loss_fn
        self.partition = partition
        self.optim = optim
        self.callbacks = callbacks if callbacks is not None else []

    def train(self, epochs):
        for i in range(1, epochs + 1):
            self.train_epoch(i)

    def train_epoch(self, epoch):
        self.model.train()
        self.optim.scheduler_step()
        for i in range(self.partition.nbatches()):
            x, y = next(self.partition)
            if isinstance(x, torch.Tensor):
                x = x.to(common.DEVICE)
            if isinstance(y, torch.Tensor):
                y = y.to(common.DEVICE)
            feat, logits = self.model(x, y)
            loss = self.loss_fn(feat, logits, y)
            self.optim.zero_grad()
            loss.backward()
            self.optim.step()
            for cb in self.callbacks:
                cb.on_after_gradients(epoch, i, feat, logits, y, loss.item())
        for cb in self.callbacks:
            cb.on_after_epoch(epoch, self.model, self.loss_fn, self.optim)
