"""Subclasses of a torch loss: ``super().forward(input, target)`` is that loss's own call.

Round 23 (realcode_heldout14 opened: pytorch-frame's skorch test). A class derived from
``nn.BCEWithLogitsLoss`` (or any loss class of ``torch_api.LOSS_CLASSES``) that prepares its
arguments in ``forward`` and then calls ``super().forward(input, target)`` (or
``super(Cls, self).forward``) hands them to the parent loss: the call is checked as a call of that
loss, so a sigmoid applied before it is LG003 as it would be before ``nn.BCEWithLogitsLoss()(...)``.
The options the subclass gave its parent (``super().__init__(reduction=...)``) are not read: the
reduction is taken as unknown, so no rule that depends on it speaks.
"""

from __future__ import annotations

from lossguard.static import torch_api as api
from lossguard.static.values import LossSpec, QualName, Value


def parent_loss_call(parent: Value, name: str) -> LossSpec | None:
    """The loss ``super().forward`` calls when the parent class is a torch loss class."""
    if name != "forward" or not isinstance(parent, QualName):
        return None
    sig = api.LOSS_CLASSES.get(parent.name)
    return LossSpec(parent.name, sig.family, None, None) if sig is not None else None
