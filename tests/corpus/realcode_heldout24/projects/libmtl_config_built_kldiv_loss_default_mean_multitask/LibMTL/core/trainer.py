"""part of positive project [LG009]: the multi-task trainer builds one loss wrapper per task from the config by name, collects each task's wrapped loss into a tensor of task losses, and lets the weighting method back-propagate them between zero_grad and step."""
# Source: median-research-group/LibMTL at 9c68e548 (v1.1.6, the version issue #30 "更换损失函数时的两个问题" traces through when a user swaps CELoss for KLDivLoss), LibMTL/core/trainer.py;
# re-typed, identifiers renamed; the model, optimizer, dataloader and metric builders (_prepare_model,
# _prepare_optimizer, ...) cut, the timers, the recorder and
# evaluation shortened.
import numpy as np
import torch
import torch.nn as nn

from LibMTL.core.common_init import common_init
from LibMTL.utils.builder import build_from_cfg


class Trainer:
    def __init__(self, cfg_file, task_dict=None, dataloaders=None, **kwargs):
        self.kwargs = kwargs
        self.cfg, self.saver, self.device = common_init(cfg_file)
        self.task_dict = self.cfg['tasks'] if task_dict is None else task_dict
        self.task_num = len(self.task_dict['info'])
        self.task_name = list(self.task_dict['info'].keys())
        self.multi_input = self.task_dict['multi_input']
        self.epochs = self.cfg['training']['epochs']
        self._prepare_model()
        self._prepare_optimizer()
        self.dataloaders = dataloaders
        self._prepare_loss()

    def _prepare_loss(self):
        self.losses = {}
        for task in self.task_name:
            self.losses[task] = build_from_cfg(build_type='loss', cfg=self.cfg['tasks']['info'][task]['loss_fn'])

    def data_step(self, loader):
        try:
            data, label = loader[1].next()
        except:
            loader[1] = iter(loader[0])
            data, label = loader[1].next()
        data = data.to(self.device, non_blocking=True)
        if not self.multi_input and isinstance(label, dict):
            for k, v in label.items():
                label[k] = v.to(self.device, non_blocking=True)
        else:
            label = label.to(self.device, non_blocking=True)
        return data, label

    def run_step(self, dataloader, task_name=None):
        inputs, gts = self.data_step(dataloader)
        preds = self.model(inputs, task_name)
        return gts, preds

    def _compute_loss(self, preds, gts, task_name=None):
        if not self.multi_input:
            train_losses = torch.zeros(self.task_num).to(self.device)
            for tn, task in enumerate(self.task_name):
                train_losses[tn] = self.losses[task].update_loss(preds[task], gts[task])
        else:
            train_losses = self.losses[task_name].update_loss(preds[task_name], gts)
        return train_losses

    def _process_dataloaders(self, dataloaders):
        if not self.multi_input:
            return [dataloaders, iter(dataloaders)], len(dataloaders)
        loader = {}
        batch_num = []
        for task in self.task_name:
            loader[task] = [dataloaders[task], iter(dataloaders[task])]
            batch_num.append(len(dataloaders[task]))
        return loader, batch_num

    def train(self, return_weight=False):
        train_loader, train_batch = self._process_dataloaders(self.dataloaders['train'])
        train_batch = max(train_batch) if self.multi_input else train_batch
        self.batch_weight = np.zeros([self.task_num, self.epochs, train_batch])
        for epoch in range(self.epochs):
            self.model.epoch = epoch
            self.model.train()
            for batch_index in range(train_batch):
                if not self.multi_input:
                    train_gts, train_preds = self.run_step(train_loader)
                    train_losses = self._compute_loss(train_preds, train_gts)
                else:
                    train_losses = torch.zeros(self.task_num).to(self.device)
                    for tn, task in enumerate(self.task_name):
                        train_gt, train_pred = self.run_step(train_loader[task], task)
                        train_losses[tn] = self._compute_loss(train_pred, train_gt, task)
                self.optimizer.zero_grad()
                weighting_arg = {k: v for k, v in self.cfg['weighting'].items() if k not in ['name', 'rep_grad']}
                w = self.model.backward(train_losses, **weighting_arg)
                if w is not None:
                    self.batch_weight[:, epoch, batch_index] = w
                self.optimizer.step()
            if self.scheduler is not None:
                self.scheduler.step()
        if return_weight:
            return self.batch_weight
