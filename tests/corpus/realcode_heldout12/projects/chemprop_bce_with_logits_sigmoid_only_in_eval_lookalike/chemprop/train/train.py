"""part of look-alike project [LG002, LG003, LG015]: one epoch: float targets and a mask built from the batch, the unreduced loss weighted and masked, then summed and divided by the mask's sum before backward; loss.item() is what is summed for logging."""
# Source: chemprop/chemprop@6d4aaa18c67e28ba4d64ed292043d626b6276c98 chemprop/train/train.py (the commit "Switching from BCELoss to BCEWithLogitsLoss"; re-typed, identifiers renamed, the tensorboard logging block shortened)
from argparse import Namespace
import logging
from typing import Callable, List, Union

import torch
import torch.nn as nn
from torch.optim import Optimizer
from torch.optim.lr_scheduler import _LRScheduler
from tqdm import trange

from chemprop.data import MoleculeDataset
from chemprop.nn_utils import NoamLR


def train(model: nn.Module, data: Union[MoleculeDataset, List[MoleculeDataset]], loss_func: Callable,
          optimizer: Optimizer, scheduler: _LRScheduler, args: Namespace, n_iter: int = 0,
          logger: logging.Logger = None, writer=None) -> int:
    debug = logger.debug if logger is not None else print
    model.train()
    data.shuffle()
    loss_sum, seen = 0, 0
    n_steps = len(data) // args.batch_size * args.batch_size

    for start in trange(0, n_steps, args.batch_size):
        if start + args.batch_size > len(data):
            break
        batch = MoleculeDataset(data[start:start + args.batch_size])
        smiles, features, raw_targets = batch.smiles(), batch.features(), batch.targets()
        mask = torch.Tensor([[t is not None for t in row] for row in raw_targets])
        targets = torch.Tensor([[0 if t is None else t for t in row] for row in raw_targets])
        if next(model.parameters()).is_cuda:
            mask, targets = mask.cuda(), targets.cuda()
        weights = torch.ones(targets.shape)
        if args.cuda:
            weights = weights.cuda()

        model.zero_grad()
        preds = model(smiles, features)
        loss = loss_func(preds, targets) * weights * mask
        loss = loss.sum() / mask.sum()

        loss_sum += loss.item()
        seen += len(batch)

        loss.backward()
        optimizer.step()
        if isinstance(scheduler, NoamLR):
            scheduler.step()
        n_iter += len(batch)
        if (n_iter // args.batch_size) % args.log_frequency == 0:
            debug(f'Loss = {loss_sum / seen:.4e}')
            if writer is not None:
                writer.add_scalar('train_loss', loss_sum / seen, n_iter)
            loss_sum, seen = 0, 0
    return n_iter
