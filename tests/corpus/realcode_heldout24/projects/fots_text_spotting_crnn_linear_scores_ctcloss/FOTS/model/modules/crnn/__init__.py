"""part of positive project [LG012]: the crnn package re-exports CRNN."""
# Source: jiangxiluning/FOTS.PyTorch at 7dafcb6c (the parent of 2596727b "add log_softmax to crnn's output"), FOTS/model/modules/crnn/__init__.py.
from .crnn import CRNN
