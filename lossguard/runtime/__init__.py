"""The runtime watcher: ``lossguard.watch(model, criterion)`` catches a failing run as it fails.

This package imports torch and tensorboard; ``import lossguard`` does not.
"""

from __future__ import annotations

from typing import Any

try:
    import torch  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "lossguard.watch needs PyTorch. Install it first (see https://pytorch.org), then `pip install 'lossguard[runtime]'` for TensorBoard logging."
    ) from exc

from lossguard.runtime.events import Event
from lossguard.runtime.watcher import Watcher

__all__ = ["Event", "Watcher", "watch"]


def watch(model: torch.nn.Module, criterion: Any = None, **options: Any) -> Watcher:
    """Wrap ``criterion`` so that every training step of ``model`` is watched.

    The returned module computes exactly what ``criterion`` computes and returns the same
    tensor. Without ``criterion`` (a model that computes its own loss: ``logits, loss =
    model(x, y)``), pass each loss to ``watcher.observe(loss)``, which returns it unchanged.
    Options:

    * ``log_dir``: write TensorBoard scalars and events there (needs ``tensorboard``).
    * ``writer``: instead of ``log_dir``, a ``torch.utils.tensorboard.SummaryWriter`` of yours to
      write the same tags into (your run; flushed, never closed by lossguard).
    * ``on_event``: ``"warn"`` (default: print once per kind), ``"raise"`` (raise
      :class:`lossguard.LossGuardError` on any warning or error), or a callable taking an Event.
    * ``optimizer``: the optimizer to watch directly; it also enables skipping the update of
      a step whose loss is non-finite or a spike (``skip=("nan-loss", "loss-spike")`` by
      default; ``skip=()`` to never skip). Without it, optimizers stepping the model's
      parameters are found through torch's global optimizer hooks.
    * ``detectors``: the detector objects to run (default: the six of
      ``default_detectors()`` and ``LossBelowBound`` (LG107), with default thresholds).
    * ``sync_every``: steps between reads of device statistics (default 8 on CPU, 1 there with
      ``on_event="raise"``; 16 elsewhere). When not given, with ``on_event="warn"``, a read
      waits past it until 0.1 s has passed since the last one (at most 256 steps).
    * ``log_every``: steps between TensorBoard scalar writes (default: every step for the first
      1,024 steps, then every 8th, the steps whose gradient norms are measured: every 8th, or every
      32nd on the CPU with the default cadence while the loss looks healthy, ``optimizer_side.GRAD_SPARSE``).
    * ``jsonl``: also append every event as one JSON line to this file.
    * ``console``: ``True`` (rich console on stderr), ``False``, or a ``rich.console.Console``.
    * ``check_first`` / ``check_every``: which calls run the misuse value checks.
    * ``announce``: print one line when watching starts and a summary at ``close()`` (default
      True; the trainer plugins turn it off and log through the trainer instead).
    * ``adversarial``: the loss is measured against another network trained at the same time (a
      GAN's generator or discriminator, watched with ``observe``): it settles at an equilibrium,
      not a minimum, so a flat or swinging loss is not reported while the weights move (LG103,
      LG104) and a jump only when it passes the blow-up bound against the first loss (LG102), as
      for a binary cross-entropy whose every batch has one target value, or an elementwise loss
      (least squares) whose every batch's targets are all 1 or all 0 (default False;
      the Lightning plugin sets it for each optimizer's watcher under manual optimization with
      several optimizers when a loss one optimizer steps runs another's network).
    """
    if options.get("log_dir") is not None:
        try:
            import tensorboard  # type: ignore[import-untyped]  # noqa: F401
        except ImportError as exc:
            raise ImportError(
                "lossguard.watch(log_dir=...) writes TensorBoard files and needs the tensorboard "
                "package: `pip install tensorboard` (or `pip install 'lossguard[runtime]'`)."
            ) from exc
    return Watcher(model, criterion, **options)
