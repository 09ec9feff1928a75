"""part of positive project [LG012]: package marker (the shared-conv and RoI-rotate modules it also holds are not included)."""
# Source: jiangxiluning/FOTS.PyTorch at 7dafcb6c (the parent of 2596727b "add log_softmax to crnn's output"), FOTS/model/modules/__init__.py.
