"""part of positive project [LG004]: the entry point parses the hyper-parameters and calls train()."""
# Source: iArunava/DCGAN at 159c4122, init.py; re-typed, identifiers renamed; most options and the predict mode shortened.
import argparse

from train import train

if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('-bs', '--batch-size', type=int, default=64)
    parser.add_argument('-dlr', type=float, default=0.002)
    parser.add_argument('-glr', type=float, default=0.002)
    parser.add_argument('-zsize', type=int, default=100)
    parser.add_argument('-e', '--epochs', type=int, default=200)
    parser.add_argument('-pe', '--p-every', type=int, default=50)
    parser.add_argument('-b1', '--beta1', type=float, default=0.5)
    parser.add_argument('-b2', '--beta2', type=float, default=0.999)
    parser.add_argument('-rh', '--resize-height', type=int, default=64)
    parser.add_argument('-rw', '--resize-width', type=int, default=64)
    parser.add_argument('-d', '--dataset-path', type=str, default=None)
    FLAGS, unparsed = parser.parse_known_args()
    train(FLAGS)
