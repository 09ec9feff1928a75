"""A stand-in for torchvision (not installed) as bubbliiiing/detr-pytorch uses it: ``models.resnet50``
(a small ResNet with the real one's children and its ``norm_layer`` argument), ``models._utils.
IntermediateLayerGetter``, ``ops.boxes.box_area`` and ``ops.nms``."""

from . import models, ops  # noqa: F401

__version__ = "0.0-shim"


def _is_tracing():
    return False
