"""positive project [LG006]: the epoch's totals are a defaultdict of device tensors, and each batch adds the loss terms train_one_batch returns, still holding their graphs, so every batch's graph lives until the epoch ends."""
# Source: MultimediaTechLab/YOLO@8228669808 (the parent of dea5a8a, "Fixes memory leak (#83)", which makes the totals floats and adds loss_val.item()) yolo/tools/solver.py (re-typed: the two training methods of ModelTrainer; the constructor reduced to what they read; names kept)
from collections import defaultdict

import torch
from torch import Tensor, distributed
from torch.cuda.amp import GradScaler, autocast

from yolo.tools.loss_functions import create_loss_function


class ModelTrainer:
    def __init__(self, cfg, model, vec2box, progress, device, use_ddp: bool):
        self.model = model
        self.vec2box = vec2box
        self.progress = progress
        self.device = device
        self.use_ddp = use_ddp
        self.optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
        self.scheduler = None
        self.loss_fn = create_loss_function(cfg, vec2box)
        self.scaler = GradScaler()

    def train_one_batch(self, images: Tensor, targets: Tensor):
        images, targets = images.to(self.device), targets.to(self.device)
        self.optimizer.zero_grad()
        with autocast():
            predicts = self.model(images)
            aux_predicts = self.vec2box(predicts["AUX"])
            main_predicts = self.vec2box(predicts["Main"])
            loss, loss_item = self.loss_fn(aux_predicts, main_predicts, targets)
        self.scaler.scale(loss).backward()
        self.scaler.unscale_(self.optimizer)
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), max_norm=10.0)
        self.scaler.step(self.optimizer)
        self.scaler.update()
        return loss_item

    def train_one_epoch(self, dataloader):
        self.model.train()
        total_loss = defaultdict(lambda: torch.tensor(0.0, device=self.device))
        total_samples = 0
        for batch_size, images, targets, *_ in dataloader:
            loss_each = self.train_one_batch(images, targets)
            for loss_name, loss_val in loss_each.items():
                if self.use_ddp:  # collecting loss for each batch
                    distributed.all_reduce(loss_val, op=distributed.ReduceOp.AVG)
                total_loss[loss_name] += loss_val * batch_size  # expect: LG006
            total_samples += batch_size
            self.progress.one_batch(loss_each)
        for loss_val in total_loss.values():
            loss_val /= total_samples
        return total_loss
