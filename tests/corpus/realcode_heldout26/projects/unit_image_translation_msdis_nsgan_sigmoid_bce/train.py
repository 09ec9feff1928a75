"""part of positive project [LG016]: the training script reads the YAML config (gan_type lsgan or nsgan under 'dis'), builds the trainer and alternates dis_update and gen_update over paired loaders."""
# Source: mingyuliutw/UNIT at 28d59829 (read as is), train.py; re-typed, identifiers renamed; the image display, logging and
# snapshots shortened (get_config, get_all_data_loaders as in the source's utils).
import argparse

import torch

from trainer import UnitTrainer
from utils import get_all_data_loaders, get_config

parser = argparse.ArgumentParser()
parser.add_argument('--config', type=str, default='configs/unit_edges2handbags_folder.yaml')
opts = parser.parse_args()
config = get_config(opts.config)
trainer = UnitTrainer(config)
trainer.cuda()
train_loader_a, train_loader_b, test_loader_a, test_loader_b = get_all_data_loaders(config)
iterations = 0
while True:
    for it, (images_a, images_b) in enumerate(zip(train_loader_a, train_loader_b)):
        trainer.update_learning_rate()
        images_a, images_b = images_a.cuda().detach(), images_b.cuda().detach()
        trainer.dis_update(images_a, images_b, config)
        trainer.gen_update(images_a, images_b, config)
        torch.cuda.synchronize()
        iterations += 1
        if iterations >= config['max_iter']:
            raise SystemExit('Finish training')
