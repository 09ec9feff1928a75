"""part of positive project [LG010]: the training epoch back-propagates the loss compute_loss returns and logs loss.item()."""
# Source: snap-stanford/GraphGym parent of 358fdfc ("fix deprecated component", which maps the flag to reduction='mean' or 'sum'), graphgym/train.py (unchanged by the fix); re-typed, identifiers renamed;
# checkpointing cut.
import time

import torch

from graphgym.config import cfg
from graphgym.loss import compute_loss
from graphgym.utils.epoch import is_eval_epoch


def train_epoch(logger, loader, model, optimizer, scheduler):
    model.train()
    t0 = time.time()
    for batch in loader:
        optimizer.zero_grad()
        batch.to(torch.device(cfg.device))
        pred, true = model(batch)
        loss, score = compute_loss(pred, true)
        loss.backward()
        optimizer.step()
        logger.update_stats(true=true.detach().cpu(), pred=score.detach().cpu(), loss=loss.item(),
                            lr=scheduler.get_last_lr()[0], time_used=time.time() - t0, params=cfg.params)
        t0 = time.time()
    scheduler.step()


def eval_epoch(logger, loader, model):
    model.eval()
    t0 = time.time()
    for batch in loader:
        batch.to(torch.device(cfg.device))
        pred, true = model(batch)
        loss, score = compute_loss(pred, true)
        logger.update_stats(true=true.detach().cpu(), pred=score.detach().cpu(), loss=loss.item(),
                            lr=0, time_used=time.time() - t0, params=cfg.params)
        t0 = time.time()


def train(loggers, loaders, model, optimizer, scheduler):
    for epoch in range(0, cfg.optim.max_epoch):
        train_epoch(loggers[0], loaders[0], model, optimizer, scheduler)
        loggers[0].write_epoch(epoch)
        if is_eval_epoch(epoch):
            for i in range(1, len(loggers)):
                eval_epoch(loggers[i], loaders[i], model)
                loggers[i].write_epoch(epoch)
    for logger in loggers:
        logger.close()
