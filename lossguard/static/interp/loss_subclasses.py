"""Subclasses of a torch loss: ``super().forward(input, target)`` is that loss's own call.

Round 23 (realcode_heldout14 opened: pytorch-frame's skorch test). A class derived from
``nn.BCEWithLogitsLoss`` (or any loss class of ``torch_api.LOSS_CLASSES``) that prepares its
arguments in ``forward`` and then calls ``super().forward(input, target)`` (or
``super(Cls, self).forward``) hands them to the parent loss: the call is checked as a call of that
loss, so a sigmoid applied before it is LG003 as it would be before ``nn.BCEWithLogitsLoss()(...)``.
The options the subclass gave its parent (``super().__init__(reduction=...)``) are not read: the
reduction is taken as unknown, so no rule that depends on it speaks.

Round 33 (Deci-AI/super-gradients before 5a5ffc1201, "added batchmean to ke divergance"): the
constructor call itself is the parent loss built with the arguments written there. ``class
KDklDivLoss(KLDivLoss)`` whose ``__init__`` calls ``super(KDklDivLoss, self).__init__()`` builds a
``KLDivLoss`` at its default reduction, the mean over elements: ``super().__init__(...)`` of a torch
loss subclass is checked as a call of that loss class (LG009's reduction, LG010's ``size_average``),
reported at the ``super().__init__`` call.

Round 35 (realcode_heldout25's SegToolbox criteria): an object of such a subclass was unknown, so calling
it ran nothing, and the losses its own ``forward`` computes with what ``__init__`` kept (``self.bceloss =
nn.BCELoss(...)`` given ``torch.sigmoid(se_pred)``) were never checked where the code builds it (analysed
alone, its ``__init__`` did not run either). A subclass whose ``forward`` is written in the checked code,
along a line of single bases down to the torch loss, is an object like any module of the checked code:
built, its ``__init__`` runs; called, its ``forward`` does. A subclass that keeps the torch loss's own
``forward`` (only ``__init__`` changed), or that inherits from several bases (which ``forward`` Python
picks is not followed), stays unknown, as before.
"""

from __future__ import annotations

import ast

from lossguard.static import torch_api as api
from lossguard.static.values import ClassRef, LossSpec, QualName, Value

#: torch's private base of its losses, as the interpreter has always named it here (an import of
#: ``torch.nn.modules.loss._Loss`` resolves to ``torch.nn._Loss``, an object of the checked code as before)
_LOSS_BASE = "torch.nn.modules.loss._Loss"


def torch_loss_class(value: Value) -> bool:
    """``value`` is a torch loss class."""
    return isinstance(value, QualName) and (value.name in api.LOSS_CLASSES or value.name == _LOSS_BASE)


def opaque_loss_subclass(bases: list[Value]) -> bool:
    """``bases`` (a class and its ancestors, ``classes._bases``) hold a torch loss class and no class of the
    checked code on the single-base line down to it defines ``forward``: what calling an object of the class
    does is not followed (unknown)."""
    if not any(torch_loss_class(b) for b in bases):
        return False
    for cls in bases:
        if not isinstance(cls, ClassRef) or len(cls.node.bases) != 1:
            return True  # the torch loss reached first, or several bases
        if any(isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name == "forward" for stmt in cls.node.body):
            return False
    return True


def parent_loss_init(parent: Value, name: str) -> QualName | None:
    """The torch loss class ``super().__init__`` builds when the parent class is one: calling it checks the
    arguments written there as that loss's constructor arguments."""
    if name != "__init__" or not isinstance(parent, QualName) or parent.name not in api.LOSS_CLASSES:
        return None
    return parent


def parent_loss_call(parent: Value, name: str) -> LossSpec | None:
    """The loss ``super().forward`` calls when the parent class is a torch loss class."""
    if name != "forward" or not isinstance(parent, QualName):
        return None
    sig = api.LOSS_CLASSES.get(parent.name)
    return LossSpec(parent.name, sig.family, None, None) if sig is not None else None
