"""part of positive project [LG010]: losses are looked up by the name given per task in the YAML config and bound to the remaining config entries with functools.partial; no entry means cross_entropy2d."""
# Source: lukasliebel/MultiDepth at 7478d355 (read as is; found through issue #2 on its multi-task uncertainty weighting in train.py), ptsemseg/loss/__init__.py;
# re-typed, identifiers renamed.
import functools
import logging

from ptsemseg.loss.loss import (bootstrapped_cross_entropy2d, cross_entropy1d, cross_entropy2d, masked_mse, mse,
                                multi_scale_cross_entropy2d)

logger = logging.getLogger('ptsemseg')

name_to_loss = {'cross_entropy_2d': cross_entropy2d,
                'cross_entropy_1d': cross_entropy1d,
                'masked_mse': masked_mse,
                'bootstrapped_cross_entropy': bootstrapped_cross_entropy2d,
                'multi_scale_cross_entropy': multi_scale_cross_entropy2d,
                'mse': mse}


def get_loss_function(cfg, task=None):
    if task is None:
        raise ValueError("No task was specified when setting up loss function.")
    if cfg['training']['loss'][task] is None:
        logger.info("Using default cross entropy loss")
        return cross_entropy2d
    else:
        loss_dict = cfg['training']['loss'][task]
        loss_name = loss_dict['name']
        loss_params = {k: v for k, v in loss_dict.items() if k != 'name'}
        if loss_name not in name_to_loss:
            raise NotImplementedError('Loss {} not implemented'.format(loss_name))
        return functools.partial(name_to_loss[loss_name], **loss_params)
