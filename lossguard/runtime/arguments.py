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
#: The live watchers writing runs into each log_dir (weakly held: a dropped watcher leaves).
_LOG_DIRS: dict[str, weakref.WeakSet[Watcher]] = {}


def run_label(log_dir: str, model: nn.Module, watcher: Watcher) -> str | None:
    """None, or the model's class name when another live watcher already writes runs into
    ``log_dir`` (a GAN's generator and discriminator): it names this watcher's run folder."""
    path = os.path.abspath(log_dir)
    live = [w for w in _LOG_DIRS.setdefault(path, weakref.WeakSet()) if not w._closed]
    _LOG_DIRS[path].add(watcher)
    label: str | None = None
    if live:
        name = type(model).__name__
        taken = {getattr(w, "_run_label", None) for w in live}
        label, n = name, 2
        while label in taken:
            label, n = f"{name}_{n}", n + 1
    watcher._run_label = label
    return label


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


def check_detectors(detectors: Any) -> list[Any]:
    """``detectors=`` as a list of detector objects, or a clear error: a code or name in their place
    (``detectors=["LG102"]``) says how to choose detectors."""
    from lossguard.runtime.detectors import Detector, LossBelowBound, default_detectors

    if isinstance(detectors, (str, bytes, Detector)) or not hasattr(detectors, "__iter__"):
        detectors = [detectors]
    chosen = list(detectors)
    for d in chosen:
        if not isinstance(d, Detector):
            shown = repr(d) if isinstance(d, str) else type(d).__name__
            known = ", ".join(f"{type(k).__name__}() for {k.code}" for k in [*default_detectors(), LossBelowBound()])
            raise UsageError(
                f"Argument detectors should be a list of detector objects from lossguard.runtime.detectors, got {shown}; "
                f"the default list is default_detectors() and LossBelowBound(): {known}"
            )
    return chosen


def start_line(model: nn.Module, criterion: Any, params: list[Any], optimizer: Any, log_dir: str | None, writer: Any) -> str:
    """The line the watcher prints when it starts: what it watches, through what, and where
    TensorBoard writes (``log_dir`` None when no TensorBoard run could be opened)."""
    n = sum(p.numel() for p in params)
    what = type(criterion).__name__ if isinstance(criterion, nn.Module) else getattr(criterion, "__name__", "observe()")
    opt = f"optimizer {type(optimizer).__name__}" if optimizer is not None else "any optimizer stepping it"
    tb = f"TensorBoard: {log_dir}" if log_dir is not None else ("TensorBoard: your SummaryWriter" if writer is not None else "no TensorBoard")
    return f"lossguard: watching {type(model).__name__} ({n:,} parameters) through {what}, {opt}; {tb}."
