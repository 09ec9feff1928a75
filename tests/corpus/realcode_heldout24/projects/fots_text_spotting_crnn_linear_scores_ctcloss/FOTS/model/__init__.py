"""part of positive project [LG012]: package marker (empty in the source)."""
# Source: jiangxiluning/FOTS.PyTorch at 7dafcb6c (the parent of 2596727b "add log_softmax to crnn's output"), FOTS/model/__init__.py.
