"""The networks an optimizer steps, as objects: ``Adam(self.parameters())`` built inside ``Discriminator.__init__``.

Round 36 (realcode_heldout26, Adversarial-Deep-Learning/code-soup's GAN): each network builds its own optimizer,
``self.optimizer = optim.Adam(self.parameters(), lr=lr)``, and the GAN's ``step()`` clears only the generator,
``self.generator.zero_grad()``, before ``self.discriminator.optimizer.step()``. An optimizer's parameter owners were
only source texts (``("self",)``), which name another object in every other method; the object itself does not
change with the text that reaches it. Each ``X`` of the ``X.parameters()`` calls an optimizer is built over is read
here as the instance of a network class of the checked code that ``X`` holds, without running anything (a name of
the body, ``self``, an attribute stored on such an instance); when one of them is not such an instance the networks
are not known and the tuple is empty.
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.interp.frame import Env, Frame, is_self
from lossguard.static.values import Instance, Optimizer, Value


def _held(expr: ast.expr, frame: Frame, env: Env) -> Value | None:
    """What ``expr`` (a name or a chain of attributes) holds, read from the body's names and the stored attributes
    of instances only; None when anything else would have to run (a call, a subscript, a property)."""
    if isinstance(expr, ast.Name):
        return frame.self_value if is_self(expr, frame) else env.get(expr.id)
    if isinstance(expr, ast.Attribute):
        if is_self(expr.value, frame) and "self." + expr.attr in env:
            return env["self." + expr.attr]
        base = _held(expr.value, frame, env)
        if isinstance(base, Instance):
            return base.attrs.get(expr.attr)
    return None


def with_networks(interp: Any, optimizer: Optimizer, node: ast.Call, frame: Frame, env: Env) -> Optimizer:
    """``optimizer`` (just built by ``node``) with the network instances its parameters belong to, when every
    owner text it was built over (``Optimizer.params``) holds the instance of an ``nn.Module`` class of the checked
    code; unchanged otherwise."""
    if not optimizer.params:
        return optimizer
    owners = [
        sub.func.value
        for sub in ast.walk(node)
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr in ("parameters", "named_parameters")
    ]
    if len(owners) != len(optimizer.params):
        return optimizer
    networks: list[Value] = []
    for owner in owners:
        held = _held(owner, frame, env)
        if not isinstance(held, Instance) or not interp._is_nn_module(held.cls):
            return optimizer
        networks.append(held)
    return Optimizer(optimizer.qname, optimizer.params, tuple(networks))
