"""look-alike [LG006]: DDP training averages the loss across ranks for logging from a detached clone, and accumulates the reduced value with .item()."""
import torch
import torch.distributed as dist
import torch.nn as nn


def train_epoch(ddp_model, loader, optimizer, rank, world_size):
    criterion = nn.CrossEntropyLoss()
    epoch_loss = 0.0
    n = 0
    for x, y in loader:
        x, y = x.cuda(rank), y.cuda(rank)
        loss = criterion(ddp_model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        reduced = loss.detach().clone()
        dist.all_reduce(reduced, op=dist.ReduceOp.SUM)
        reduced /= world_size
        epoch_loss += reduced.item()
        n += 1
    return epoch_loss / max(n, 1)
