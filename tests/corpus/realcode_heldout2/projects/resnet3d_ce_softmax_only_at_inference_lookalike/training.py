"""part of look-alike project [LG001, LG006, LG014]: train_epoch feeds the model's logits to the criterion it is given, records loss.item() and zeroes the gradients before each backward."""
# Source: https://github.com/kenshohara/3D-ResNets-PyTorch training.py at 540a0ea1abaee379fa3651d4d5afbd2d667a1f49; re-typed, names changed, reduced. Correct code.
import time

import torch

from utils import AverageMeter, calculate_accuracy


def train_epoch(epoch, data_loader, model, criterion, optimizer, device, current_lr, epoch_logger, batch_logger):
    model.train()
    losses = AverageMeter()
    accuracies = AverageMeter()
    for i, (inputs, targets) in enumerate(data_loader):
        targets = targets.to(device, non_blocking=True)
        outputs = model(inputs)
        loss = criterion(outputs, targets)
        acc = calculate_accuracy(outputs, targets)
        losses.update(loss.item(), inputs.size(0))
        accuracies.update(acc, inputs.size(0))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if batch_logger is not None:
            batch_logger.log({"epoch": epoch, "batch": i + 1, "loss": losses.val, "acc": accuracies.val, "lr": current_lr})
    epoch_logger.log({"epoch": epoch, "loss": losses.avg, "acc": accuracies.avg, "lr": current_lr})
