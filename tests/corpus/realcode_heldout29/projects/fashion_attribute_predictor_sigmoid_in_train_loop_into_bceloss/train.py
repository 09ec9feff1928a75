"""part of positive project [LG016]: the training entry point (run from the package directory, as in the source): reads the config file, builds the attribute predictor from cfg.model through the registry, and calls train_predictor."""
# Source: open-mmlab/mmfashion at 4403fba4 (the parent of deebced0, "multiple loss"), mmfashion/train.py; re-typed, identifiers renamed; the distributed launcher branch shortened.
# Config is mmcv's; get_dataset and the logger helpers are the repository's (not included).
from __future__ import division
import argparse

from mmcv import Config

from apis import get_root_logger, train_predictor
from datasets import get_dataset
from models import build_predictor


def parse_args():
    parser = argparse.ArgumentParser(description='Train a Fashion Attribute Predictor')
    parser.add_argument('--config', default='configs/RoI_Pooling.py')
    parser.add_argument('--work_dir')
    parser.add_argument('--gpus', type=int, default=4)
    return parser.parse_args()


def main():
    args = parse_args()
    cfg = Config.fromfile(args.config)
    if args.work_dir is not None:
        cfg.work_dir = args.work_dir
    cfg.gpus = args.gpus
    logger = get_root_logger(cfg.log_level)
    model = build_predictor(cfg.model)
    dataset = get_dataset(cfg.data.train)
    train_predictor(model, dataset, cfg, distributed=False, validate=True, logger=logger)


if __name__ == '__main__':
    main()
