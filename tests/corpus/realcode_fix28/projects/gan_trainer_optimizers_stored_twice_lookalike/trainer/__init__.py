"""part of look-alike project [LG014]: the package marker."""

# Source: zxpzhong/3D-RecGAN-pytorch@95615352bc trainer/__init__.py (cut)
from .trainer import *
