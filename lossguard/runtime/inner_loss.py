"""The value checks of a built-in loss that a watched custom criterion module calls.

A criterion of the user's own (the annotated transformer's ``LabelSmoothing``, a distillation loss module)
is watched as an unknown loss: its kind, bound and input are unknown to the watcher. When that module holds
a built-in loss as an attribute (``self.criterion = nn.KLDivLoss(reduction="sum")``) and calls it, the
watcher hangs a forward hook on that inner loss and runs its stateless value checks there, on the
inner loss's own sampled calls (the first ``check_first``, then every ``check_every``-th, with gradients
enabled): LG001 for ``CrossEntropyLoss``, LG007 for ``NLLLoss``, LG008 for ``KLDivLoss`` (see
:func:`lossguard.runtime.value_checks.flags`). Nothing else of the inner loss is followed (its bound, its
chance level, its shape checks): the watched loss is the outer module's value.

A flag is read at once on the CPU (no synchronisation there); on an accelerator it is read at the inner
loss's next sampled call, ``check_every`` calls later (one read per ``check_every`` calls), and the event
carries the step of the call that was checked. A functional loss called inside the module
(``F.kl_div(...)``) or a loss module the criterion does not hold as an attribute is not seen.
"""

from __future__ import annotations

import weakref
from typing import Any

import torch
import torch.nn as nn

from lossguard.runtime.misuse import input_and_target, loss_kind
from lossguard.runtime.value_checks import ValueChecks, flags

# The families whose value checks keep no state from call to call (LG003's run of calls is the watcher's).
INNER_KINDS = frozenset({"ce", "nll", "kl"})


def inner_checks(watcher: Any, criterion: Any) -> list[Any]:
    """Hook the built-in losses held inside ``criterion``, a custom module of unknown kind; returns the
    hooks' handles (none for a built-in loss, a function, or a module that holds no built-in loss)."""
    if not isinstance(criterion, nn.Module) or loss_kind(criterion) is not None:
        return []
    handles = []
    for name, module in criterion.named_modules():
        kind = loss_kind(module) if module is not criterion else None
        if kind in INNER_KINDS:
            handles.append(InnerChecks(watcher, criterion, name, module, kind).handle)
    return handles


class InnerChecks:
    """The forward hook on one inner built-in loss: samples its calls, computes the flags, reports them."""

    def __init__(self, watcher: Any, criterion: nn.Module, name: str, module: nn.Module, kind: str) -> None:
        self._watcher = weakref.ref(watcher)
        self.kind = kind
        self.checks = ValueChecks(kind, module)  # the findings' texts, one place for both paths
        self.where = f" (seen in `{name}`, the {type(module).__name__} that the watched {type(criterion).__name__} calls)"
        self.calls = 0
        # (step, flags) of the last sampled call, not read yet (an accelerator's)
        self.pending: tuple[int, dict[str, torch.Tensor]] | None = None
        self.handle = module.register_forward_hook(self, with_kwargs=True)

    def __reduce__(self) -> tuple:
        """Pickled or deep-copied with the criterion (``torch.save`` of the watcher stores the criterion alone), the
        hook becomes one that does nothing: a copy belongs to no live watcher."""
        return (_inert, ())

    def __call__(self, module: nn.Module, args: tuple, kwargs: dict, output: Any) -> None:
        calls = self.calls
        self.calls = calls + 1
        w = self._watcher()
        if w is None or not torch.is_grad_enabled():
            return
        s = w.__dict__["_s"]
        if s.broken or s.closed or not (calls < s.check_first or calls % s.check_every == 0):
            return
        try:
            self._check(w, s.step, module, args, kwargs)
        except Exception as exc:  # never stop training: this hook goes, the watcher goes on
            self.handle.remove()
            w._internal_error("the check of a loss inside the criterion", exc)

    def _check(self, w: Any, step: int, module: nn.Module, args: tuple, kwargs: dict) -> None:
        if self.pending is not None:
            self._report(w, *self.pending)
            self.pending = None
        inp, tgt = input_and_target(args, kwargs)
        if inp is None or not inp.is_floating_point() or inp.numel() == 0:
            return
        with torch.no_grad():
            found = {code: flag for code, flag in flags(self.kind, inp, tgt, module).items() if code not in w._disabled}
        if not found:
            return
        if inp.device.type == "cpu":
            self._report(w, step, found)
        else:
            self.pending = (step, found)

    def _report(self, w: Any, step: int, found: dict[str, torch.Tensor]) -> None:
        scalars = {code: float(flag) for code, flag in found.items()}
        for code, message, data, severity in self.checks.findings(step, scalars):
            w._emit_misuse(code, step, message + self.where, data, severity)


def _noop(module: nn.Module, args: tuple, kwargs: dict, output: Any) -> None:
    """What an InnerChecks hook becomes in a pickled or copied criterion."""


def _inert() -> Any:
    return _noop
