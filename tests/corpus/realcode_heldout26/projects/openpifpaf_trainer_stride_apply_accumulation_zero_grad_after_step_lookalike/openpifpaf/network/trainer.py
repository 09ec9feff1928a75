"""part of look-alike project [LG006, LG014, LG017]: the pose trainer clears the gradients once before the epoch and then right after each optimizer step, which runs only on every stride_apply-th batch so that the batches in between accumulate; train_batch returns float(loss.item()), which the epoch sums under the name loss."""
# Source: openpifpaf/openpifpaf at fe27168e (read as is; issue #123 asks about the order backward, step, zero_grad), openpifpaf/network/trainer.py;
# re-typed, identifiers renamed; the profiler monkey-patch, EMA restore, val() and write_model() shortened.
import copy
import logging
import time

import torch


class Trainer(object):
    def __init__(self, model, loss, optimizer, out, *, lr_scheduler=None, log_interval=10, device=None,
                 fix_batch_norm=False, stride_apply=1, ema_decay=None, encoder_visualizer=None,
                 model_meta_data=None):
        self.log = logging.getLogger(self.__class__.__name__)
        self.model = model
        self.loss = loss
        self.optimizer = optimizer
        self.out = out
        self.lr_scheduler = lr_scheduler
        self.log_interval = log_interval
        self.device = device
        self.fix_batch_norm = fix_batch_norm
        self.stride_apply = stride_apply
        self.ema_decay = ema_decay
        self.ema = None
        self.encoder_visualizer = encoder_visualizer
        self.model_meta_data = model_meta_data

    def lr(self):
        for group in self.optimizer.param_groups:
            return group['lr']

    def step_ema(self):
        if self.ema is None:
            return
        for p, ema_p in zip(self.model.parameters(), self.ema):
            ema_p.mul_(1.0 - self.ema_decay).add_(self.ema_decay, p.data)

    def loop(self, train_scenes, val_scenes, epochs, start_epoch=0):
        for _ in range(start_epoch):
            if self.lr_scheduler is not None:
                self.lr_scheduler.step()
        for epoch in range(start_epoch, epochs):
            self.train(train_scenes, epoch)
            self.write_model(epoch + 1, epoch == epochs - 1)
            self.val(val_scenes, epoch + 1)

    def train_batch(self, data, targets, meta, apply_gradients=True):
        if self.encoder_visualizer:
            self.encoder_visualizer(data, targets, meta)
        if self.device:
            data = data.to(self.device, non_blocking=True)
            targets = [[t.to(self.device, non_blocking=True) for t in head] for head in targets]
        outputs = self.model(data)
        loss, head_losses = self.loss(outputs, targets)
        if loss is not None:
            loss.backward()
        if apply_gradients:
            self.optimizer.step()
            self.optimizer.zero_grad()
            self.step_ema()
        return (
            float(loss.item()) if loss is not None else None,
            [float(l.item()) if l is not None else None for l in head_losses],
        )

    def val_batch(self, data, targets):
        if self.device:
            data = data.to(self.device, non_blocking=True)
            targets = [[t.to(self.device, non_blocking=True) for t in head] for head in targets]
        with torch.no_grad():
            outputs = self.model(data)
            loss, head_losses = self.loss(outputs, targets)
        return (
            float(loss.item()) if loss is not None else None,
            [float(l.item()) if l is not None else None for l in head_losses],
        )

    def train(self, scenes, epoch):
        start_time = time.time()
        self.model.train()
        if self.fix_batch_norm:
            for m in self.model.modules():
                if isinstance(m, (torch.nn.BatchNorm1d, torch.nn.BatchNorm2d)):
                    m.eval()
        self.ema = None
        epoch_loss = 0.0
        head_epoch_losses = None
        head_epoch_counts = None
        self.optimizer.zero_grad()
        for batch_idx, (data, target, meta) in enumerate(scenes):
            batch_start = time.time()
            apply_gradients = batch_idx % self.stride_apply == 0
            loss, head_losses = self.train_batch(data, target, meta, apply_gradients)
            if loss is not None:
                epoch_loss += loss
            if head_epoch_losses is None:
                head_epoch_losses = [0.0 for _ in head_losses]
                head_epoch_counts = [0 for _ in head_losses]
            for i, head_loss in enumerate(head_losses):
                if head_loss is None:
                    continue
                head_epoch_losses[i] += head_loss
                head_epoch_counts[i] += 1
            if batch_idx % self.log_interval == 0:
                self.log.info({
                    'type': 'train', 'epoch': epoch, 'batch': batch_idx, 'n_batches': len(scenes),
                    'time': round(time.time() - batch_start, 3), 'lr': self.lr(),
                    'loss': round(loss, 3) if loss is not None else None,
                    'head_losses': [round(l, 3) if l is not None else None for l in head_losses],
                })
            if self.ema is None and self.ema_decay:
                self.ema = copy.deepcopy([p.data for p in self.model.parameters()])
        if self.lr_scheduler is not None:
            self.lr_scheduler.step()
        self.log.info({
            'type': 'train-epoch', 'epoch': epoch + 1,
            'loss': round(epoch_loss / len(scenes), 5),
            'head_losses': [round(l / max(1, c), 5) for l, c in zip(head_epoch_losses, head_epoch_counts)],
            'time': round(time.time() - start_time, 1),
        })

    def val(self, scenes, epoch):
        self.model.train()
        epoch_loss = 0.0
        for data, target, _ in scenes:
            loss, head_losses = self.val_batch(data, target)
            if loss is not None:
                epoch_loss += loss
        self.log.info({'type': 'val-epoch', 'epoch': epoch, 'loss': round(epoch_loss / len(scenes), 5)})

    def write_model(self, epoch, final=True):
        self.model.cpu()
        model = self.model.module if isinstance(self.model, torch.nn.DataParallel) else self.model
        torch.save({'model': model, 'epoch': epoch, 'meta': self.model_meta_data},
                   '{}.epoch{:03d}'.format(self.out, epoch))
        self.model.to(self.device)
