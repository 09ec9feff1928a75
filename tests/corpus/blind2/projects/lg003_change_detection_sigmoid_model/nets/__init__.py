"""part of positive project [LG003]: package re-export of the Siamese change-detection net."""
from .siamese import SiameseUNet

__all__ = ["SiameseUNet"]
