"""``torchvision.models`` with its ``resnet`` module (the MoCo notebook reads ``getattr(resnet, arch)``)."""

from . import resnet  # noqa: F401
from .resnet import resnet18  # noqa: F401
