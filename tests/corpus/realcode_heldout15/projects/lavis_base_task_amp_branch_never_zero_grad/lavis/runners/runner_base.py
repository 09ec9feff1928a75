"""part of positive project [LG014]: the runner makes a GradScaler when the run config sets amp and hands it, with the optimizer, to the task's train_epoch."""
# Source: salesforce/LAVIS parent of b7198ad, lavis/runners/runner_base.py; re-typed, identifiers renamed; data loaders,
# distributed setup, checkpointing and evaluation cut.
import logging

import torch


class RunnerBase:
    def __init__(self, cfg, task, model, datasets, job_id):
        self.config = cfg
        self.job_id = job_id
        self.task = task
        self.datasets = datasets
        self._model = model
        self._optimizer = None
        self._scaler = None
        self._lr_sched = None
        self.start_epoch = 0

    @property
    def model(self):
        return self._model

    @property
    def optimizer(self):
        if self._optimizer is None:
            self._optimizer = torch.optim.AdamW(
                params=self.model.parameters(),
                lr=float(self.config.run_cfg.init_lr),
                weight_decay=float(self.config.run_cfg.weight_decay),
            )
        return self._optimizer

    @property
    def scaler(self):
        amp = self.config.run_cfg.get("amp", False)
        if amp:
            if self._scaler is None:
                self._scaler = torch.cuda.amp.GradScaler()
        return self._scaler

    @property
    def max_epoch(self):
        return int(self.config.run_cfg.max_epoch)

    def train(self):
        for cur_epoch in range(self.start_epoch, self.max_epoch):
            logging.info("Start training")
            stats = self.train_epoch(cur_epoch)
            logging.info(stats)

    def train_epoch(self, epoch):
        self.model.train()
        return self.task.train_epoch(
            epoch=epoch,
            model=self.model,
            data_loader=self.train_loader,
            optimizer=self.optimizer,
            scaler=self.scaler,
            lr_scheduler=self.lr_scheduler,
            cuda_enabled=self.cuda_enabled,
            log_freq=self.log_freq,
            accum_grad_iters=self.accum_grad_iters,
        )
