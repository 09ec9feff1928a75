"""part of positive project [LG003]: the models package re-exports ERFNet."""
# Source: cardwing/Codes-for-Lane-Detection at a224eb4d (read as is), ERFNet-CULane-PyTorch/models/__init__.py.
from .erfnet import ERFNet
