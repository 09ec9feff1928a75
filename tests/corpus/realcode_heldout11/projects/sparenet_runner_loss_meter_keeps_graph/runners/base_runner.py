"""part of positive project [LG006]: BaseRunner.runner calls train() every epoch, which calls the subclass's train_step for every batch; self.losses is made once by the subclass and never reset."""
# Source: microsoft/SpareNet@6462ba6840464bdbe3ba56114a828231215385d5 runners/base_runner.py (the parent of 8bbc200 "fix: losses take item", its issue #12 "GPU memory leakage"; re-typed, identifiers renamed, cut at method boundaries: dataset, model, checkpoint and writer builders, val() and test() left out, __init__ shortened)
import os
from copy import deepcopy
from time import time

import torch

import utils.misc as um
from runners.misc import AverageMeter


class BaseRunner(object):

    def __init__(self, config, logger):
        self._config = deepcopy(config)
        self.logger = logger
        self.work_dir = self._config.DIR.out_path
        os.makedirs(self.work_dir, exist_ok=True)
        self.gpu_ids = um.gpu_init(self._config)
        self.train_loader = None
        self.models = None
        self.optimizers = None
        self.lr_schedulers = None
        self.loss = {}
        self.losses = None
        self.test_losses = None
        self.init_epoch = 0
        self.batch_idx = 0
        self.epoch_idx = 0
        self.train_time = AverageMeter()
        self.build_writer()
        self.build_dataset()
        self.build_models()
        self.models_load()

    @property
    def config(self):
        return self._config

    def train_step(self, data):
        raise NotImplementedError("Should be implemented in derived class.")

    def save_item_train_info(self):
        step = (self.epoch_idx - 1) * self.n_batches + self.batch_idx
        if self.batch_idx % self.config.TRAIN.log_freq == 0:
            for k, v in self.loss.items():
                self.train_writer.add_scalar("Loss/Batch/" + k, v.item(), step)
            self.logger.info("[Epoch %d][Batch %d/%d] Losses = %s" % (
                self.epoch_idx, self.batch_idx + 1, self.n_batches, ["%.4f" % l for l in self.losses.val()]))

    def train(self):
        self.set_mode("train")
        for batch in enumerate(self.train_loader):
            self.batch_idx, _ = batch
            self.n_batches = len(self.train_loader)
            t0 = time()
            self.train_step(batch)
            self.train_time.update(time() - t0)
            self.save_item_train_info()
        self.train_finish()

    def train_finish(self):
        self.lr_schedulers.step()
        for i in range(len(self.losses.items)):
            self.train_writer.add_scalar("Loss/Epoch/" + self.losses.items[i], self.losses.avg(i), self.epoch_idx)

    def runner(self):
        for epoch in range(self.init_epoch + 1, self.config.TRAIN.n_epochs + 1):
            self.epoch_idx = epoch
            self.build_train_loss()
            self.train()
            self.build_val_loss()
            with torch.no_grad():
                self.val()
        self.train_writer.close()
