"""part of look-alike project [LG006]: train_one_epoch adds loss_val.item() of every term of the dict returned by train_one_batch into a defaultdict(float)."""
# Source: https://github.com/MultimediaTechLab/YOLO yolo/tools/solver.py at dea5a8ada1b6d55c8542a40d284f41707134d445
# (pull request #83 "Fixes memory leak"); re-typed, names changed, reduced. Correct code.
from collections import defaultdict

import torch
from torch import Tensor, distributed
from torch.cuda.amp import GradScaler, autocast
from torch.nn.parallel import DistributedDataParallel as DDP

from tools.loss_functions import create_loss_function


class ModelTrainer:
    def __init__(self, cfg, model, matcher, progress, device, use_ddp: bool):
        self.model = model if not use_ddp else DDP(model, device_ids=[device])
        self.use_ddp = use_ddp
        self.device = device
        self.optimizer = torch.optim.SGD(model.parameters(), lr=cfg.task.optimizer.lr, momentum=0.937)
        self.scheduler = None
        self.loss_fn = create_loss_function(cfg, matcher)
        self.progress = progress
        self.scaler = GradScaler()

    def train_one_batch(self, images: Tensor, targets: Tensor):
        images, targets = images.to(self.device), targets.to(self.device)
        self.optimizer.zero_grad()
        with autocast():
            predicts = self.model(images)
            loss, loss_item = self.loss_fn(predicts["AUX"], predicts["Main"], targets)
        self.scaler.scale(loss).backward()
        self.scaler.unscale_(self.optimizer)
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), max_norm=10.0)
        self.scaler.step(self.optimizer)
        self.scaler.update()
        return loss_item

    def train_one_epoch(self, dataloader):
        self.model.train()
        total_loss = defaultdict(float)
        total_samples = 0
        for batch_size, images, targets, *_ in dataloader:
            loss_each = self.train_one_batch(images, targets)
            for loss_name, loss_val in loss_each.items():
                if self.use_ddp:
                    distributed.all_reduce(loss_val, op=distributed.ReduceOp.AVG)
                total_loss[loss_name] += loss_val.item() * batch_size
            total_samples += batch_size
            self.progress.one_batch(loss_each)
        for loss_val in total_loss.values():
            loss_val /= total_samples
        return total_loss

    def solve(self, dataloader, num_epochs):
        for epoch_idx in range(1, num_epochs + 1):
            epoch_loss = self.train_one_epoch(dataloader)
            self.progress.finish_one_epoch(epoch_loss, epoch_idx=epoch_idx)
