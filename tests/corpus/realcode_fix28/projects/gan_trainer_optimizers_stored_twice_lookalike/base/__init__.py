"""part of look-alike project [LG014]: the package marker, re-exporting the base trainer."""

# Source: zxpzhong/3D-RecGAN-pytorch@95615352bc base/__init__.py (cut)
from .base_trainer import *
