"""Framework imports with an install hint instead of a bare ModuleNotFoundError."""

from __future__ import annotations

import importlib
from types import ModuleType


def require(module: str, hint: str) -> ModuleType:
    """Import ``module`` or raise ImportError naming the package to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"lossguard.integrations needs `{module}`, which is not installed: `{hint}`.") from exc


def lightning_pytorch() -> ModuleType:
    """``lightning.pytorch`` if installed, else the older ``pytorch_lightning``."""
    try:
        return importlib.import_module("lightning.pytorch")
    except ImportError:
        pass
    return require("pytorch_lightning", "pip install lightning")
