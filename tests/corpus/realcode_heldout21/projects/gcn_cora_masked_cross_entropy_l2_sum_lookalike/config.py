"""part of look-alike project [LG001, LG006, LG015]: command-line hyper-parameters read at import."""
# Source: dragen1860/GCN-PyTorch at 623aa67f (read as is), config.py; re-typed.
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", default="cora")
parser.add_argument("--learning_rate", type=float, default=0.01)
parser.add_argument("--epochs", type=int, default=200)
parser.add_argument("--hidden", type=int, default=16)
parser.add_argument("--dropout", type=float, default=0.5)
parser.add_argument("--weight_decay", type=float, default=5e-4)

args = parser.parse_args()
