"""part of positive project [LG012]: the base package re-exports BaseModel."""
# Source: jiangxiluning/FOTS.PyTorch at 7dafcb6c (the parent of 2596727b "add log_softmax to crnn's output"), FOTS/base/__init__.py; cut to BaseModel.
from .base_model import BaseModel
