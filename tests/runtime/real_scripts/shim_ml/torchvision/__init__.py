"""A stand-in for torchvision as nicholas-tayag/pytorch-multilabel-vision uses it: tensor-side transforms (the script
augments uint8-derived float tensors, not PIL images), ``io.read_image`` (PIL to a uint8 CHW tensor) and
``models.resnet18`` with ``ResNet18_Weights`` (shim_ssl's small ResNet: no weights to load, random ones)."""

from . import io, models, transforms  # noqa: F401
