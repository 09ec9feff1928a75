"""part of look-alike project [LG006, LG014, LG005]: the continual-learning loop calls the model's observe once per batch and keeps the float it returns."""
# Source: aimagelab/mammoth at 6b4ce105, utils/training.py; re-typed, identifiers renamed; wandb, checkpoint loading,
# other metrics and evaluation cut.
import math
import sys

import torch

from models.utils.continual_model import ContinualModel
from utils.status import ProgressBar


def train(model: ContinualModel, dataset, args) -> None:
    model.net.to(model.device)
    progress = ProgressBar(joint=args.joint, verbose=not args.non_verbose)
    print(file=sys.stderr)
    for t in range(dataset.N_TASKS):
        model.net.train()
        train_loader, test_loader = dataset.get_data_loaders()
        model.meta_begin_task(dataset)
        scheduler = dataset.get_scheduler(model, args) if not hasattr(model, 'scheduler') else model.scheduler
        for epoch in range(model.args.n_epochs):
            it = iter(train_loader)
            for i in range(len(train_loader)):
                inputs, labels, not_aug_inputs = next(it)
                inputs = inputs.to(model.device)
                labels = labels.to(model.device, dtype=torch.long)
                not_aug_inputs = not_aug_inputs.to(model.device)
                loss = model.meta_observe(inputs, labels, not_aug_inputs, epoch=epoch)
                assert not math.isnan(loss)
                progress.prog(i, len(train_loader), epoch, t, loss)
            if scheduler is not None:
                scheduler.step()
        model.meta_end_task(dataset)
