"""Optimizers written in the checked code: ``class RAdam(Optimizer)``, then ``RAdam(net.parameters())``.

Round 30 (realcode_fix20, hokuseihal/brain-segmentation-pytorch): repositories often carry their
own copy of an optimizer (RAdam, Ranger, AdaBound) as a subclass of ``torch.optim.Optimizer``; an
instance of it was an instance of an unknown class, so a loop that stepped one without ever
clearing its gradients (``d_optimizer.step()`` beside ``optimizer.zero_grad()``) said nothing. A
class of the checked code whose ancestors include torch's ``Optimizer`` (or one of torch's
optimizers), that defines no ``zero_grad`` of its own, built over ``X.parameters()`` calls, is an
optimizer over those parameters; a wrapper built over something else (``Lookahead(base_opt)``, a
name, a list) stays an instance of its class.
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.interp.frame import Frame
from lossguard.static.interp.torch_calls import parameter_owners
from lossguard.static.values import ClassRef, Optimizer, QualName, Value

_BASES = ("torch.optim.Optimizer", "torch.optim.optimizer.Optimizer")


def _torch_optimizer(name: str) -> bool:
    if name in _BASES:
        return True
    return name.startswith(api.OPTIMIZER_PREFIXES) and name.count(".") == 2 and name.rsplit(".", 1)[-1][:1].isupper()


def optimizer_instance(interp: Any, cls: ClassRef, node: ast.Call, frame: Frame) -> Value | None:
    """``cls(...)`` as an :class:`Optimizer` when ``cls`` subclasses a torch optimizer and is built
    over ``.parameters()`` calls; None otherwise."""
    bases = interp._bases(cls)[1:]
    torch_base = next((b.name for b in bases if isinstance(b, QualName) and _torch_optimizer(b.name)), None)
    if torch_base is None or interp._find_method(cls, "zero_grad") is not None:
        return None
    if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
        return None
    arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "params"), None)
    owners = parameter_owners(arg, frame)
    return Optimizer(torch_base, owners) if owners else None
