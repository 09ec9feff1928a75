"""part of look-alike project [LG001, LG006, LG007]: the entry point builds the model and the list of loss functions from the JSON config (config.json: model MnistModel, loss ["nll_loss"])."""
# Source: cbim-medical-group/pytorch-template@7f76ee095420e23efe22df560d8e0a314fbc16dd train.py (read as is; re-typed, the command-line options shortened)
import argparse

import numpy as np
import torch

from parse_config import ConfigParser
from trainer import Trainer

SEED = 123
torch.manual_seed(SEED)
np.random.seed(SEED)


def main(config):
    logger = config.get_logger('train')
    data_loader = config.init_obj('data_loader', transforms=config.init_transform(), training=True)
    valid_data_loader = data_loader.split_validation()
    model = config.init_obj('model')
    logger.info(model)
    criterion = config.init_ftn('loss')
    metrics = [getattr(__import__(f"metric.{met}", fromlist=[met]), met) for met in config['metric']]
    params = filter(lambda p: p.requires_grad, model.parameters())
    optimizer = config.init_obj('optimizer', torch.optim, params)
    lr_scheduler = config.init_obj('lr_scheduler', torch.optim.lr_scheduler, optimizer)
    trainer = Trainer(model, criterion, metrics, optimizer, config=config, data_loader=data_loader,
                      valid_data_loader=valid_data_loader, lr_scheduler=lr_scheduler)
    trainer.train()


if __name__ == '__main__':
    args = argparse.ArgumentParser(description='PyTorch Template')
    args.add_argument('-c', '--config', default=None, type=str)
    args.add_argument('-r', '--resume', default=None, type=str)
    config = ConfigParser.from_args(args)
    main(config)
