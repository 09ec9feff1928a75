"""The Lightning callback, built over whichever Lightning package the user imports.

``lightning.pytorch.Trainer`` accepts only ``lightning.pytorch.Callback`` subclasses and
``pytorch_lightning.Trainer`` only ``pytorch_lightning.Callback`` ones, so the class body is
written once here and bound to each base by :func:`build`.
"""

from __future__ import annotations

from typing import Any

import torch

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

# More losses than this without an optimizer step (manual optimization that never steps
# through Lightning) are handed to the watcher at once, so nothing grows without bound.
_MAX_HELD = 64


class LossGuardCallbackBody:
    """Watches the loss ``training_step`` returns and the gradients it produces.

    Options are the watcher's (see docs/runtime.md) except ``on_event``: ``"warn"`` (print
    each kind once), ``"stop"`` (``trainer.should_stop``, agreed across ranks), ``"raise"``
    (:class:`lossguard.LossGuardError` out of ``trainer.fit``), or a callable taking each Event.

    Under manual optimization with several optimizers (a GAN's generator and discriminator), each
    optimizer gets a watcher of its own, over the submodule its parameters make up, fed the losses
    backpropagated before its step: two networks' losses in one series are no one loss's curve. When
    the networks are coupled (a loss one optimizer steps ran another's network: the generator's loss
    through the discriminator's verdict), each network's loss is measured against the others, which
    train at the same time: it settles at an equilibrium, not a minimum, and the watchers are adversarial
    (``watch(adversarial=True)``: no plateau or oscillation while the weights move; the plugin sees the
    loss, not the constant targets that would tell a watched criterion so). Networks whose losses each
    run their own network only (two independent models in one module) are not: :class:`_Coupling`
    decides from the forwards run before each optimizer's first step, and until it has, the watchers are
    adversarial (silent while unsure).
    """

    def __init__(self, on_event: Policy = "warn", **options: Any) -> None:
        super().__init__()
        self.on_event = check_policy(on_event)
        self.options = check_options(options)
        self.guard: Guard | None = None
        self._losses: list[torch.Tensor] = []
        # targets in the current training batch (its labels' element count; None: not found)
        self._examples: int | None = None
        self._pending_state: dict[str, Any] | None = None
        self._closed = False
        # manual optimization with several optimizers: a guard per optimizer (by id), the first is self.guard
        self._per_optimizer: dict[int, Guard] = {}
        # the state a checkpoint gave load_state_dict (the per-optimizer watchers are made after it)
        self._restored: dict[str, Any] | None = None
        # whether the per-optimizer networks are coupled (adversarial), decided at their first steps
        self._coupling: _Coupling | None = None

    @property
    def events(self) -> list[Event]:
        """Every event so far (restored ones included); with a watcher per optimizer, theirs in turn."""
        return [e for guard in self._guards() for e in guard.events]

    def _guards(self) -> list[Guard]:
        if self._per_optimizer:
            return list(self._per_optimizer.values())
        return [self.guard] if self.guard is not None else []

    # ------------------------------------------------------------------ watching

    def setup(self, trainer: Any, pl_module: Any, stage: str) -> None:
        if stage != "fit" or (self.guard is not None and not self._closed):
            return
        if self.guard is not None:  # a second fit() with this callback continues its history
            self._pending_state = self.guard.state_dict()
        self.guard = Guard(pl_module, self.on_event, **self.options)
        self._per_optimizer = {}
        self._closed = False
        if self._pending_state is not None:
            self.guard.load_state_dict(self._pending_state)
            self._pending_state = None

    def on_train_start(self, trainer: Any, pl_module: Any) -> None:
        optimizers = [getattr(o, "_optimizer", o) for o in trainer.optimizers]
        if self.guard is None or self._closed or pl_module.automatic_optimization or len(optimizers) < 2 or self._per_optimizer:
            return
        # one watcher per optimizer, over the part of the model it steps; the whole-model watcher saw no step yet
        self.guard.close()
        modules = [module_of(pl_module, optimizer) for optimizer in optimizers]
        for optimizer, module in zip(optimizers, modules):
            self._per_optimizer[id(optimizer)] = Guard(module, self.on_event, optimizer=optimizer, adversarial=True, **self.options)
        self.guard = next(iter(self._per_optimizer.values()))
        self._coupling = _Coupling(optimizers, modules)
        if self._restored is not None:  # a checkpoint's state, loaded before training started
            self.load_state_dict(self._restored)

    def on_train_batch_start(self, trainer: Any, pl_module: Any, batch: Any, batch_idx: int) -> None:
        if self.guard is not None:
            self._examples = batch_examples(batch)

    def on_before_backward(self, trainer: Any, pl_module: Any, loss: torch.Tensor) -> None:
        if self.guard is None:
            return
        self._losses.append(loss)
        if len(self._losses) >= _MAX_HELD:
            self._feed(trainer, pl_module)

    def on_before_optimizer_step(self, trainer: Any, pl_module: Any, optimizer: Any) -> None:
        if self.guard is None:
            return
        guard = self._per_optimizer.get(id(getattr(optimizer, "_optimizer", optimizer)), self.guard)
        coupling = self._coupling
        if coupling is not None:
            adversarial = coupling.step(getattr(optimizer, "_optimizer", optimizer), bool(self._losses))
            if adversarial is not None:  # decided: every optimizer has stepped once
                self._coupling = None
                for each in self._guards():
                    each.watcher.checks.adversarial = adversarial
        self._feed(trainer, pl_module, guard)
        # Under GradScaler the scaler calls optimizer.step() only for finite gradients, after
        # unscaling: torch's pre-step hook then reads unscaled norms and overflow steps are not
        # alarms. Without it, Lightning runs backward inside optimizer.step(closure), after that
        # hook, so the gradients are read here.
        if getattr(trainer.precision_plugin, "scaler", None) is None:
            guard.before_step(optimizer)

    def _feed(self, trainer: Any, pl_module: Any, guard: Guard | None = None) -> None:
        guard = guard if guard is not None else self.guard
        assert guard is not None
        losses, self._losses = self._losses, []
        # Automatic optimization divides each loss by accumulate_grad_batches before backward.
        factor = float(trainer.accumulate_grad_batches) if pl_module.automatic_optimization else 1.0
        examples = self._examples * int(factor) if self._examples is not None else None
        for loss in losses:
            guard.feed(loss, factor, examples=examples)

    # ------------------------------------------------------------------ events and policy

    def on_train_batch_end(self, trainer: Any, pl_module: Any, outputs: Any, batch: Any, batch_idx: int) -> None:
        if self.guard is None:
            return
        guards = self._guards()
        taken = [(guard, e) for guard in guards for e in guard.take()]
        events = [e for _, e in taken]
        if taken and trainer.is_global_zero:
            self._log(trainer, taken)
        if callable(self.on_event):
            for event in events:
                self.on_event(event)
            return
        if self.on_event == "warn":
            return
        alarm = next((guard.alarm for guard in guards if guard.alarm is not None), None)
        if trainer.world_size > 1:
            # Watcher statistics are all-reduced, so ranks normally agree already; this makes
            # the stop itself collective. Called on every rank at the same steps.
            if batch_idx % self.guard.cadence(pl_module.device) != 0:
                return
            if not trainer.strategy.reduce_boolean_decision(alarm is not None, all=False):
                return
        elif alarm is None:
            return
        for guard in guards:
            guard.clear_alarm()
        if self.on_event == "stop":
            trainer.should_stop = True
        else:
            raise error_for(alarm)

    def _log(self, trainer: Any, taken: list[tuple[Guard, Event]]) -> None:
        """Each event at the logger step of the batch it names, the step Lightning's own rows (``self.log`` in
        ``training_step``) give that batch, not the later batch at which its read came back (an event of step 2 read
        at step 8 was drawn at 8, away from the jump in the loss curve): this batch's row less the steps its watcher
        took since the event."""
        loop = getattr(getattr(trainer, "fit_loop", None), "epoch_loop", None)
        now = getattr(loop, "_batches_that_stepped", None)  # this batch's row: not yet counted at on_train_batch_end
        now = int(now) if isinstance(now, int) else trainer.global_step - 1
        for logger in trainer.loggers:
            for guard, event in taken:
                step = max(0, now - (guard.watcher.step - 1 - event.step))
                logger.log_metrics(metrics_for(event), step=step)
                experiment = getattr(logger, "experiment", None) if type(logger).__name__ == "TensorBoardLogger" else None
                if experiment is not None and hasattr(experiment, "add_text"):
                    experiment.add_text(EVENTS, f"**{event}**  \n*Fix:* {event.fix}", step)

    # ------------------------------------------------------------------ checkpoints and teardown

    def state_dict(self) -> dict[str, Any]:
        if self.guard is not None:
            state = self.guard.state_dict()
            if self._per_optimizer:  # the first optimizer's watcher, then the others' in order
                state["others"] = [guard.state_dict() for guard in list(self._per_optimizer.values())[1:]]
            return state
        return dict(self._pending_state or {})

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        if not state_dict:
            return
        self._restored = state_dict
        if self.guard is None:
            self._pending_state = state_dict
        else:
            self.guard.load_state_dict(state_dict)
            for guard, state in zip(list(self._per_optimizer.values())[1:], state_dict.get("others", [])):
                guard.load_state_dict(state)

    def on_exception(self, trainer: Any, pl_module: Any, exception: BaseException) -> None:
        self._close()

    def teardown(self, trainer: Any, pl_module: Any, stage: str) -> None:
        if stage == "fit":
            self._close()

    def _close(self) -> None:
        self._losses = []
        if self._coupling is not None:
            self._coupling.remove()
            self._coupling = None
        if self.guard is not None and not self._closed:
            self._closed = True
            for guard in self._guards():
                guard.close()


class _Coupling:
    """Whether the networks of several optimizers are coupled, each loss measured against another's network.

    Rule: the networks are adversarial when a loss one optimizer steps ran the network of another (a GAN's
    generator loss is the discriminator's verdict on its samples), and every optimizer steps a loss of its own
    (two optimizers stepping one loss, an encoder's and a decoder's, cooperate: the second step brings no new
    loss). Each network's forwards are seen by a forward hook on it, from one optimizer step to the next; the
    decision is taken when every optimizer has stepped once, and the hooks are then removed. A network whose
    parameters overlap another's (no submodule holds one optimizer's parameters alone) tells nothing:
    the watchers then stay adversarial, as they are until the decision.
    """

    def __init__(self, optimizers: list[Any], modules: list[Any]) -> None:
        self.params = {id(opt): {id(p) for p in module.parameters()} for opt, module in zip(optimizers, modules)}
        self.ran: set[int] = set()  # the optimizers whose network ran a forward since the last step
        self.seen: dict[int, tuple[bool, bool]] = {}  # optimizer: (another's network ran, a loss of its own)
        self.handles = [module.register_forward_hook(self._hook(id(opt))) for opt, module in zip(optimizers, modules)]

    def _hook(self, key: int) -> Any:
        def ran(module: Any, args: Any, output: Any) -> None:
            self.ran.add(key)

        return ran

    def step(self, optimizer: Any, own_loss: bool) -> bool | None:
        """Before ``optimizer`` steps: record what its loss ran; the decision once every optimizer has stepped."""
        key = id(optimizer)
        if key in self.params and key not in self.seen:
            mine = self.params[key]
            others = [k for k in self.ran if k != key and not (self.params[k] & mine)]
            self.seen[key] = (bool(others), own_loss)
        self.ran.clear()
        if len(self.seen) < len(self.params):
            return None
        self.remove()
        values = list(self.params.values())
        if any(a & b for i, a in enumerate(values) for b in values[i + 1 :]):
            return True  # networks that share parameters: no telling, stay adversarial
        return any(other for other, _ in self.seen.values()) and all(own for _, own in self.seen.values())

    def remove(self) -> None:
        for handle in self.handles:
            handle.remove()
        self.handles = []


def module_of(root: Any, optimizer: Any) -> Any:
    """The smallest submodule of ``root`` holding every parameter ``optimizer`` steps (a GAN's generator for
    its optimizer); ``root`` when no smaller one does."""
    stepped = {id(p) for group in optimizer.param_groups for p in group["params"]}
    best, size = root, sum(1 for _ in root.parameters())
    for module in root.modules():
        held = {id(p) for p in module.parameters()}
        if stepped <= held and len(held) < size:
            best, size = module, len(held)
    return best


def batch_examples(batch: Any) -> int | None:
    """The number of targets in a training batch: its labels' element count, the last tensor of an
    ``(inputs, labels)`` tuple or list, or a dict's ``labels``/``label``/``target``/``targets``/``y`` entry;
    None when there is none to read (the watcher then assumes nothing about the batch size)."""
    if isinstance(batch, dict):
        for key in ("labels", "label", "targets", "target", "y"):
            value = batch.get(key)
            if isinstance(value, torch.Tensor):
                return value.numel()
        return None
    if isinstance(batch, (tuple, list)) and len(batch) >= 2 and isinstance(batch[-1], torch.Tensor):
        return batch[-1].numel()
    return None


def build(callback_base: type, module: str) -> type:
    """``LossGuardCallback`` as a subclass of ``callback_base`` (a Lightning ``Callback``), shown as ``module``'s."""
    return type(
        "LossGuardCallback",
        (LossGuardCallbackBody, callback_base),
        {"__doc__": LossGuardCallbackBody.__doc__, "__module__": module},
    )
