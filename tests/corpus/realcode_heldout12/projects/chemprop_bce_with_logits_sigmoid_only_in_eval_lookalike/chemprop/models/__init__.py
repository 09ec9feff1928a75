"""part of look-alike project [LG002, LG003, LG015]: re-exports build_model."""
# Source: chemprop/chemprop@6d4aaa18c67e28ba4d64ed292043d626b6276c98 chemprop/models/__init__.py (re-typed)
from .model import build_model
