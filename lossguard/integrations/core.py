"""The framework-free part of every trainer plugin: one watcher fed with the trainer's loss.

A trainer computes the loss itself, so the plugin hands the watcher each backpropagated loss
through ``Watcher.observe``. The watcher's events are queued here (its
``on_event`` is our queue) and the plugin applies the user's policy at a point where the
trainer can stop cleanly: ``"warn"``, ``"stop"`` (the trainer's own stop flag), ``"raise"``
(:class:`lossguard.LossGuardError`) or a callable taking each Event.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from lossguard.errors import LossGuardError, UsageError
from lossguard.runtime import Event, Watcher, watch
from lossguard.runtime.collect import read_every
from lossguard.runtime.events import SEVERITY_RANK
from lossguard.runtime.misuse import class_index_pair
from lossguard.runtime.sinks import alert_scalars
from lossguard.runtime.watcher import POLICIES as WATCH_POLICIES
from lossguard.runtime.watcher import Policy

# the watcher's policies, and the trainer's own stop flag
POLICIES = (*WATCH_POLICIES, "stop")
_STATE_FORMAT = 1
# Options handed through to lossguard.watch; the plugin owns criterion, optimizer and on_event.
WATCH_OPTIONS = ("log_dir", "detectors", "sync_every", "log_every", "jsonl", "console", "check_first", "check_every")


def check_policy(on_event: Policy) -> Policy:
    if not (callable(on_event) or on_event in POLICIES):
        raise UsageError(f"Argument on_event should be {', '.join(map(repr, POLICIES))} or a callable, got {on_event!r}")
    return on_event


def check_options(options: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(options) - set(WATCH_OPTIONS))
    if unknown:
        raise UsageError(f"Argument {unknown[0]} is not a watcher option; expected one of {list(WATCH_OPTIONS)}")
    return options


def alarming(event: Event) -> bool:
    """Events that stop training under "stop"/"raise": warnings and errors, as the watcher's "raise"."""
    return SEVERITY_RANK[event.severity] >= SEVERITY_RANK["warning"]


def error_for(event: Event | None) -> LossGuardError:
    if event is None:
        return LossGuardError("lossguard: another rank reported a broken loss; all ranks stop together.")
    return LossGuardError(f"{event}\nFix: {event.fix}")


def metrics_for(event: Event) -> dict[str, float]:
    """Logger scalars of one event, tagged as the watcher's TensorBoard sink tags them."""
    return alert_scalars(event)


class Guard:
    """One watcher over ``model``, its queue of new events, and the pending stop decision."""

    def __init__(
        self, model: nn.Module, on_event: Policy = "warn", optimizer: torch.optim.Optimizer | None = None, adversarial: bool = False, **options: Any
    ) -> None:
        check_options(options)
        self.policy = check_policy(on_event)
        self._queue: list[Event] = []
        # optimizer: the one whose steps are this watcher's (a trainer with several); None: any that steps the model.
        # adversarial: its loss is measured against networks the other optimizers train (watch(adversarial=True))
        self.watcher: Watcher = watch(model, on_event=self._queue.append, announce=False, optimizer=optimizer, adversarial=adversarial, **options)
        self._sync_every = options.get("sync_every")
        self._first_alarm: Event | None = None

    @property
    def events(self) -> list[Event]:
        return self.watcher.events

    def feed(self, loss: torch.Tensor, factor: float = 1.0, logits: Any = None, labels: Any = None, examples: int | None = None) -> None:
        """Watch one backpropagated loss (several per optimizer step under accumulation).

        ``logits`` and ``labels`` are the model's, when its loss is their cross-entropy (class-index
        labels, one axis fewer than the logits): the watcher then knows the class frequencies
        (``Watcher.observe``). Anything else (float labels of a regression or multi-label head, a
        scaled loss) is watched as the loss alone. ``examples``: the targets the step's loss averages, when
        known (the Lightning plugin's batch; ``Watcher.observe``)."""
        classes = (
            factor == 1.0
            and class_index_pair(logits, labels)
            and not labels.is_complex()
            and logits.dim() == labels.dim() + 1
            and logits.shape[-1] > 1  # one output: a regression head
        )
        with torch.enable_grad():
            if classes:
                self.watcher.observe(loss, logits=logits, targets=labels)
            else:
                self.watcher.observe(loss if factor == 1.0 else loss.detach() * factor, examples=examples or None)

    def before_step(self, optimizer: torch.optim.Optimizer) -> None:
        """Read the gradients now, for trainers whose ``optimizer.step(closure)`` runs backward
        inside the step, after torch's pre-step hook has fired.

        Idempotent per step (see ``Watcher.read_gradients``).
        """
        self.watcher.read_gradients(optimizer)

    def take(self) -> list[Event]:
        """Events delivered since the last call (the same on every rank: statistics are all-reduced)."""
        events = list(self._queue)
        self._queue.clear()  # in place: the watcher holds this list's append as its on_event
        for event in events:
            if self._first_alarm is None and alarming(event):
                self._first_alarm = event
        return events

    @property
    def alarm(self) -> Event | None:
        """The first warning/error not yet acted on."""
        return self._first_alarm

    def clear_alarm(self) -> None:
        self._first_alarm = None

    def cadence(self, device: torch.device) -> int:
        """Steps between rank agreements: the watcher's own read interval."""
        return read_every(device, self._sync_every)

    def state_dict(self) -> dict[str, Any]:
        return {"format": _STATE_FORMAT, "watcher": self.watcher.state_dict()}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        if not isinstance(state, dict) or "watcher" not in state:
            raise UsageError("Argument state should be a dict returned by the callback's state_dict()")
        self.watcher.load_state_dict(state["watcher"])

    def close(self) -> None:
        self.watcher.close()
