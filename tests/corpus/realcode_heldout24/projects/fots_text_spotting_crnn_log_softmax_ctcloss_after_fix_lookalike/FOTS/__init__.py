"""part of look-alike project [LG007, LG011, LG012]: package marker."""
# Source: jiangxiluning/FOTS.PyTorch at 2596727b ("add log_softmax to crnn's output", the fix of the parent 7dafcb6c), FOTS/__init__.py (empty).
