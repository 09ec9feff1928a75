"""PyTorch Geometric's graph autoencoders, whose ``decode`` applies a sigmoid.

Round 26 (realcode_heldout18, opened): ``model = VGAE(encoder)`` (or ``GAE``, ``ARGA``, ``ARGVA``) decodes edges with
PyG's ``InnerProductDecoder``, whose ``forward(z, edge_index, sigmoid=True)`` returns ``torch.sigmoid`` of the
inner products; ``model.decode(z, edge_index)`` is that call. Scored with ``nn.BCEWithLogitsLoss`` it applies the
sigmoid twice (LG003); a book's graph-autoencoder notebook does so.

A call of one of :data:`~lossguard.static.torch_api.PYG_AUTOENCODERS` with the encoder alone (no ``decoder``: the
default inner-product one) builds a model whose ``decode(...)`` and ``decoder.forward_all(...)``-like
``forward_all(z)`` return sigmoid outputs, unless ``sigmoid=`` is given as anything but ``True``. Moving or switching
the model (``.to(device)``, ``.train()``) keeps it; any other method, and a model built with a decoder of its own,
are unknown.
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import UNKNOWN, Act, Const, Dtype, External, Site, Tensor, Value

_KEEPS = {"to", "cuda", "cpu", "train", "eval", "float", "double", "requires_grad_"}
_DECODES = {"decode", "forward_all"}


def _autoencoder(interp: Any, c: TorchCallArgs) -> Value:
    given = len(c.pos) + ("encoder" in c.kw)
    if c.starred or given != 1 or c.kw.get("decoder", Const(None)) != Const(None):
        return UNKNOWN  # a decoder of the code's own (or arguments not known): what it returns is not known
    return External(c.qname)


def autoencoder_method(receiver: External, name: str, node: ast.Call, kw: dict[str, Value], frame: Any) -> Value:
    """``model.decode(z, edge_index)``: sigmoid probabilities; ``model.to(device)``: the model."""
    if name in _KEEPS:
        return receiver
    if name in _DECODES and kw.get("sigmoid", Const(True)) == Const(True):
        short = receiver.qname.rsplit(".", 1)[-1]
        site = Site(node, frame.scope, f"{short}.{name} (InnerProductDecoder's sigmoid)", frame.module)
        return Tensor(act=Act.SIGMOID, act_site=site, dtype=Dtype.FLOAT)
    return UNKNOWN


#: rows of the torch function table (interp.torch_calls)
PYG_ROWS = ((api.PYG_AUTOENCODERS, _autoencoder),)
