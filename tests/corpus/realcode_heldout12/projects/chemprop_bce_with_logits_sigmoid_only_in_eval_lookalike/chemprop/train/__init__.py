"""part of look-alike project [LG002, LG003, LG015]: re-exports the training entry points."""
# Source: chemprop/chemprop@6d4aaa18c67e28ba4d64ed292043d626b6276c98 chemprop/train/__init__.py (re-typed, the other entry points left out)
from .run_training import run_training
from .train import train
