"""part of positive project [LG006, LG010, LG011]: package marker of the MNIST example (empty in the source)."""
# Source: PingjunChen/pytorch-study at 2bc05f3a310d4bf4f618b0a5adfc684a81f75efa mnist-pytorch/__init__.py (empty file, kept)
