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
"""

from __future__ import annotations

from lossguard.static import torch_api as api
from lossguard.static.values import LossSpec, QualName, Value


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
