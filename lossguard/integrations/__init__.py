"""Trainer plugins over the runtime watcher: PyTorch Lightning and Hugging Face ``transformers``.

Importing this package imports neither framework (nor torch); each adapter imports its
framework when it is first used:

* ``from lossguard.integrations.lightning import LossGuardCallback``
* ``from lossguard.integrations.pytorch_lightning import LossGuardCallback`` (old package name)
* ``from lossguard.integrations.transformers import LossGuardTrainerCallback``
"""

from __future__ import annotations

from typing import Any

__all__ = ["LossGuardCallback", "LossGuardTrainerCallback"]


def __getattr__(name: str) -> Any:
    if name == "LossGuardCallback":
        from lossguard.integrations.lightning import LossGuardCallback

        return LossGuardCallback
    if name == "LossGuardTrainerCallback":
        from lossguard.integrations.transformers import LossGuardTrainerCallback

        return LossGuardTrainerCallback
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
