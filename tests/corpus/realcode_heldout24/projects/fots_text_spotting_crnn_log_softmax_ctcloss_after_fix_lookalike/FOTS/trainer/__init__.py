"""part of look-alike project [LG007, LG011, LG012]: the trainer package re-exports Trainer."""
# Source: jiangxiluning/FOTS.PyTorch at 2596727b ("add log_softmax to crnn's output", the fix of the parent 7dafcb6c), FOTS/trainer/__init__.py.
from .trainer import Trainer
