"""look-alike [LG017]: the same train step at the fix commit: the gradients are cleared at the top of the step, before the forward pass, and scaler.step applies the fresh ones."""

# Source: h4nyu/kaggle-cell-seg@400a74f08f cellseg/solo/__init__.py and workflows/train.py (the fix commit; cut, renamed)
from typing import Any

import torch_optimizer as optim
from torch.cuda.amp import GradScaler, autocast

from cellseg.data import CellTrainDataset, ToDevice, collate_fn
from cellseg.solo import Criterion, Solo
from cellseg.solo.adaptors import BatchAdaptor
from torch.utils.data import DataLoader


class TrainStep:
    def __init__(self, criterion: Criterion, model: Solo, optimizer: Any, batch_adaptor: BatchAdaptor, use_amp: bool = True) -> None:
        self.criterion = criterion
        self.model = model
        self.batch_adaptor = batch_adaptor
        self.optimizer = optimizer
        self.use_amp = use_amp
        self.scaler = GradScaler()

    def __call__(self, batch) -> dict:
        self.model.train()
        self.optimizer.zero_grad()
        with autocast(enabled=self.use_amp):
            images, gt_mask_batch, gt_label_batch = batch
            gt_category_grids, mask_index = self.batch_adaptor(mask_batch=gt_mask_batch, label_batch=gt_label_batch)
            pred_category_grids, pred_all_masks = self.model(images)
            loss, category_loss, mask_loss = self.criterion(
                (pred_category_grids, pred_all_masks),
                (gt_category_grids, gt_mask_batch, mask_index),
            )
            self.scaler.scale(loss).backward()
            self.scaler.step(self.optimizer)
            self.scaler.update()
        return dict(loss=loss.item(), category_loss=category_loss.item(), mask_loss=mask_loss.item())


def main(cfg) -> None:
    model = Solo(**cfg.model).to(cfg.device)
    train_step = TrainStep(
        optimizer=optim.AdaBound(model.parameters(), **cfg.optimizer),
        model=model,
        criterion=Criterion(**cfg.criterion),
        batch_adaptor=BatchAdaptor(num_classes=cfg.num_classes, grid_size=cfg.model.grid_size, original_size=cfg.original_size),
        use_amp=cfg.use_amp,
    )
    loader = DataLoader(CellTrainDataset(**cfg.dataset), collate_fn=collate_fn, **cfg.train_loader)
    to_device = ToDevice(cfg.device)
    for epoch in range(cfg.num_epochs):
        for batch in loader:
            log = train_step(to_device(*batch))
        print(epoch, log)
