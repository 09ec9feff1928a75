"""LG104 loss-oscillation: the loss swings up and down periodically without a downward trend."""

from __future__ import annotations

import math
from collections import deque
from functools import lru_cache
from typing import Optional

import numpy as np

from lossguard.runtime.detectors.base import (
    Detector,
    Finding,
    StepStats,
    at_least,
    fmt,
    fraction,
    median,
    positive_float,
    positive_int,
)


def _spectrum(values: list[float]) -> list[float]:
    """Power of each frequency k = 1 .. n//2 of the linearly detrended series."""
    v = np.asarray(values, dtype=np.float64)
    t = _centred(v.size)
    centred = v - v.mean()
    slope = float(t @ centred) / float(t @ t)
    power = np.abs(np.fft.rfft(centred - slope * t)) ** 2
    return power[1:].tolist()


@lru_cache(maxsize=8)
def _centred(n: int) -> np.ndarray:
    return np.arange(n, dtype=np.float64) - (n - 1) / 2.0


class LossOscillation(Detector):
    """Finds a loss that is dominated by one oscillation and is not going down.

    Over the last ``window`` steps (linearly detrended) at least ``concentration`` of the
    variance must sit in one frequency band (a period between 2 and ``window // 2`` steps; white
    small-batch noise spreads evenly), the swing (peak to peak of that component) must be at
    least ``amplitude`` of the loss level, and the second half of the window must not be more
    than ``trend`` (relative) below the first, unless the swing is over four times that decrease
    (a large oscillation around a slow decline). ``patience`` consecutive steps must agree.

    The swing must also matter on the scale of the run: its reference is the median of the
    first ``window`` losses (or the chance level, when known and higher). Either the loss is
    still above ``low`` times that reference (little progress: the step is too large to make
    any), or the swing is at least ``scale`` times it. A model that has fitted a short, fixed
    sequence of batches is periodic too, the per-batch losses of a converged model differ, but
    at a level and by an amount that are small next to where the run started; that is healthy.

    The spectrum is recomputed every ``every`` steps (oscillation is slow to establish), and
    only when cheap bounds do not already rule it out: the swing is at most four times the
    standard deviation of the window.
    """

    code = "LG104"
    name = "loss-oscillation"
    _state_keys = ("values", "wait", "reported", "seen", "start")

    def __init__(
        self,
        window: int = 32,
        patience: int = 12,
        concentration: float = 0.6,
        amplitude: float = 0.1,
        trend: float = 0.05,
        every: int = 4,
        low: float = 0.5,
        scale: float = 0.25,
    ) -> None:
        self.window = positive_int("window", window)
        at_least("window", self.window, 12, "12 steps")
        self.patience = positive_int("patience", patience)
        self.concentration = fraction("concentration", concentration)
        self.amplitude = fraction("amplitude", amplitude)
        self.trend = fraction("trend", trend)
        self.every = positive_int("every", every)
        self.low = fraction("low", low)
        self.scale = positive_float("scale", scale)
        self.values: deque[float] = deque(maxlen=self.window)
        self.start: list[float] = []
        self.wait = 0
        self.reported = False
        self.seen = 0

    def reference(self, chance: Optional[float] = None) -> float:
        """The loss scale of the run: where it started, or its chance level when that is higher."""
        ref = abs(median(self.start)) if self.start else 0.0
        if chance is not None and math.isfinite(chance) and chance > ref:
            ref = chance
        return ref

    def measure(self, chance: Optional[float] = None) -> dict:
        vals = list(self.values)
        n = len(vals)
        power = _spectrum(vals)
        k_min = 2
        band = [(power[k - 1] + (power[k] if k < len(power) else 0.0), k) for k in range(k_min, len(power) + 1)]
        total = sum(power)
        best, k = max(band)
        level = abs(median(vals))
        swing = 4.0 * math.sqrt(best) / n
        half = n // 2
        before, after = median(vals[:half]), median(vals[half:])
        decrease = (before - after) / abs(before) if before else 0.0
        return {
            "concentration": best / total if total > 0 else 0.0,
            "period": n / (k + 0.5) if k < len(power) else 2.0,
            "swing": swing,
            "level": level,
            "relative_decrease": decrease,
            "reference": self.reference(chance),
        }

    def _ruled_out(self, chance: Optional[float]) -> bool:
        """True when the swing cannot reach the thresholds, whatever the spectrum says."""
        vals = self.values
        n = len(vals)
        mean = sum(vals) / n
        bound = 4.0 * math.sqrt(sum((v - mean) * (v - mean) for v in vals) / n)
        ordered = sorted(vals)
        level = abs(ordered[n // 2] if n % 2 else 0.5 * (ordered[n // 2 - 1] + ordered[n // 2]))
        if level <= 0 or bound < self.amplitude * level:
            return True
        ref = self.reference(chance)
        if level < self.low * ref and bound < self.scale * ref:
            return True
        items = list(vals)
        half = n // 2
        before, after = median(items[:half]), median(items[half:])
        decrease = (before - after) / abs(before) if before else 0.0
        return decrease >= self.trend and bound <= 4.0 * decrease * level

    def update(self, stats: StepStats) -> Optional[Finding]:
        loss = stats.loss
        if loss is None or not math.isfinite(loss):
            return None
        self.values.append(loss)
        if len(self.start) < self.window:
            self.start.append(loss)
        self.seen += 1
        if len(self.values) < self.window or self.seen % self.every:
            return None
        if not self.reported and self._ruled_out(stats.chance_loss):
            self.wait = 0
            return None
        m = self.measure(stats.chance_loss)
        oscillating = (
            m["concentration"] >= self.concentration
            and m["level"] > 0
            and m["swing"] >= self.amplitude * m["level"]
            and (m["relative_decrease"] < self.trend or m["swing"] > 4.0 * m["relative_decrease"] * m["level"])
            and (m["level"] >= self.low * m["reference"] or m["swing"] >= self.scale * m["reference"])
        )
        if not oscillating:
            self.wait = 0
            self.reported = False if m["concentration"] < self.concentration / 2 else self.reported
            return None
        self.wait += self.every
        if self.wait < self.patience or self.reported:
            return None
        self.reported = True
        return Finding(
            f"Step {stats.step}: the loss oscillates around {fmt(m['level'])} with a swing of "
            f"{fmt(m['swing'])} (period about {m['period']:.1f} steps) and no downward trend over "
            f"the last {self.window} steps; it started at about {fmt(m['reference'])}.",
            {**m, "lr": stats.lr, "window": self.window},
        )
