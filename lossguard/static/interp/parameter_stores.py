"""A store into a layer's parameter: new numbers, the same layer.

Posted snippets set weights by hand (Stack Overflow 6496401: ``m = Seq(Lin(3, 1, bias=False))``,
then ``m[0].weight = Parameter(torch.tensor([[0, 0, 0]], dtype=torch.float))`` before training).
Any store below a model used to forget the model (``model.fc = nn.Linear(...)`` replaces a layer).
Storing a parameter only replaces numbers, but a weight of another shape changes what the layer
outputs (a ``(3,)`` weight turns ``Linear(3, 1)``'s ``(N, 1)`` output into ``(N,)``). So the model
is kept only where the stored tensor's known shape is the one the layer already has: for
``nn.Linear``, a weight ``(out_features, k)`` or a bias ``(out_features,)``. Any other store, an
unknown shape, or another kind of layer forgets the model, as before.

A store into part of a parameter (``model.pos_emb.weight.data[0, :] = 0``, pmixer/SASRec.pytorch's
padding row; ``layer.bias[idx] = b``) writes numbers into the tensor the layer already holds: an
indexed store cannot change its shape, so the model is kept whatever the layer.
"""

from __future__ import annotations

import ast

from lossguard.static.values import Layer, Tensor, Value

#: the parameters of a layer a store may replace
PARAMETERS = ("weight", "bias")


def parameter_owner(target: ast.Attribute) -> tuple[ast.expr, str] | None:
    """For ``<layer>.weight = v`` or ``<layer>.weight.data = v``: the layer's expression and the parameter."""
    if target.attr in PARAMETERS:
        return target.value, target.attr
    if target.attr == "data" and isinstance(target.value, ast.Attribute) and target.value.attr in PARAMETERS:
        return target.value.value, target.value.attr
    return None


def indexed_parameter(target: ast.Subscript) -> bool:
    """Whether ``target`` is part of a layer's parameter: ``<layer>.weight[...]`` or
    ``<layer>.bias.data[...][...]``."""
    base: ast.expr = target
    while isinstance(base, ast.Subscript):
        base = base.value
    if isinstance(base, ast.Attribute) and base.attr == "data":
        base = base.value
    return isinstance(base, ast.Attribute) and base.attr in PARAMETERS


def keeps_layer(layer: Value, parameter: str, stored: Value) -> bool:
    """Whether storing ``stored`` as the layer's ``parameter`` leaves its output as it was."""
    if not (isinstance(layer, Layer) and layer.qname == "torch.nn.Linear" and isinstance(layer.out_features, int)):
        return False
    if not isinstance(stored, Tensor) or stored.shape is None or not stored.shape.rank_known:
        return False
    dims = stored.shape.dims
    rank = 2 if parameter == "weight" else 1
    return len(dims) == rank and dims[0] == layer.out_features
