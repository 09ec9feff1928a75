"""part of look-alike project [LG002, LG003, LG015]: the criterion is chosen from args.dataset_type: BCE-with-logits or MSE, both unreduced (the trainer masks and reduces them)."""
# Source: chemprop/chemprop@6d4aaa18c67e28ba4d64ed292043d626b6276c98 chemprop/utils.py (the commit "Switching from BCELoss to BCEWithLogitsLoss"; re-typed, cut at function boundaries: only get_loss_func kept)
from argparse import Namespace

import torch.nn as nn


def get_loss_func(args: Namespace) -> nn.Module:
    if args.dataset_type == 'classification':
        return nn.BCEWithLogitsLoss(reduction='none')
    if args.dataset_type == 'regression':
        return nn.MSELoss(reduction='none')
    raise ValueError(f'Dataset type "{args.dataset_type}" not supported.')
