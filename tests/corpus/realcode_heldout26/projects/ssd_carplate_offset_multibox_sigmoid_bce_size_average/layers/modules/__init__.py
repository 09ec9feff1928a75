"""part of positive project [LG010, LG016]: the modules package re-exports the car-plate multibox loss."""
# Source: lizhenjia1/ssd.pytorch at 4d72ae69 (read as is; a fork of the SSD port whose car-plate heads and'
# MultiBoxLoss_offset are this repository's own), layers/modules/__init__.py; re-typed, cut.
from .multibox_loss import MultiBoxLoss_offset
