"""part of positive project [LG006]: the base runner's epoch loop builds the training losses, then its batch loop calls the subclass's train_step every batch and averages the meter at the end of the epoch."""
# Source: zyh16143998882/MViewNet@3300be126a52a9f9edff55d6d558813e25fdde15 runners/base_runner.py (re-typed, identifiers renamed; configuration dump, data loaders, checkpoints, validation and logging cut)
from time import time

import torch

from runners.misc import RunningMeter


class BaseRunner(object):
    def __init__(self, config, logger):
        self.config = config
        self.logger = logger
        self.train_loader = None
        self.models = None
        self.optimizers = None
        self.lr_schedulers = None
        self.loss = {}
        self.losses = None
        self.epoch_idx = 0
        self.init_epoch = 0
        self.step_time = RunningMeter()

    def train_step(self, data):
        raise NotImplementedError("Should be implemented in derived class.")

    def build_train_loss(self):
        raise NotImplementedError("Should be implemented in derived class.")

    def train(self):
        self.models.train()
        for items in enumerate(self.train_loader):
            self.batch_idx, _ = items
            start = time()
            self.train_step(items)
            self.step_time.update(time() - start)
        self.train_finish()

    def train_finish(self):
        self.lr_schedulers.step()
        self.logger.info("[Epoch %d] Losses = %s" % (self.epoch_idx, ["%.4f" % l for l in self.losses.avg()]))

    def runner(self):
        for epoch_idx in range(self.init_epoch + 1, self.config.TRAIN.n_epochs + 1):
            self.epoch_idx = epoch_idx
            self.build_train_loss()
            self.train()
