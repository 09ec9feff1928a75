"""part of positive project [LG003]: segmentation package."""
from segmentation.unet import UNetSmall

__all__ = ["UNetSmall"]
