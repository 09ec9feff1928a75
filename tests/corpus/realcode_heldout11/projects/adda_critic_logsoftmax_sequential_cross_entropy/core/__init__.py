"""part of positive project [LG001, LG011]: the core package re-exports the training and evaluation functions."""
# Source: corenel/pytorch-adda@96f2689dd418ef275fcd0b057e5dff89be5762c5 core/__init__.py (read as is; its issue #19 asks about the critic's zero_grad; re-typed)
from .adapt import train_tgt
from .pretrain import eval_src, train_src
from .test import eval_tgt

__all__ = (eval_src, train_src, train_tgt, eval_tgt)
