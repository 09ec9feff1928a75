"""PyTorch Geometric layers written by the project: ``MessagePassing`` subclasses and ``propagate``.

Round 25 (mutations of real code, dsgiitr/graph_nets): a GCN tutorial writes its own graph convolution
as a ``MessagePassing`` subclass, whose ``forward`` maps the node features with a linear layer and
returns ``self.propagate(edge_index, size=..., x=x)``; its ``message`` scales each neighbour's features
(``norm.view(-1, 1) * x_j``) and its ``update`` returns the sum as it is. ``propagate`` is PyG's own
method, so the layer's output was unknown, and a model ending in two such layers without
``F.log_softmax`` reached ``F.nll_loss`` silently.

``propagate`` gathers ``message`` for every edge (by default the source node's features, ``x_j``),
aggregates them per node (a sum, a mean, a max) and hands the result to ``update`` (by default
unchanged). Weighted sums and maxima of raw features are raw features: where the layer's features
(the ``x=`` argument) are raw features (a linear layer's output) and neither ``message``, ``aggregate``,
``message_and_aggregate`` nor ``update`` of the class calls anything that could bound or normalise
values (a softmax, a sigmoid, a tanh, an exponential or logarithm, a normalisation, a clamp, an
activation), the call returns that tensor, of unknown shape. Any other case stays unknown.
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

from lossguard.static.values import Act, ClassRef, QualName, Tensor, Value

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.interp.base import InterpBase

#: where PyTorch Geometric defines the base class
BASES = frozenset(
    {
        "torch_geometric.nn.MessagePassing",
        "torch_geometric.nn.conv.MessagePassing",
        "torch_geometric.nn.conv.message_passing.MessagePassing",
    }
)
#: the methods ``propagate`` runs that a subclass may override
_HOOKS = ("message", "aggregate", "message_and_aggregate", "update")
#: names of calls that may bound or normalise what a hook returns
_BOUNDING = re.compile(
    r"softmax|softmin|sigmoid|tanh|normaliz|relu|activation|softplus|^(exp|log|log1p|clamp|clip|elu|selu|celu|gelu|act)_?$", re.IGNORECASE
)


def propagated(interp: InterpBase, cls: ClassRef, features: Value) -> Tensor | None:
    """What ``self.propagate(..., x=features)`` returns in an instance of ``cls``; None when not known."""
    if not isinstance(features, Tensor) or features.act not in (None, Act.LOGITS) or features.acts:
        return None
    if interp._find_method(cls, "propagate") is not None:
        return None
    if not any(isinstance(base, QualName) and base.name in BASES for base in interp._bases(cls)):
        return None
    for hook in _HOOKS:
        method = interp._find_method(cls, hook)
        if method is not None and any(_bounds(call) for call in ast.walk(method.node) if isinstance(call, ast.Call)):
            return None
    return features.with_(shape=None)


def _bounds(call: ast.Call) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return not name or _BOUNDING.search(name) is not None
