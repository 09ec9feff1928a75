"""part of look-alike project: the models package lists its submodules in __all__, so `from models import *`
imports each of them."""

# Source: step-cheng/CIFAR10-pytorch@16f64129f4 models/__init__.py (re-typed)
__all__ = ["resnet18", "mymodel"]
