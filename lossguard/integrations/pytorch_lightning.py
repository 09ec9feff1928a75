"""PyTorch Lightning plugin for the ``pytorch_lightning`` package name (``import pytorch_lightning as pl``)."""

from __future__ import annotations

from lossguard.integrations._imports import require
from lossguard.integrations._lightning_callback import build

__all__ = ["LossGuardCallback"]

LossGuardCallback = build(require("pytorch_lightning", "pip install pytorch-lightning").Callback, __name__)
