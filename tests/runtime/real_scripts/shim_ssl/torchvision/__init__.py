"""A stand-in for torchvision as facebookresearch/moco's CIFAR-10 notebook uses it: ``shim_pil``'s datasets and
transforms (real PIL crops, flips, jitter; the synthetic CIFAR10 class with ``data``/``targets``) and
``models.resnet.resnet18`` with the real one's children and ``norm_layer`` (see ``models/resnet.py``)."""

import os

__path__.append(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "shim_pil", "torchvision"))  # type: ignore[name-defined]  # noqa: F821

from . import datasets, models, transforms  # noqa: E402, F401
