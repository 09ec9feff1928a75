"""segmentation_models_pytorch's models, with the activation their ``forward`` applies.

Round 25: ``smp.Unet(encoder_name="resnet34", classes=1, activation="sigmoid")`` is one of the most common ways to
build a segmentation model, and pairing it with ``nn.BCEWithLogitsLoss()`` (or ``nn.CrossEntropyLoss()`` with
``activation="softmax2d"``) applies the activation twice; the default, ``activation=None``, returns raw logits, which
``nn.BCELoss()`` cannot take. Since smp 0.1.0 the activation is the last module of the model's segmentation head, so
``model(x)`` returns what it makes (in 0.0.x it applied only in ``model.predict``; code written for those versions
is read as for today's).

torchvision's semantic segmentation models (``deeplabv3_resnet50``, ``fcn_resnet101``, ``lraspp_mobilenet_v3_large``,
...) return an ordered dict of raw logits, ``model(x)["out"]`` (and ``["aux"]`` with ``aux_loss=True``): fine-tuned
for one class with ``nn.BCELoss()`` on ``["out"]``, the logits reach a loss that needs probabilities (LG002). Such a
call builds a model whose output is a dict of those keys, each a logits tensor of unknown shape; a store into any of
its modules (a replaced ``classifier``, which may end in a sigmoid) makes it unknown (interp.replaced_heads).

A call of one of :data:`~lossguard.static.torch_api.SEGMENTATION_MODELS` whose ``activation`` is left out or written
as one of :data:`~lossguard.static.torch_api.SEGMENTATION_ACTIVATIONS` builds a model that is a sequence of two
modules: the network (a convolution's raw output, of unknown shape) and that activation layer, each placed at the
call. Anything else is unknown as before: an activation given as a variable, a callable or another name, an
``aux_params`` that is not ``None`` (the model then returns a pair: the masks and a classification output), or
starred arguments.
"""

from __future__ import annotations

from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import UNKNOWN, Const, Layer, PretrainedModel, SequentialVal, Value


def _segmentation_model(interp: Any, c: TorchCallArgs) -> Value:
    activation = c.kw.get("activation", Const(None))
    if c.starred or not isinstance(activation, Const) or c.kw.get("aux_params", Const(None)) != Const(None):
        return UNKNOWN
    if activation.value not in api.SEGMENTATION_ACTIVATIONS:
        return UNKNOWN
    short = c.qname.replace(api.SEGMENTATION_MODELS_PACKAGE + ".", "smp.")
    network = Layer(c.qname, "conv", None, c.site(f"{short} model", explicit=False))
    layer = api.SEGMENTATION_ACTIVATIONS[activation.value]
    if layer is None:
        return SequentialVal((network,))
    qname, effect = layer
    head = Layer(qname, effect, None, c.site(f"{short}(activation={activation.value!r})", explicit=False), dim=1 if effect != "sigmoid" else None)
    return SequentialVal((network, head))


def is_torchvision_segmentation(qname: str) -> bool:
    """``torchvision.models.segmentation.deeplabv3_resnet50``, also through its module
    (``torchvision.models.segmentation.deeplabv3.deeplabv3_resnet50``)."""
    return qname.startswith(api.TORCHVISION_SEGMENTATION_PACKAGE) and qname.rsplit(".", 1)[-1] in api.TORCHVISION_SEGMENTATION_MODELS


def torchvision_segmentation_model(interp: Any, c: TorchCallArgs) -> Value:
    return PretrainedModel(c.qname, outputs=api.TORCHVISION_SEGMENTATION_OUTPUTS)


#: rows of the torch function table (interp.torch_calls)
SEGMENTATION_ROWS = ((api.SEGMENTATION_MODELS, _segmentation_model),)
