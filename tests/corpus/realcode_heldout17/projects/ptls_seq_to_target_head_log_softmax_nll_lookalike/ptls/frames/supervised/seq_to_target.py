"""part of look-alike project [LG007, LG001, LG011]: the LightningModule applies the encoder and the head in forward and calls the loss it was given (self.loss(y_h, y)) in training_step and validation_step."""
# Source: pytorch-lifestream/pytorch-lifestream at 73a7a549 (read as is), ptls/frames/supervised/seq_to_target.py;
# re-typed, identifiers renamed; the docstring (which recommends LogSoftmax(dim=1) with NLLLoss), the test step,
# metric logging at epoch end and the optimizer set-up shortened.
from copy import deepcopy

import pytorch_lightning as pl
import torch
import torchmetrics
from omegaconf import DictConfig

from ptls.data_load.padded_batch import PaddedBatch


class SequenceToTarget(pl.LightningModule):
    def __init__(self, seq_encoder: torch.nn.Module, head: torch.nn.Module = None, loss: torch.nn.Module = None,
                 metric_list: torchmetrics.Metric = None, optimizer_partial=None, lr_scheduler_partial=None,
                 pretrained_lr=None, train_update_n_steps=None):
        super().__init__()
        self.save_hyperparameters(ignore=['seq_encoder', 'head', 'loss', 'metric_list', 'optimizer_partial',
                                          'lr_scheduler_partial'])
        self.seq_encoder = seq_encoder
        self.head = head
        self.loss = loss
        if type(metric_list) is dict or type(metric_list) is DictConfig:
            metric_list = [(k, v) for k, v in metric_list.items()]
        else:
            if type(metric_list) is not list:
                metric_list = [metric_list]
            metric_list = [(m.__class__.__name__, m) for m in metric_list]
        self.train_metrics = torch.nn.ModuleDict([(n, deepcopy(m)) for n, m in metric_list])
        self.valid_metrics = torch.nn.ModuleDict([(n, deepcopy(m)) for n, m in metric_list])
        self.optimizer_partial = optimizer_partial
        self.lr_scheduler_partial = lr_scheduler_partial

    def forward(self, x):
        x = self.seq_encoder(x)
        if self.head is not None:
            x = self.head(x)
        return x

    def training_step(self, batch, _):
        x, y = batch
        y_h = self(x)
        loss = self.loss(y_h, y)
        self.log('loss', loss)
        if isinstance(x, PaddedBatch):
            self.log_dict({"seq_len": x.seq_lens.float().mean(),
                           "y": y.unsqueeze(-1).sum(1).squeeze().float().mean()}, prog_bar=True)
        n = self.hparams.train_update_n_steps
        if n is None or self.global_step % n == 0:
            for name, mf in self.train_metrics.items():
                mf(y_h, y)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        y_h = self(x)
        self.log('val_loss', self.loss(y_h, y))
        for name, mf in self.valid_metrics.items():
            mf(y_h, y)

    def configure_optimizers(self):
        optimizer = self.optimizer_partial(self.parameters())
        scheduler = self.lr_scheduler_partial(optimizer)
        return [optimizer], [scheduler]
