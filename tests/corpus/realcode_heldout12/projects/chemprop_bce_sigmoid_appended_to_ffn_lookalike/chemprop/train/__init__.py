"""part of look-alike project [LG002, LG015, LG016]: re-exports the training entry points."""
# Source: chemprop/chemprop@5376b54a04eee518db7d1194b7fa4ea8e79d26b4 chemprop/train/__init__.py (re-typed, the other entry points left out)
from .run_training import run_training
from .train import train
