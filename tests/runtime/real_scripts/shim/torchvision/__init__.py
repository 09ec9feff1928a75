"""A stand-in for torchvision (not installed, and no downloads are possible): small synthetic datasets."""

from . import datasets, transforms, utils  # noqa: F401
