"""part of look-alike project [LG007, LG011, LG012]: the entry script evaluates the class names written in config.json ('arch': 'FOTSModel', 'loss': 'FOTSLoss', model mode 'united') to build model and loss, and hands both to the Trainer."""
# Source: jiangxiluning/FOTS.PyTorch at 2596727b ("add log_softmax to crnn's output", the fix of the parent 7dafcb6c), train.py;
# re-typed; the SynthText branch and the resume checks shortened. config.json is not a .py file and is not included.
import argparse
import json
import os
import pathlib

import torch

from FOTS.data_loader import ICDAR, OCRDataLoaderFactory
from FOTS.logger import Logger
from FOTS.model.loss import *
from FOTS.model.metric import *
from FOTS.model.model import *
from FOTS.trainer import Trainer
from FOTS.utils.bbox import Toolbox


def main(config, resume):
    train_logger = Logger()
    data_root = pathlib.Path(config['data_loader']['data_dir'])
    dataset = ICDAR(data_root, year='2015')
    data_loader = OCRDataLoaderFactory(config, dataset)
    train = data_loader.train()
    val = data_loader.val()
    os.environ['CUDA_VISIBLE_DEVICES'] = ','.join([str(i) for i in config['gpus']])
    model = eval(config['arch'])(config)
    model.summary()
    loss = eval(config['loss'])(config)
    metrics = [eval(metric) for metric in config['metrics']]
    trainer = Trainer(model, loss, metrics, resume=resume, config=config, data_loader=train,
                      valid_data_loader=val, train_logger=train_logger, toolbox=Toolbox)
    trainer.train()


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='PyTorch Template')
    parser.add_argument('-c', '--config', default=None, type=str)
    parser.add_argument('-r', '--resume', default=None, type=str)
    args = parser.parse_args()
    config = None
    if args.resume is not None:
        config = torch.load(args.resume, map_location='cpu')['config']
    elif args.config is not None:
        config = json.load(open(args.config))
    assert config is not None
    main(config, args.resume)
