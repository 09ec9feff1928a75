"""part of positive project [LG012]: package marker."""
# Source: jiangxiluning/FOTS.PyTorch at 7dafcb6c (the parent of 2596727b "add log_softmax to crnn's output"), FOTS/__init__.py (empty).
