"""LG011 softmax-without-dim: softmax / log_softmax / softmin without dim=."""

from __future__ import annotations

import ast

from lossguard.static import torch_api as api
from lossguard.static.events import TorchCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.fix import Edit, Fix, call_with_keyword
from lossguard.static.rule import Rule
from lossguard.static.tensor_ops import has_star
from lossguard.static.values import Tensor

# functional: (input, dim=None, _stacklevel=3, dtype=None); layers: (dim=None)


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


# torch's native functions accept axis= as an alias of dim= (numpy compatibility):
# torch.softmax(x, axis=1) runs and normalises along axis 1 (checked with torch 2.13). F.softmax and
# nn.Softmax reject axis= with a TypeError, which is not this rule's claim either: stay silent.
_DIM_KEYWORDS = ("dim", "axis")


def _has_dim(call: TorchCall, dim_position: int) -> bool:
    node = call.node
    if has_star(node) or call.bound.intersection(_DIM_KEYWORDS):
        return True  # *args / **kwargs may carry it, or a functools.partial bound it
    for k in node.keywords:
        if k.arg in _DIM_KEYWORDS:
            return not _is_none(k.value)
    if len(node.args) > dim_position:
        return not _is_none(node.args[dim_position])
    return False


def _fix(call: TorchCall) -> Fix | None:
    """Write the axis torch picks implicitly, when the input's rank is known: 0 for rank 0, 1, 3; else 1."""
    x = call.args[0] if call.args else None
    if not isinstance(x, Tensor) or x.shape is None or not x.shape.rank_known:
        return None
    if any(k.arg in _DIM_KEYWORDS for k in call.node.keywords):
        return None  # dim=None written out: leave it to a person
    rank = len(x.shape.dims)
    dim = 0 if rank in (0, 1, 3) else 1
    module = call.ctx.module
    return Fix(f"Pass dim={dim} (torch's implicit choice)", (Edit(call.node, call_with_keyword(module, call.node, "dim", str(dim))),), "safe")


# torch.softmax(x) and friends have a required dim: without it (or with dim=None) they raise
# "TypeError: softmax() missing 1 required positional arguments: "dim"" (checked with torch 2.13).
_REQUIRED_DIM = {"torch.softmax", "torch.log_softmax", "torch.special.softmax", "torch.special.log_softmax"}


class SoftmaxWithoutDim(Rule):
    code = "LG011"

    def on_torch_call(self, call: TorchCall) -> None:
        if call.qname in api.SOFTMAX_FUNCS and call.qname.startswith("torch.nn.functional."):
            if _has_dim(call, 1):
                return
            name = api.SOFTMAX_FUNCS[call.qname]
            if call.written in _REQUIRED_DIM:
                self.report(
                    call.node,
                    call.ctx,
                    f"{call.written}() without dim raises TypeError (dim is a required argument of {call.written}); pass dim=",
                    severity="error",
                )
                return
            self.report(
                call.node,
                call.ctx,
                f"F.{name} without dim picks the axis from the input's rank and warns "
                f'"Implicit dimension choice for {name} has been deprecated"; pass dim=',
                _fix(call),
            )
        elif call.qname in api.SOFTMAX_LAYERS:
            if not _has_dim(call, 0):
                name = call.qname.rsplit(".", 1)[-1]
                self.report(
                    call.node,
                    call.ctx,
                    f"nn.{name}() without dim picks the axis from the input's rank when called and warns "
                    f'"Implicit dimension choice for {api.SOFTMAX_LAYERS[call.qname]} has been deprecated"; pass dim=',
                )

    VALID = (
        """
import torch.nn as nn
import torch.nn.functional as F

probs = F.softmax(logits, dim=-1)
log_probs = F.log_softmax(logits, 1)
head = nn.Sequential(nn.Linear(10, 3), nn.Softmax(dim=1))
""",
        """
import numpy as np
from scipy.special import softmax

p = softmax(np.array([1.0, 2.0]))
""",
        """
import torch

logits = model(x)
probs = torch.softmax(logits, 1)
log_probs = logits.log_softmax(dim=-1)
layer = torch.nn.Softmax(-1)
""",
        """
import torch

logits = model(x)
probs = torch.softmax(logits, axis=1)
""",
        """
from functools import partial

import torch.nn.functional as F

act = partial(F.log_softmax, dim=1)
loss = F.nll_loss(act(model(x)), y)
""",
        # a factory that gives nn.Softmax its axis and builds any other activation class bare: the
        # `else` never runs with nn.Softmax (round 14, facebookresearch/pytorchvideo)
        """
import torch.nn as nn
import torch.nn.functional as F


def create_head(*, in_features, out_features, activation=None):
    layers = [nn.Linear(in_features, out_features)]
    if activation is nn.Softmax:
        layers.append(activation(dim=1))
    elif activation is not None:
        layers.append(activation())
    return nn.Sequential(*layers)


def create_net(*, num_classes=400, head=create_head, head_activation=None):
    return head(in_features=2048, out_features=num_classes, activation=head_activation)


net = create_net(num_classes=10, head_activation=nn.Softmax)
loss = F.mse_loss(net(clips), targets)
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG011"),
            line=3,
            col=9,
            message="F.softmax without dim picks the axis from the input's rank and warns",
        ),
        Invalid(
            """
import torch.nn as nn

head = nn.Sequential(
    nn.Linear(128, 10),
    nn.LogSoftmax(),
)
""",
            line=5,
            col=5,
            message="nn.LogSoftmax() without dim picks the axis from the input's rank when called",
        ),
        Invalid(
            """
import torch
import torch.nn.functional as F

scores = torch.randn(32, 10)
probs = F.softmax(scores)
""",
            line=5,
            col=9,
            message='warns "Implicit dimension choice for softmax has been deprecated"',
            severity="warning",
            edit=("probs = F.softmax(scores)", "probs = F.softmax(scores, dim=1)"),
            fix_title="Pass dim=1 (torch's implicit choice)",
        ),
        Invalid(
            """
import torch

logits = model(x)
probs = torch.softmax(logits)
""",
            line=4,
            col=9,
            message="torch.softmax() without dim raises TypeError",
            severity="error",
        ),
        Invalid(
            """
import torch as th

log_probs = th.log_softmax(model(x))
""",
            line=3,
            col=13,
            message="torch.log_softmax() without dim raises TypeError",
            severity="error",
        ),
    )
