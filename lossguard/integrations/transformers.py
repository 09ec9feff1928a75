"""Hugging Face plugin: ``Trainer(..., callbacks=[LossGuardTrainerCallback()])``.

The loss is taken from the model's output (``outputs.loss``) by a forward hook, once per
micro-batch, before the Trainer's NaN filter and logging average hide it; the Trainer calls
``optimizer.step()`` after backward and clipping, so the watcher's optimizer hooks read the
(clipped, unscaled) gradients themselves. A custom ``compute_loss`` whose model returns no
loss hands it over with :meth:`LossGuardTrainerCallback.watch_loss`.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Mapping
from typing import Any

import torch

from lossguard.integrations._imports import require
from lossguard.integrations.core import (
    Guard,
    Policy,
    check_options,
    check_policy,
    error_for,
    metrics_for,
)
from lossguard.runtime import Event
from lossguard.runtime.sinks import EVENTS

_transformers = require("transformers", "pip install transformers")

__all__ = ["STATE_FILE", "LossGuardTrainerCallback"]

STATE_FILE = "lossguard_state.json"


def _loss_of(output: Any) -> torch.Tensor | None:
    loss = output.get("loss") if isinstance(output, Mapping) else getattr(output, "loss", None)
    return loss if isinstance(loss, torch.Tensor) else None


class LossGuardTrainerCallback(_transformers.TrainerCallback):  # type: ignore[misc,name-defined]
    """Watches every training step of a ``transformers.Trainer``.

    Options are the watcher's (see docs/runtime.md) except ``on_event``: ``"warn"`` (print
    each kind once), ``"stop"`` (``control.should_training_stop``), ``"raise"``
    (:class:`lossguard.LossGuardError` out of ``trainer.train()``), or a callable taking each
    Event. Events are appended to ``state.log_history``; the watcher's state is saved as
    ``lossguard_state.json`` in each checkpoint folder and restored on resume.
    """

    def __init__(self, on_event: Policy = "warn", **options: Any) -> None:
        self.on_event = check_policy(on_event)
        self.options = check_options(options)
        self.guard: Guard | None = None
        self._hook: Any = None
        self._fed = False
        self._warned_no_loss = False

    @property
    def events(self) -> list[Event]:
        """Every event so far (restored ones included)."""
        return self.guard.events if self.guard is not None else []

    def watch_loss(self, loss: torch.Tensor) -> None:
        """Watch a loss the model does not return (call it from a custom ``compute_loss``)."""
        if self.guard is not None:
            self._fed = True
            self.guard.feed(loss)

    # ------------------------------------------------------------------ Trainer events

    def on_train_begin(self, args: Any, state: Any, control: Any, model: Any = None, **kwargs: Any) -> None:
        self._close()
        self.guard = Guard(model, self.on_event, **self.options)
        saved = os.path.join(args.output_dir, f"checkpoint-{state.global_step}", STATE_FILE)
        if state.global_step > 0 and os.path.isfile(saved):
            with open(saved, encoding="utf-8") as f:
                self.guard.load_state_dict(json.load(f))
        self._hook = model.register_forward_hook(self._on_forward, with_kwargs=True)

    def _on_forward(self, module: Any, args: Any, kwargs: Any, output: Any) -> None:
        loss = _loss_of(output)
        if loss is not None and module.training and self.guard is not None:
            self._fed = True
            logits = output.get("logits") if isinstance(output, Mapping) else getattr(output, "logits", None)
            # a classification or language-model head's cross-entropy: its labels give the class frequencies
            self.guard.feed(loss, logits=logits, labels=kwargs.get("labels"))

    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self.guard is None:
            return
        if not self._fed and not self._warned_no_loss:
            self._warned_no_loss = True
            warnings.warn(
                "lossguard: the model returned no `loss` in this training step, so nothing is watched; "
                "hand the loss over with LossGuardTrainerCallback.watch_loss(loss) in compute_loss.",
                RuntimeWarning,
                stacklevel=2,
            )
        self._fed = False
        events = self.guard.take()
        if events:
            entry: dict[str, Any] = {}
            for event in events:
                entry.update(metrics_for(event))
            entry[EVENTS] = [f"{e}\nFix: {e.fix}" for e in events]
            state.log_history.append({**entry, "step": state.global_step})
        if callable(self.on_event):
            for event in events:
                self.on_event(event)
            return
        if self.on_event == "warn" or not self._agree(args, state):
            return
        alarm = self.guard.alarm
        self.guard.clear_alarm()
        if self.on_event == "stop":
            control.should_training_stop = True
        else:
            self._close()  # the Trainer calls no on_train_end after an exception
            raise error_for(alarm)

    def _agree(self, args: Any, state: Any) -> bool:
        """Whether to stop now; under torch.distributed every rank calls this at the same steps."""
        assert self.guard is not None
        alarm = self.guard.alarm is not None
        if not (torch.distributed.is_available() and torch.distributed.is_initialized()):
            return alarm
        if torch.distributed.get_world_size() == 1:
            return alarm
        if state.global_step % self.guard.cadence(args.device) != 0:
            return False
        flag = torch.tensor([1.0 if alarm else 0.0], device=args.device)
        torch.distributed.all_reduce(flag, op=torch.distributed.ReduceOp.MAX)
        return bool(flag.item() > 0)

    def on_save(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self.guard is None:
            return
        saved = self.guard.state_dict()  # on every rank: it may all-reduce pending statistics
        folder = os.path.join(args.output_dir, f"checkpoint-{state.global_step}")
        if state.is_world_process_zero and os.path.isdir(folder):
            with open(os.path.join(folder, STATE_FILE), "w", encoding="utf-8") as f:
                json.dump(saved, f)

    def on_train_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self._close()

    def _close(self) -> None:
        if self._hook is not None:
            self._hook.remove()
            self._hook = None
        if self.guard is not None:
            self.guard.close()
