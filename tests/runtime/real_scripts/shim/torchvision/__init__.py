"""A stand-in for torchvision (not installed, and no downloads are possible): small synthetic datasets."""

from . import datasets, models, transforms, utils  # noqa: F401
