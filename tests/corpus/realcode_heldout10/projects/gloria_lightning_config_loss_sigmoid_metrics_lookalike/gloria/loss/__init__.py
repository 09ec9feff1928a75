"""part of look-alike project [LG002, LG003, LG016]: the loss package exposes its submodules to builder.py."""
# Source: marshuang80/gloria@416466af1036294301a872e4da169fefc137a192 gloria/loss/__init__.py (re-typed; the two contrastive-loss submodules it also imports are left out)
from . import segmentation_loss
