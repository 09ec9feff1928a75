"""part of look-alike project [LG002, LG003, LG015]: the driver gets the criterion from the dataset type, builds each ensemble member, and calls train() once per epoch."""
# Source: chemprop/chemprop@6d4aaa18c67e28ba4d64ed292043d626b6276c98 chemprop/train/run_training.py (the commit "Switching from BCELoss to BCEWithLogitsLoss"; re-typed, identifiers renamed, cut to the training part: data loading, scaling, evaluation and checkpoint selection shortened or left out)
from argparse import Namespace
from logging import Logger
import os
from typing import List

from tensorboardX import SummaryWriter
from torch.optim.lr_scheduler import ExponentialLR
from tqdm import trange

from .evaluate import evaluate
from .train import train
from chemprop.models import build_model
from chemprop.utils import build_optimizer, build_lr_scheduler, get_loss_func, get_metric_func


def run_training(args: Namespace, train_data, val_data, logger: Logger = None) -> List[float]:
    debug = logger.debug if logger is not None else print
    loss_func = get_loss_func(args)
    metric_func = get_metric_func(metric=args.metric)
    scores = []
    for member in range(args.ensemble_size):
        save_dir = os.path.join(args.save_dir, f'model_{member}')
        os.makedirs(save_dir, exist_ok=True)
        writer = SummaryWriter(log_dir=save_dir)
        model = build_model(args)
        if args.cuda:
            model = model.cuda()
        optimizer = build_optimizer(model, args)
        scheduler = build_lr_scheduler(optimizer, args)
        n_iter = 0
        for epoch in trange(args.epochs):
            debug(f'Epoch {epoch}')
            n_iter = train(model=model, data=train_data, loss_func=loss_func, optimizer=optimizer,
                           scheduler=scheduler, args=args, n_iter=n_iter, logger=logger, writer=writer)
            if isinstance(scheduler, ExponentialLR):
                scheduler.step()
            val_scores = evaluate(model=model, data=val_data, metric_func=metric_func, args=args, scaler=None,
                                  logger=logger)
            scores.append(val_scores)
    return scores
