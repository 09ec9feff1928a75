"""An optimizer built over a network's parameter tensors by name, beside a cleared optimizer of unknown parameters (LG014).

Round 37 (fixhist26's false alarm on allierc/connectome-gnn at d71e38ad93, ``graph_trainer.py``): the main optimizer
comes from a helper of another module that builds one parameter group per ``model.named_parameters()`` entry, and a
second optimizer steps one tensor of the same network, ``_w_optimizer = torch.optim.Adam([model.W], lr=lr_W)``, with
the main group of ``W`` set to learning rate 0. The loop clears only ``optimizer``; LG014 read ``_w_optimizer`` as never
cleared. But ``optimizer`` holds ``model.W`` too, and ``zero_grad()`` clears parameters, not optimizer objects. Which
parameters ``optimizer`` holds is not known (a list of parameter-group dicts built in a loop), so the rule stays
silent where:

* every binding of the stepped optimizer's name in the function (or module) is ``<Optimizer>([x.a, y.b.c, ...], ...)``
  (``params=`` too), a list or tuple display of attribute reads rooted at a name other than ``self``: tensors of the
  networks ``x``, ``y`` (or ``None``); and
* a cleared optimizer's parameter owners are not known (``Optimizer.params`` empty): it may hold those networks';
  or they are known and hold the tensor's network (``Adam(model.parameters())`` beside ``Adam([model.W])``).

A tensor read from ``self`` (``Adam([self.log_alpha])``, a SAC agent's temperature) is the object's own and is not
among a network's parameters by that reading; an optimizer of known owners that do not hold the network
(``Adam(encoder.parameters())``) clears nothing of it: both still reported.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo


def _network_attribute(node: ast.expr) -> bool:
    """``model.W``, ``net.layer.weight``: an attribute chain rooted at a name that is not ``self``."""
    if not isinstance(node, ast.Attribute):
        return False
    root: ast.expr = node
    while isinstance(root, ast.Attribute):
        root = root.value
    return isinstance(root, ast.Name) and root.id not in ("self", "cls")


def _over_network_tensors(call: ast.Call) -> bool:
    params = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "params"), None)
    return isinstance(params, (ast.List, ast.Tuple)) and bool(params.elts) and all(_network_attribute(e) for e in params.elts)


def network_tensors(optimizer: str, scope: ast.AST, module: ModuleInfo) -> tuple[str, ...] | None:
    """The source texts of the tensors every binding of ``optimizer`` (its source text) in ``scope`` builds it over,
    where each builds it over tensors of networks read by attribute (module docstring) or binds ``None`` and at least
    one builds it; None otherwise."""
    texts: list[str] = []
    for node in ast.walk(scope):
        if not isinstance(node, ast.Assign) or not any(module.segment(t) == optimizer for t in node.targets):
            continue
        value = node.value
        if isinstance(value, ast.Constant) and value.value is None:
            continue
        if not isinstance(value, ast.Call) or not _over_network_tensors(value):
            return None
        params = value.args[0] if value.args else next(k.value for k in value.keywords if k.arg == "params")
        texts += [module.segment(e) for e in params.elts]  # type: ignore[attr-defined]
    return tuple(texts) or None


def may_be_cleared(optimizer: str, scope: ast.AST, module: ModuleInfo, cleared: set[str], owners: dict[str, tuple[str, ...]]) -> bool:
    """``optimizer`` is built over tensors of networks (:func:`network_tensors`), and each of them may be among a
    cleared optimizer's parameters: one whose owners are not known, or one built over the parameters of the tensor's
    network (``Adam(model.parameters())`` holds ``model.W``)."""
    tensors = network_tensors(optimizer, scope, module)
    if tensors is None:
        return False
    return all(any(not owners.get(c) or any(t.startswith(o + ".") for o in owners[c]) for c in cleared) for t in tensors)
