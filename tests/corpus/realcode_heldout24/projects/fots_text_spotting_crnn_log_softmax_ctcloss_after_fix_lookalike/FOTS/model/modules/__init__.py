"""part of look-alike project [LG007, LG011, LG012]: package marker (the shared-conv and RoI-rotate modules it also holds are not included)."""
# Source: jiangxiluning/FOTS.PyTorch at 2596727b ("add log_softmax to crnn's output", the fix of the parent 7dafcb6c), FOTS/model/modules/__init__.py.
