"""part of positive project [LG005]: the script builds the trainer, runs setup() (which builds the networks and losses), then train()."""
# Source: https://github.com/ZhaoZhibin/UDTL train_advanced.py at ca5d802a864a29fa4ba68ed01834f00f3b13085b
# (the parent of 6eefb28eb7ab142e4ca07b88073df579c5387f23, issue #3); re-typed, names changed, reduced (most arguments left out).
import argparse
import logging
import os
from datetime import datetime

from utils.train_utils_combines import train_utils

args = None


def parse_args():
    parser = argparse.ArgumentParser(description="Train")
    parser.add_argument("--model_name", type=str, default="cnn_features_1d")
    parser.add_argument("--pretrained", type=bool, default=False)
    parser.add_argument("--bottleneck_num", type=int, default=256)
    parser.add_argument("--num_classes", type=int, default=10)
    parser.add_argument("--domain_adversarial", type=bool, default=True)
    parser.add_argument("--adversarial_loss", type=str, choices=["DA", "CDA"], default="CDA")
    parser.add_argument("--hidden_size", type=int, default=1024)
    parser.add_argument("--trade_off_adversarial", type=str, default="Step")
    parser.add_argument("--lam_adversarial", type=float, default=1)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--max_epoch", type=int, default=300)
    parser.add_argument("--max_iter", type=int, default=10000)
    parser.add_argument("--checkpoint_dir", type=str, default="./checkpoint")
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_args()
    sub_dir = args.model_name + "_" + datetime.strftime(datetime.now(), "%m%d-%H%M%S")
    save_dir = os.path.join(args.checkpoint_dir, sub_dir)
    if not os.path.exists(save_dir):
        os.makedirs(save_dir)
    for k, v in args.__dict__.items():
        logging.info("{}: {}".format(k, v))

    trainer = train_utils(args, save_dir)
    trainer.setup()
    trainer.train()
