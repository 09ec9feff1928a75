"""part of look-alike project [LG007]: a LightningModule for supervised tasks runs the sequence encoder, then the head and the loss it is given; its docstring tells multiclass users to end the head in LogSoftmax and use NLLLoss."""

# Source: dllllb/pytorch-lifestream@3b0a5e751b ptls/seq_to_target.py (the fix commit; cut, renamed)
from copy import deepcopy

import pytorch_lightning as pl
import torch


class SequenceToTarget(pl.LightningModule):
    def __init__(self, seq_encoder, head, loss, metric_list, optimizer_partial, scheduler_partial,
                 pretrained_lr=None, train_update_n_steps=None):
        """LightningModule for supervised task

        For multiclass problem use settings like:
            head=torch.nn.Sequential(
                torch.nn.Linear(in_size, num_classes),
                torch.nn.LogSoftmax(dim=1),
            ),
            loss=torch.nn.NLLLoss(),
        """
        super().__init__()
        self.save_hyperparameters(ignore=['seq_encoder', 'head', 'loss', 'metric_list', 'optimizer_partial', 'scheduler_partial'])
        self.seq_encoder = seq_encoder
        self.head = head
        self.loss = loss

        if type(metric_list) is not list:
            metric_list = [metric_list]
        metric_list = [(m.__class__.__name__, m) for m in metric_list]
        self.train_metrics = torch.nn.ModuleDict([(name, deepcopy(mc)) for name, mc in metric_list])
        self.valid_metrics = torch.nn.ModuleDict([(name, deepcopy(mc)) for name, mc in metric_list])

        self.optimizer_partial = optimizer_partial
        self.scheduler_partial = scheduler_partial

    def forward(self, x):
        x = self.seq_encoder(x)
        x = self.head(x)
        return x

    def training_step(self, batch, _):
        x, y = batch
        y_h = self(x)
        loss = self.loss(y_h, y)
        self.log('loss', loss)
        train_update_n_steps = self.hparams.train_update_n_steps
        if train_update_n_steps is None or self.global_step % train_update_n_steps == 0:
            for name, mf in self.train_metrics.items():
                mf(y_h, y)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        y_h = self(x)
        for name, mf in self.valid_metrics.items():
            mf(y_h, y)

    def configure_optimizers(self):
        optimizer = self.optimizer_partial(self.parameters())
        scheduler = self.scheduler_partial(optimizer)
        return [optimizer], [scheduler]
