"""part of look-alike project [LG002, LG015, LG016]: re-exports build_model."""
# Source: chemprop/chemprop@5376b54a04eee518db7d1194b7fa4ea8e79d26b4 chemprop/models/__init__.py (re-typed)
from .model import build_model
