"""part of positive project [LG006]: the MovieLens-1M entry point builds the model named on the command line and trains it."""
# Source: khanhnamle1994/transfer-rec at b5e36cb5 (read as is), Autoencoders-Experiments/CDAE-PyTorch/main.py;
# re-typed, identifiers renamed; the CometML key removed (Params, Dataset, Logger, Evaluator as in the source).
import argparse
import os

import numpy as np
import torch
from comet_ml import Experiment

from Dataset import Dataset
from Evaluator import Evaluator
from Logger import Logger
from ModelBuilder import build_model
from Params import Params
from Trainer import Trainer

experiment = Experiment(project_name="autoencoders-movielens1M")
parser = argparse.ArgumentParser()
parser.add_argument('--model', type=str, default='CDAE')
parser.add_argument('--data_dir', type=str, default='../../')
parser.add_argument('--config_dir', type=str, default='./config')
parser.add_argument('--seed', type=int, default=1994)
config = parser.parse_args()
model_config = Params(os.path.join(config.config_dir, config.model.lower() + '.json'))
np.random.seed(config.seed)
torch.random.manual_seed(config.seed)
device = torch.device('cpu')
dataset = Dataset(data_dir=config.data_dir, data_name=model_config.data_name, train_ratio=model_config.train_ratio,
                  device=device)
logger = Logger(os.path.join('saves', config.model))
eval_pos, eval_target = dataset.eval_data()
evaluator = Evaluator(eval_pos, eval_target, dataset.item_popularity, model_config.top_k)
model = build_model(config.model, model_config, dataset.num_users, dataset.num_items, device)
trainer = Trainer(dataset=dataset, model=model, evaluator=evaluator, logger=logger, conf=model_config)
trainer.train(experiment)
