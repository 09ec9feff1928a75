"""A torchvision model whose last layer the code replaced.

Round 24: transfer learning replaces a torchvision classifier's last layer for the task's classes,
``model.fc = nn.Linear(model.fc.in_features, 2)`` (ResNet) or ``model.classifier[6] = nn.Linear(4096, 2)``
(VGG). Written as ``nn.Sequential(nn.Linear(n, 2), nn.Softmax(dim=1))`` before ``CrossEntropyLoss``, it is
the bug of LG001 in the form tutorials and notebooks most often have it. Any store into a model the checker
knew made the model unknown, so the softmax was never seen.

A store into exactly the layer that computes a torchvision classifier's output (``fc`` of the ResNet
family, ``classifier`` of DenseNet, ``classifier[6]`` of VGG and AlexNet, ``classifier[-1]`` of every
family whose ``classifier`` is an ``nn.Sequential``, ...) now makes the model one whose output is what
the stored module returns for the features before it. A store anywhere else still makes it unknown, and
so do timm models, whose head's name depends on the architecture.

Round 26: torchvision's segmentation models are fine-tuned the same way, ``model.classifier =
DeepLabHead(2048, 1)`` or ``model.classifier[4] = nn.Conv2d(256, n, 1)``; their ``"out"`` is then what the stored
module returns (``DeepLabHead`` and ``FCNHead`` end in a convolution: logits).

Round 29: every classifier family of that table flattens its features to ``(N, F)`` before the last layer
(``torch.flatten(x, 1)``, ``x.mean([2, 3])``, convnext's ``Flatten`` inside ``classifier``), and refuses an
input that is not a batch of images (``BatchNorm2d`` wants four axes). Given a batch of four axes (a loader's
``ToTensor`` images, interp.image_transforms), the features, and so the scores of the layer that replaced
the last one, have two axes: ``(N, 2)`` against the loader's ``(N,)`` class indices is what
``BCEWithLogitsLoss`` refuses.

Round 30: a store into the whole ``classifier`` of the families whose classifier is an ``nn.Sequential`` given
the flattened features (VGG, AlexNet, MobileNet, EfficientNet, MNASNet: ``api.PRETRAINED_FLAT_CLASSIFIERS``)
replaces it as a store into its last layer does: the model's output is what the stored module returns for those
features. Not ConvNeXt, whose classifier flattens inside it.
"""

from __future__ import annotations

import ast

from lossguard.static import torch_api as api
from lossguard.static.values import Dtype, PretrainedModel, Shape, Tensor, Value


def replaced_head(model: Value, target: ast.expr, stored: Value) -> PretrainedModel | None:
    """The model after ``target = stored``, where ``target`` is the output layer of the torchvision
    ``model`` (``model.fc``, ``model.classifier[6]``, ``model.classifier[-1]``); None for any other store."""
    if not isinstance(model, PretrainedModel) or not model.qname.startswith(api.PRETRAINED_PREFIXES):
        return None
    if model.outputs:
        return _segmentation_head(model, target, stored)
    name = model.qname.rsplit(".", 1)[-1]
    last = next(((attr, index) for prefix, attr, index in api.PRETRAINED_LAST_LAYER if name.startswith(prefix)), None)
    if last is None:
        return None
    attr, index = last
    if _stores_into(target, attr, index):
        return PretrainedModel(model.qname, stored)
    if index is not None and name.startswith(api.PRETRAINED_FLAT_CLASSIFIERS) and _stores_into(target, attr, None):
        # `model.classifier = nn.Sequential(nn.Linear(25088, 256), ..., nn.LogSoftmax(dim=1))`: the whole classifier
        # replaced, given the same flattened features (round 30, kenmaro3/pytorch_practice's AlexNet)
        return PretrainedModel(model.qname, stored)
    return None


def _segmentation_head(model: PretrainedModel, target: ast.expr, stored: Value) -> PretrainedModel | None:
    """A torchvision segmentation model after a store into its ``classifier`` (DeepLabHead, FCNHead) or its
    last convolution (``classifier[4]``): "out" is what the stored module returns; into ``aux_classifier``: the
    model no longer says what "aux" is. Not LR-ASPP, whose classifier has two output convolutions."""
    if "lraspp" in model.qname:
        return None
    if _stores_into(target, "classifier", None) or _stores_into(target, "classifier", api.TORCHVISION_SEGMENTATION_LAST_CONV):
        return PretrainedModel(model.qname, stored, model.outputs)
    if _stores_into(target, "aux_classifier", None) or _stores_into(target, "aux_classifier", api.TORCHVISION_SEGMENTATION_LAST_CONV):
        return PretrainedModel(model.qname, model.head, tuple(key for key in model.outputs if key != "aux"))
    return None


def _stores_into(target: ast.expr, attr: str, index: int | None) -> bool:
    """Whether ``target`` is ``<model>.<attr>`` (``index`` None) or ``<model>.<attr>[index]`` (or ``[-1]``)."""
    if index is None:
        return isinstance(target, ast.Attribute) and target.attr == attr
    return (
        isinstance(target, ast.Subscript)
        and isinstance(target.value, ast.Attribute)
        and target.value.attr == attr
        and _position(target.slice) in (index, -1)
    )


def _position(node: ast.expr) -> int | None:
    """A literal integer index (``6``, ``-1``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        value = node.operand.value
        return -value if isinstance(value, int) and not isinstance(value, bool) else None
    return None


def classifier_features(model: PretrainedModel, pos: list[Value]) -> Tensor:
    """What the last layer of the torchvision classifier ``model`` is given when it is called on ``pos``:
    ``(N, F)`` features for one batch of images of four axes, features of unknown shape otherwise."""
    features = Tensor(dtype=Dtype.FLOAT)
    if len(pos) != 1 or model.outputs or not model.qname.startswith(api.PRETRAINED_PREFIXES):
        return features
    name = model.qname.rsplit(".", 1)[-1]
    images = pos[0]
    if not any(name.startswith(prefix) for prefix, _, _ in api.PRETRAINED_LAST_LAYER):
        return features
    if not isinstance(images, Tensor) or images.shape is None or not images.shape.rank_known or len(images.shape.dims) != 4:
        return features
    return features.with_(shape=Shape((images.shape.dims[0], None)))
