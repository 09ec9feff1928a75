"""part of positive project [LG010, LG016]: the layers package."""
# Source: lizhenjia1/ssd.pytorch at 4d72ae69 (read as is; a fork of the SSD port whose car-plate heads and'
# MultiBoxLoss_offset are this repository's own), layers/__init__.py; re-typed, cut to the loss module.
from .modules import MultiBoxLoss_offset
