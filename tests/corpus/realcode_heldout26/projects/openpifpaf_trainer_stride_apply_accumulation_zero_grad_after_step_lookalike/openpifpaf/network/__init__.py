"""part of look-alike project [LG006, LG014, LG017]: the network package."""
# Source: openpifpaf/openpifpaf at fe27168e (read as is; issue #123 asks about the order backward, step, zero_grad), openpifpaf/network/__init__.py; re-typed, cut to the trainer.
from .trainer import Trainer
