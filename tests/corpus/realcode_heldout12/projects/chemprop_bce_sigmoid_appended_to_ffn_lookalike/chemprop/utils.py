"""part of look-alike project [LG002, LG015, LG016]: the criterion is chosen from args.dataset_type: BCE or MSE, both unreduced (the trainer masks and reduces them)."""
# Source: chemprop/chemprop@5376b54a04eee518db7d1194b7fa4ea8e79d26b4 chemprop/utils.py (the parent of 6d4aaa18 "Switching from BCELoss to BCEWithLogitsLoss"; re-typed, cut at function boundaries: only get_loss_func kept)
from argparse import Namespace

import torch.nn as nn


def get_loss_func(args: Namespace) -> nn.Module:
    if args.dataset_type == 'classification':
        return nn.BCELoss(reduction='none')
    if args.dataset_type == 'regression':
        return nn.MSELoss(reduction='none')
    raise ValueError(f'Dataset type "{args.dataset_type}" not supported.')
