"""part of positive project [LG003]: the base Trainer stores the criterion it is given; a training step computes self.criterion(self.model(x), target) on the raw outputs, zeroes the gradients and steps (AMP through a GradScaler)."""
# Source: frgfm/holocron at 49125c24 (the parent of 9871899c, "fix: Fixed BinaryClassificationTrainer (#227)"),
# holocron/trainer/core.py; re-typed, identifiers renamed; checkpointing, LR finder, scheduler set-up, fit_n_epochs
# and plotting cut. holocron/trainer/utils.py (freeze_bn) is not included.
import math
from typing import Any, Callable, Dict, Optional

import torch
from fastprogress import progress_bar
from torch import Tensor, nn
from torch.utils.data import DataLoader

from .utils import freeze_bn

__all__ = ["Trainer"]


class Trainer:
    def __init__(
        self,
        model: nn.Module,
        train_loader: DataLoader,
        val_loader: DataLoader,
        criterion: nn.Module,
        optimizer: torch.optim.Optimizer,
        gpu: Optional[int] = None,
        output_file: str = "./checkpoint.pth",
        amp: bool = False,
        skip_nan_loss: bool = False,
        nan_tolerance: int = 5,
        on_epoch_end: Optional[Callable[[Dict[str, float]], Any]] = None,
    ) -> None:
        self.model = model
        self.train_loader = train_loader
        self.val_loader = val_loader
        self.criterion = criterion
        self.optimizer = optimizer
        self.amp = amp
        self.scaler: torch.cuda.amp.grad_scaler.GradScaler
        self.on_epoch_end = on_epoch_end
        self.skip_nan_loss = skip_nan_loss
        self.nan_tolerance = nan_tolerance
        self.output_file = output_file
        self.step = 0
        self.epoch = 0
        self.min_loss = math.inf
        self.gpu = gpu
        if self.amp:
            self.scaler = torch.cuda.amp.GradScaler()

    def _fit_epoch(self, mb) -> None:
        self.model = freeze_bn(self.model.train())
        nan_cnt = 0
        pb = progress_bar(self.train_loader, parent=mb)
        for x, target in pb:
            x, target = self.to_cuda(x, target)
            batch_loss = self._get_loss(x, target)
            if not self.skip_nan_loss or torch.isfinite(batch_loss):
                nan_cnt = 0
                self._backprop_step(batch_loss)
            else:
                nan_cnt += 1
                if nan_cnt > self.nan_tolerance:
                    raise ValueError(f"loss value has been NaN or inf for more than {self.nan_tolerance} steps.")
            self.scheduler.step()
            pb.comment = f"Training loss: {batch_loss.item():.4}"
            self.step += 1
        self.epoch += 1

    def to_cuda(self, x: Tensor, target: Tensor):
        if isinstance(self.gpu, int):
            return x.cuda(non_blocking=True), target.cuda(non_blocking=True)
        return x, target

    def _backprop_step(self, loss: Tensor) -> None:
        self.optimizer.zero_grad()
        if self.amp:
            self.scaler.scale(loss).backward()
            self.scaler.step(self.optimizer)
            self.scaler.update()
        else:
            loss.backward()
            self.optimizer.step()

    def _get_loss(self, x: Tensor, target: Tensor) -> Tensor:
        if self.amp:
            with torch.cuda.amp.autocast():
                out = self.model(x)
                return self.criterion(out, target)
        out = self.model(x)
        return self.criterion(out, target)

    def evaluate(self):
        raise NotImplementedError
