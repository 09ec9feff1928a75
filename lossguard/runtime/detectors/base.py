"""What every detector shares: the per-step observation, findings, argument checks, robust statistics.

Detectors are framework-free: they see plain Python numbers, never tensors, so they can be
unit-tested on synthetic series and their state is a small JSON-able dict.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Optional

from lossguard.errors import UsageError


@dataclass
class StepStats:
    """What the watcher measured for one optimizer step (None: not measured this step).

    ``grad_ratio`` is (first dense layer's gradient / weight norm) / (the last one's);
    ``body_ratio`` the same against the dense layer before the last (None with fewer than 3).
    """

    step: int
    loss: Optional[float] = None
    grad_norm: Optional[float] = None
    grad_ratio: Optional[float] = None
    grad_to_weight: Optional[float] = None
    nonfinite_grad: Optional[str] = None
    nonfinite_source: Optional[str] = None
    lr: Optional[float] = None
    updated: Optional[bool] = None
    update_ratio: Optional[float] = None
    chance_loss: Optional[float] = None
    body_ratio: Optional[float] = None
    # the least value the watched loss can take (0 for CE, NLL, BCE, KL, MSE), None if unknown
    loss_floor: Optional[float] = None


@dataclass
class Finding:
    """A detector's verdict for one step; the watcher turns it into an Event."""

    message: str
    data: dict[str, Any] = field(default_factory=dict)
    severity: Optional[str] = None


class Detector:
    """A small stateful object: validated thresholds, ``update`` per step, ``state_dict``."""

    code: ClassVar[str]
    name: ClassVar[str]
    _state_keys: ClassVar[tuple[str, ...]] = ()

    def update(self, stats: StepStats) -> Optional[Finding]:
        raise NotImplementedError

    def state_dict(self) -> dict[str, Any]:
        state: dict[str, Any] = {}
        for key in self._state_keys:
            value = getattr(self, key)
            state[key] = list(value) if isinstance(value, Iterable) and not isinstance(value, str) else value
        return state

    def load_state_dict(self, state: dict[str, Any]) -> None:
        for key in self._state_keys:
            if key not in state:
                continue
            current = getattr(self, key)
            if hasattr(current, "maxlen"):
                current.clear()
                current.extend(state[key])
            else:
                setattr(self, key, state[key])

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code} {self.name})"


def positive_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise UsageError(f"Argument {name} should be a positive integer, got {value!r}")
    return value


def non_negative_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UsageError(f"Argument {name} should be a non-negative integer, got {value!r}")
    return value


def positive_float(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise UsageError(f"Argument {name} should be a positive number, got {value!r}")
    return float(value)


def fraction(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1:
        raise UsageError(f"Argument {name} should be a number between 0 and 1 (exclusive), got {value!r}")
    return float(value)


def at_least(name: str, value: int, minimum: int, what: str) -> int:
    if value < minimum:
        raise UsageError(f"Argument {name} should be at least {what} ({minimum}), got {value!r}")
    return value


def median(values: list[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else 0.5 * (ordered[mid - 1] + ordered[mid])


def diff_noise(values: list[float]) -> float:
    """Robust estimate of the step-to-step noise of a series, insensitive to a slow trend.

    The MAD of first differences: a smooth trend shifts the differences but barely widens them.
    """
    diffs = [b - a for a, b in zip(values, values[1:])]
    if not diffs:
        return 0.0
    centre = median(diffs)
    return 1.4826 * median([abs(d - centre) for d in diffs]) / math.sqrt(2.0)


def fmt(value: Optional[float]) -> str:
    if value is None:
        return "n/a"
    if not math.isfinite(value):
        return str(value)
    return f"{value:.4g}"
