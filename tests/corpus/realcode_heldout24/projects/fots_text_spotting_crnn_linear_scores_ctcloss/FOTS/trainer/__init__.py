"""part of positive project [LG012]: the trainer package re-exports Trainer."""
# Source: jiangxiluning/FOTS.PyTorch at 7dafcb6c (the parent of 2596727b "add log_softmax to crnn's output"), FOTS/trainer/__init__.py.
from .trainer import Trainer
