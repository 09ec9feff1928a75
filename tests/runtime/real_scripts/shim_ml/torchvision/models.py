"""``resnet18`` (shim_ssl's small ResNet, ``fc.in_features`` 64) and ``ResNet18_Weights`` (named only)."""

import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    "_ssl_resnet", os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shim_ssl", "torchvision", "models", "resnet.py")
)
_resnet = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_resnet)


class ResNet18_Weights:
    DEFAULT = None
    IMAGENET1K_V1 = None


def resnet18(weights=None, num_classes=1000, **kwargs):
    return _resnet.resnet18(num_classes=num_classes)
