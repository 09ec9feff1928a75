"""part of positive project [LG006]: cycle_dataset back-propagates the actor's loss, then hands the actor's status dict to _update_stats, which feeds every value to an AverageMeter kept across the whole epoch; _stats_new_epoch closes each meter's epoch."""
# Source: VISION-SJTU/DiffusionTrack at 1910ff52 (read as is), lib/train/trainers/ltr_trainer.py; re-typed,
# identifiers renamed; the tensorboard writer, the timing bookkeeping and the printing cut.
from collections import OrderedDict

import torch
from torch.cuda.amp import autocast
from torch.cuda.amp import GradScaler
from torch.utils.data.distributed import DistributedSampler

from lib.train.trainers import BaseTrainer
from lib.train.admin import AverageMeter, StatValue


class LTRTrainer(BaseTrainer):
    def __init__(self, actor, loaders, optimizer, settings, lr_scheduler=None, use_amp=False):
        super().__init__(actor, loaders, optimizer, settings, lr_scheduler)
        self.stats = OrderedDict({loader.name: None for loader in self.loaders})
        self.move_data_to_gpu = getattr(settings, 'move_data_to_gpu', True)
        self.settings = settings
        self.use_amp = use_amp
        if use_amp:
            self.scaler = GradScaler()

    def cycle_dataset(self, loader):
        self.actor.train(loader.training)
        torch.set_grad_enabled(loader.training)
        for i, data in enumerate(loader, 1):
            if self.move_data_to_gpu:
                data = data.to(self.device)
            data['epoch'] = self.epoch
            data['settings'] = self.settings
            if not self.use_amp:
                loss, stats = self.actor(data)
            else:
                with autocast():
                    loss, stats = self.actor(data)
            if loader.training:
                self.optimizer.zero_grad()
                if not self.use_amp:
                    loss.backward()
                    if self.settings.grad_clip_norm > 0:
                        torch.nn.utils.clip_grad_norm_(self.actor.net.parameters(), self.settings.grad_clip_norm)
                    self.optimizer.step()
                else:
                    self.scaler.scale(loss).backward()
                    if self.settings.grad_clip_norm > 0:
                        self.scaler.unscale_(self.optimizer)
                        torch.nn.utils.clip_grad_norm_(self.actor.net.parameters(), self.settings.grad_clip_norm)
                    self.scaler.step(self.optimizer)
                    self.scaler.update()
            batch_size = data['template_images'].shape[loader.stack_dim]
            self._update_stats(stats, batch_size, loader)

    def train_epoch(self):
        for loader in self.loaders:
            if self.epoch % loader.epoch_interval == 0:
                if isinstance(loader.sampler, DistributedSampler):
                    loader.sampler.set_epoch(self.epoch)
                self.cycle_dataset(loader)
        self._stats_new_epoch()

    def _update_stats(self, new_stats: OrderedDict, batch_size, loader):
        if loader.name not in self.stats.keys() or self.stats[loader.name] is None:
            self.stats[loader.name] = OrderedDict({name: AverageMeter() for name in new_stats.keys()})
        for name, val in new_stats.items():
            if name not in self.stats[loader.name].keys():
                self.stats[loader.name][name] = AverageMeter()
            self.stats[loader.name][name].update(val, batch_size)

    def _stats_new_epoch(self):
        for loader in self.loaders:
            if loader.training:
                lr_list = self.lr_scheduler.get_lr()
                for i, lr in enumerate(lr_list):
                    key = 'LearningRate/group{}'.format(i)
                    if key not in self.stats[loader.name].keys():
                        self.stats[loader.name][key] = StatValue()
                    self.stats[loader.name][key].update(lr)
        for loader_stats in self.stats.values():
            if loader_stats is None:
                continue
            for meter in loader_stats.values():
                if hasattr(meter, 'new_epoch'):
                    meter.new_epoch()
