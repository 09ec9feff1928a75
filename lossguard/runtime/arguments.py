"""What ``watch()`` is given: argument checks, and the TensorBoard folder each watcher writes."""

from __future__ import annotations

import os
import weakref
from typing import TYPE_CHECKING, Any

import torch.nn as nn

from lossguard.errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.runtime.watcher import Watcher


# Live watchers' TensorBoard folders in this process: a second watcher given the same log_dir
# (a GAN's generator and discriminator) writes a run of its own in a subfolder named after its
# model, instead of merging its curve into the first one's.
_LOG_DIRS: "weakref.WeakValueDictionary[str, Watcher]" = weakref.WeakValueDictionary()


def own_log_dir(log_dir: str, model: nn.Module, watcher: "Watcher") -> str:
    """``log_dir``, or a subfolder named after the model when another live watcher writes there."""
    path = os.path.abspath(log_dir)
    other = _LOG_DIRS.get(path)
    if other is not None and not other._closed:
        name = type(model).__name__
        path = os.path.join(path, name)
        n = 2
        while path in _LOG_DIRS and not _LOG_DIRS[path]._closed:
            path = os.path.join(os.path.abspath(log_dir), f"{name}_{n}")
            n += 1
        log_dir = path
    _LOG_DIRS[path] = watcher
    return log_dir


def criterion_of(criterion: Any) -> Any:
    """What an unpickled watcher becomes: the criterion it wrapped."""
    return criterion


def check_model_and_criterion(model: Any, criterion: Any) -> None:
    """Clear errors for a wrong model, a criterion that cannot be called, and the two swapped."""
    swapped = (
        isinstance(criterion, nn.Module)
        and not isinstance(criterion, nn.modules.loss._Loss)
        and any(True for _ in criterion.parameters())
        and isinstance(model, nn.Module)
        and not any(True for _ in model.parameters())
    )
    if isinstance(model, nn.modules.loss._Loss) or swapped:
        raise UsageError(f"Arguments are in the wrong order: lossguard.watch(model, criterion), got a {type(model).__name__} as the model")
    if not isinstance(model, nn.Module):
        raise UsageError(f"Argument model should be a torch.nn.Module, got {type(model).__name__}")
    if criterion is not None and not callable(criterion):
        raise UsageError(f"Argument criterion should be a loss module or function, got {type(criterion).__name__}")
