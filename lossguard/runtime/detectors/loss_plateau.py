"""LG103 loss-plateau: the loss stays flat at the level of a model that has learnt nothing."""

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


@lru_cache(maxsize=8)
def _centred(n: int) -> np.ndarray:
    return np.arange(n, dtype=np.float64) - (n - 1) / 2.0


class LossPlateau(Detector):
    """ReduceLROnPlateau's idea, restricted to plateaus that are not a converged minimum.

    A least-squares line is fitted to the last N updated steps (``min_window`` <= N <=
    ``max_window``). The loss is flat when even the optimistic end of the slope's confidence
    band (slope - 2 standard errors) would lower it by less than ``threshold`` (relative) over N
    steps, and the fitted change is not a rise of more than ``threshold`` either. Small-batch
    noise widens the band, so a noisy run needs more steps before it can be called flat. When
    the weights barely move (the median relative update of the last layer, |dW| / |W| per step,
    is below ``still``: a learning rate far too small) the looser ``still_threshold`` applies and
    ``min_window`` steps suffice; while they move (or their movement is not measured), the fit
    needs ``moving_window`` steps: a model whose weights move may just be slow to start (Adam at
    1e-4 from a fresh init can sit within 1% of chance for 40 steps and then learn). It is a
    plateau, not convergence, only while the loss is within ``progress`` of where it started and,
    when the chance level is known (log C for cross-entropy over C classes, log 2 for binary
    cross-entropy, the target variance for MSE), within ``progress`` of that level too. Steps
    without an optimizer update (GradScaler overflow skips) are ignored, nothing is reported while
    the learning rate is rising (warm-up), ``patience`` consecutive checks (one every ``every`` steps) must agree, and there
    is one report per plateau: the next needs real progress first.
    """

    code = "LG103"
    name = "loss-plateau"
    _state_keys = ("values", "lrs", "updates", "start", "wait", "reported", "seen")

    def __init__(
        self,
        min_window: int = 30,
        max_window: int = 300,
        patience: int = 3,
        threshold: float = 0.02,
        still: float = 1e-4,
        still_threshold: float = 0.05,
        progress: float = 0.1,
        every: int = 4,
        moving_window: int = 100,
    ) -> None:
        self.min_window = positive_int("min_window", min_window)
        at_least("min_window", self.min_window, 8, "8 steps")
        self.max_window = positive_int("max_window", max_window)
        at_least("max_window", self.max_window, self.min_window, "min_window")
        self.patience = positive_int("patience", patience)
        self.threshold = fraction("threshold", threshold)
        self.still = positive_float("still", still)
        self.still_threshold = fraction("still_threshold", still_threshold)
        self.progress = fraction("progress", progress)
        self.every = positive_int("every", every)
        self.moving_window = positive_int("moving_window", moving_window)
        at_least("moving_window", self.moving_window, self.min_window, "min_window")
        at_least("max_window", self.max_window, self.moving_window, "moving_window")
        self.values: deque[float] = deque(maxlen=self.max_window)
        self.lrs: deque[float] = deque(maxlen=self.min_window)
        self.updates: deque[float] = deque(maxlen=self.min_window)
        self.start: list[float] = []
        self.wait = 0
        self.reported = False
        self.seen = 0

    def measure(self, chance: Optional[float]) -> dict:
        y = np.asarray(self.values, dtype=np.float64)
        n = y.size
        t = _centred(n)
        stt = float(t @ t)
        slope = float(t @ (y - y.mean())) / stt
        resid = y - y.mean() - slope * t
        se = math.sqrt(float(resid @ resid) / (n - 2) / stt)
        level = median(list(self.values)[-self.min_window :])
        begin = median(self.start)
        return {
            "loss": level,
            "start": begin,
            "chance": chance,
            "steps": n,
            "change": slope * n / level if level > 0 else 0.0,
            "best_case_decrease": -(slope - 2.0 * se) * n / level if level > 0 else 0.0,
            "update_ratio": self._update_level(),
        }

    def _update_level(self) -> Optional[float]:
        """Median relative update of the last layer, once 8 measurements are known."""
        return median(list(self.updates)) if len(self.updates) >= 8 else None

    def _near_start(self, level: float, begin: float, chance: Optional[float]) -> bool:
        """Still within ``progress`` of the starting loss and of the chance level (when known)."""
        if level <= 0 or begin <= 0:
            return False
        near_chance = chance is None or not math.isfinite(chance) or chance <= 0 or level >= (1.0 - self.progress) * chance
        return level >= (1.0 - self.progress) * begin and near_chance

    def _is_plateau(self, m: dict) -> bool:
        if not self._near_start(m["loss"], m["start"], m["chance"]):
            return False
        limit = self.still_threshold if m["update_ratio"] is not None and m["update_ratio"] < self.still else self.threshold
        return m["best_case_decrease"] < limit and m["change"] < limit

    def update(self, stats: StepStats) -> Optional[Finding]:
        loss = stats.loss
        if loss is None or not math.isfinite(loss) or not stats.updated:
            return None
        self.values.append(loss)
        self.seen += 1
        if stats.lr is not None:
            self.lrs.append(stats.lr)
        if stats.update_ratio is not None and math.isfinite(stats.update_ratio):
            self.updates.append(stats.update_ratio)
        if len(self.start) < self.min_window:
            self.start.append(loss)
        if len(self.values) < self.min_window or self.seen % self.every:
            return None
        moving = self._update_level()
        if len(self.values) < self.moving_window and (moving is None or moving >= self.still):
            return None
        warming_up = len(self.lrs) >= 2 and self.lrs[-1] > self.lrs[0] * (1.0 + 1e-6)
        # The level tests are cheap; the fit runs only while the loss is still near its start.
        level = median([self.values[-i] for i in range(1, self.min_window + 1)])
        begin = median(self.start)
        m = None if warming_up or not self._near_start(level, begin, stats.chance_loss) else self.measure(stats.chance_loss)
        if m is None or not self._is_plateau(m):
            self.wait = 0
            if level < (1.0 - self.progress) * begin:
                self.reported = False
            return None
        self.wait += 1
        if self.wait < self.patience or self.reported:
            return None
        self.reported = True
        chance = f" (chance level {fmt(m['chance'])})" if m["chance"] else ""
        return Finding(
            f"Step {stats.step}: the loss has stayed at {fmt(m['loss'])}{chance} for the last {m['steps']} steps "
            f"(fitted change {100 * m['change']:+.2f}%); it started at {fmt(m['start'])}. Learning rate: {fmt(stats.lr)}"
            + (f"; the last layer's weights change by {fmt(m['update_ratio'])} of their norm per step." if m["update_ratio"] is not None else "."),
            {**m, "lr": stats.lr},
        )
