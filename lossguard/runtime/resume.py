"""Saving and resuming a watcher: step counters, detector windows, value checks, events.

Detectors are matched by code; the format tolerates states from older versions (missing keys
take their defaults) and newer ones (unknown keys are ignored).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from lossguard.errors import UsageError
from lossguard.runtime.events import Event

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.runtime.watcher import Watcher

STATE_FORMAT = 2


def state_of(self: Watcher) -> dict[str, Any]:
    """Everything needed to resume: step counters, detector windows, events (flushes first)."""
    self.flush()
    return {
        "format": STATE_FORMAT,
        "step": self.step,
        "calls": self.calls,
        "ema": self._ema,
        "ema_n": self._ema_n,
        "checks": self.checks.state_dict(),
        "weights": [[list(k), v] for k, v in self._weight_cache.items()],
        "weights_at": self._weights_at,
        "alert_until": self._s.alert_until,
        "detectors": {d.code: d.state_dict() for d in self.detectors},
        "events": [e.to_dict() for e in self.events],
        "output": self._out.state_dict(),
        "console_counts": dict(self._out.console.counts) if self._out.console is not None else {},
    }


def restore(self: Watcher, state: dict[str, Any]) -> None:
    """Restore :meth:`state_dict` output; unknown keys from newer versions are ignored.

    Detectors are matched by code: a saved detector this watcher does not run is named in a
    warning, one it runs but was not saved starts fresh, and a saved state that does not fit
    (other settings) is a :class:`UsageError` naming the detector."""
    if not isinstance(state, dict) or "step" not in state:
        raise UsageError("Argument state should be a dict returned by Watcher.state_dict()")
    saved = state.get("detectors", {})
    for det in self.detectors:
        if det.code in saved:
            try:
                det.load_state_dict(saved[det.code])
            except Exception as exc:
                raise UsageError(
                    f"The saved state of detector {det.code} ({det.name}) does not fit this watcher's detector ({type(exc).__name__}: {exc}); build the watcher with the same detector settings, or start it fresh"
                ) from None
    missing = sorted(set(saved) - {d.code for d in self.detectors})
    if missing:
        warnings.warn(
            f"lossguard: the saved state holds detectors this watcher does not run ({', '.join(missing)}); their state is ignored.",
            RuntimeWarning,
            stacklevel=2,
        )
    self.step = int(state["step"])
    self.calls = int(state.get("calls", 0))
    self._ema = state.get("ema")
    self._ema_n = int(state.get("ema_n", 0))
    self.checks.load_state_dict(state.get("checks", state))
    self._weight_cache = {tuple(k): list(v) for k, v in state.get("weights", [])}
    self._weights_at = int(state.get("weights_at", -(10**9)))
    self._s.alert_until = int(state.get("alert_until", 0))
    events = [Event.from_dict(e) for e in state.get("events", [])]
    self._out.load_state_dict(state.get("output", {}), events)
    if self._out.console is not None:
        self._out.console.counts.update(state.get("console_counts", {}))
    self._cur = None
    self._s.drop_pending()
    return None
