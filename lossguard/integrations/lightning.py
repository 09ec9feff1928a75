"""PyTorch Lightning plugin: ``trainer = Trainer(callbacks=[LossGuardCallback()])``.

Bound to ``lightning.pytorch`` when it is installed, else to ``pytorch_lightning``; for a
``pytorch_lightning.Trainer`` next to an installed ``lightning``, use
:mod:`lossguard.integrations.pytorch_lightning`.
"""

from __future__ import annotations

from lossguard.integrations._imports import lightning_pytorch
from lossguard.integrations._lightning_callback import build

__all__ = ["LossGuardCallback"]

LossGuardCallback = build(lightning_pytorch().Callback, __name__)
