"""part of look-alike project [LG007, LG011, LG012]: package marker (empty in the source)."""
# Source: jiangxiluning/FOTS.PyTorch at 2596727b ("add log_softmax to crnn's output", the fix of the parent 7dafcb6c), FOTS/model/__init__.py.
