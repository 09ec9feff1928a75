"""part of look-alike project [LG007, LG011, LG012]: the base package re-exports BaseModel."""
# Source: jiangxiluning/FOTS.PyTorch at 2596727b ("add log_softmax to crnn's output", the fix of the parent 7dafcb6c), FOTS/base/__init__.py; cut to BaseModel.
from .base_model import BaseModel
