"""part of look-alike project [LG014]: the script takes the networks of the chosen pair of domains from the settings module, builds one SGD over all three, and calls the trainer once per epoch in the mode given on the command line."""

# Source: CuthbertCai/pytorch_DANN@540e0c1699 main.py (the fix commit; cut, renamed)
import argparse
import sys

import torch.nn as nn
import torch.optim as optim

from train import params, train
from util import utils


def main(args):
    params.epochs = args.max_epoch
    src_train_dataloader = utils.get_train_loader(args.source_domain)
    tgt_train_dataloader = utils.get_train_loader(args.target_domain)
    model_index = args.source_domain + "_" + args.target_domain
    feature_extractor = params.extractor_dict[model_index]
    class_classifier = params.class_dict[model_index]
    domain_classifier = params.domain_dict[model_index]
    class_criterion = nn.NLLLoss()
    domain_criterion = nn.NLLLoss()
    optimizer = optim.SGD([{"params": feature_extractor.parameters()},
                           {"params": class_classifier.parameters()},
                           {"params": domain_classifier.parameters()}], lr=args.lr, momentum=0.9)
    for epoch in range(params.epochs):
        train.train(args.training_mode, feature_extractor, class_classifier, domain_classifier, class_criterion,
                    domain_criterion, src_train_dataloader, tgt_train_dataloader, optimizer, epoch)


def parse_arguments(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--source_domain", type=str, default="MNIST")
    parser.add_argument("--target_domain", type=str, default="MNIST_M")
    parser.add_argument("--training_mode", type=str, default="dann")
    parser.add_argument("--max_epoch", type=int, default=100)
    parser.add_argument("--lr", type=float, default=0.01)
    return parser.parse_args(argv)


if __name__ == "__main__":
    main(parse_arguments(sys.argv[1:]))
