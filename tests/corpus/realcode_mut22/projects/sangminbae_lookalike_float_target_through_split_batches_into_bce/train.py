"""part of look-alike project: the entry point loads, splits and keeps the training part of the data, builds the
model and the optimizer and hands them to the trainer."""

# Source: Sangmin-Bae/Binary-Classification-with-PyTorch@1d92ceb4ed train.py (argument_parser, load_config, main;
# re-typed; the printing and the checkpoint cut)
import argparse

import torch
import torch.optim as optim
import yaml

from model.fc_model import FullyConnectedClassifier
from trainer import Trainer
from utils import load_data, preprocessing_data, split_data


def load_config(path):
    with open(path) as f:
        return argparse.Namespace(**yaml.safe_load(f))


def main(config):
    device = torch.device("cpu") if config.gpu_id < 0 else torch.device(f"cuda:{config.gpu_id}")
    x, y = load_data()
    x, y = split_data(x, y, device, config.train_ratio)
    x, y = preprocessing_data(x, y, device, is_train=True)
    model = FullyConnectedClassifier(input_size=x[0].size(-1), output_size=y[0].size(-1)).to(device)
    optimizer = optim.Adam(model.parameters())
    trainer = Trainer(model, optimizer)
    trainer.train(train_data=(x[0], y[0]), config=config)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--config", type=str, required=True)
    main(load_config(p.parse_args().config))
