"""A stand-in for torchvision for the scripts that load PIL images and augment them (SimCLR,
PyTorch-GAN's cyclegan): transforms that really crop, flip, jitter and convert, small "resnet"
models and synthetic datasets. torchvision is not installed and nothing can be downloaded."""

from . import datasets, models, transforms, utils  # noqa: F401
