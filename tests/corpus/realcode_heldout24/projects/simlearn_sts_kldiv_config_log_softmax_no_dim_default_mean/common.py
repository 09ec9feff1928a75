"""part of positive project [LG009, LG011]: the scripts pick a loss setup by the --loss name; 'kldiv' builds the KL setup."""
# Source: juanmc2005/SimilarityLearning at bed6d87a (read as is), common.py; re-typed, identifiers renamed; the other
# loss branches, the argument parser and the logging helpers cut.
import argparse

import torch

import losses.config as cf

DEVICE = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def get_arg_parser():
    parser = argparse.ArgumentParser()
    parser.add_argument('--loss', type=str, default='softmax')
    parser.add_argument('--margin', type=float, default=2.0)
    parser.add_argument('--lr', type=float, default=0.0001)
    parser.add_argument('--batch-size', type=int, default=100)
    parser.add_argument('--epochs', type=int, default=10)
    return parser


def build_setup(loss, nfeat, nclass, task, margin):
    if loss == 'softmax':
        return cf.SoftmaxSetup(DEVICE, nfeat, nclass)
    elif loss == 'kldiv':
        return cf.KLDivSetup(DEVICE, nfeat)
    else:
        raise ValueError(f"unknown loss {loss}")
