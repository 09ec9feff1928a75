"""LG106 exploding-gradients: the total gradient norm leaves its usual range, or updates rival the weights."""

from __future__ import annotations

import math
from collections import deque
from typing import Optional

from lossguard.runtime.detectors.base import (
    Detector,
    at_least,
    fraction,
    Finding,
    StepStats,
    diff_noise,
    fmt,
    median,
    non_negative_int,
    positive_float,
    positive_int,
)


class ExplodingGradients(Detector):
    """Two tests on the unscaled total gradient norm, one on the size of the updates.

    Relative: log(norm) is more than max(log ``factor``, ``sigma`` noise units) above the
    ``quantile`` of the last ``window`` measured norms (noise: MAD of step-to-step differences;
    both refreshed every 8 measurements), once ``min_steps``
    norms are known. The reference is a high quantile, not the median: recurrent networks have
    heavy-tailed norms (an LSTM's vary tenfold from step to step once it learns), while an
    explosion leaves even the largest recent norms far behind. Absolute: the norm is more than ``max_ratio`` times the weight norm, an
    update no learning rate can use, from the first step on. Reported norms enter the window
    clipped to the threshold; ``cooldown`` steps separate two reports.

    Updates: the watcher measures the last dense layer's relative update |dW| / |W| (every step
    for the first 16 steps, then every 4th). Healthy training moves it by 0.001-0.05 per step; a
    learning rate far too high moves it by 0.3-1 while the loss merely wanders near chance, with
    no spike and no large gradient. Reported when the median of the last ``update_window``
    measurements exceeds ``max_update`` and the later half of them has not decayed below ``decay`` times
    the earlier half: a zero-initialised layer also starts with huge ratios, but they fall like
    1/t as its norm grows. And the loss must not be making progress: the median of the last
    ``update_window`` losses is above ``1 - progress`` times that of the first ones. A freshly
    initialised head on good features also moves by a fifth of its norm per step for a while,
    but its loss falls at once; a learning rate far too high leaves the loss where it was. (The
    first and the latest ``update_window // 2`` losses are compared.)
    """

    code = "LG106"
    name = "exploding-gradients"
    _state_keys = ("logs", "cooldown_left", "reports", "_tick", "_centre", "_noise", "updates", "first_losses", "recent_losses")

    def __init__(
        self,
        window: int = 50,
        min_steps: int = 10,
        factor: float = 20.0,
        sigma: float = 6.0,
        max_ratio: float = 1000.0,
        cooldown: int = 10,
        max_update: float = 0.2,
        update_window: int = 8,
        decay: float = 0.7,
        quantile: float = 0.9,
        progress: float = 0.1,
    ) -> None:
        self.window = positive_int("window", window)
        self.min_steps = positive_int("min_steps", min_steps)
        self.factor = positive_float("factor", factor)
        self.sigma = positive_float("sigma", sigma)
        self.max_ratio = positive_float("max_ratio", max_ratio)
        self.cooldown = non_negative_int("cooldown", cooldown)
        self.max_update = positive_float("max_update", max_update)
        self.update_window = positive_int("update_window", update_window)
        self.decay = fraction("decay", decay)
        self.quantile = fraction("quantile", quantile)
        self.progress = fraction("progress", progress)
        at_least("update_window", self.update_window, 2, "2 measurements")
        self.updates: deque[float] = deque(maxlen=self.update_window)
        self.first_losses: list[float] = []
        self.recent_losses: deque[float] = deque(maxlen=max(1, self.update_window // 2))
        self.logs: deque[float] = deque(maxlen=self.window)
        self.cooldown_left = 0
        self.reports = 0
        self._tick = 0
        self._centre = 0.0
        self._noise: Optional[float] = None

    def _updates_too_large(self, ratio: Optional[float]) -> Optional[float]:
        """The median relative update when the updates are persistently as large as the weights."""
        if ratio is None or not math.isfinite(ratio):
            return None
        self.updates.append(ratio)
        if len(self.updates) < self.update_window:
            return None
        vals = list(self.updates)
        level = median(vals)
        half = len(vals) // 2
        if level > self.max_update and median(vals[half:]) >= self.decay * median(vals[:half]) and not self._progressing():
            return level
        return None

    def _progressing(self) -> bool:
        half = max(1, self.update_window // 2)
        if len(self.first_losses) < half or len(self.recent_losses) < half:
            return False
        start, now = median(self.first_losses), median(list(self.recent_losses))
        return start > 0 and now < (1.0 - self.progress) * start

    def update(self, stats: StepStats) -> Optional[Finding]:
        loss = stats.loss
        if loss is not None and math.isfinite(loss):
            if len(self.first_losses) < max(1, self.update_window // 2):
                self.first_losses.append(loss)
            self.recent_losses.append(loss)
        big_update = self._updates_too_large(stats.update_ratio)
        if big_update is not None:
            if self.cooldown_left > 0:
                self.cooldown_left -= 1
                return None
            self.cooldown_left = self.cooldown
            self.reports += 1
            self.updates.clear()
            return Finding(
                f"Step {stats.step}: each optimizer step changes the last layer's weights by {fmt(big_update)} of their "
                f"norm (median of the last {self.update_window} measurements; healthy training: about 0.001-0.05), "
                f"learning rate {fmt(stats.lr)}: the learning rate is far too high.",
                {"update_ratio": big_update, "grad_norm": stats.grad_norm, "lr": stats.lr},
            )
        norm = stats.grad_norm
        if norm is None or not math.isfinite(norm) or norm <= 0:
            return None
        log_norm = math.log(norm)
        self._tick += 1
        reason = None
        limit = None
        if len(self.logs) >= self.min_steps:
            # refreshed at every measurement (every 8th step after the first 16): a reference
            # computed from the first steps alone would judge a run that has since started to learn
            vals = list(self.logs)
            ordered = sorted(vals)
            self._centre, self._noise = ordered[int(self.quantile * (len(ordered) - 1))], diff_noise(vals)
            centre = self._centre
            limit = centre + max(math.log(self.factor), self.sigma * self._noise)
            if log_norm > limit:
                reason = f"{fmt(norm / math.exp(centre))}x the {round(100 * self.quantile)}th percentile {fmt(math.exp(centre))} of its recent values"
        ratio = stats.grad_to_weight
        if reason is None and ratio is not None and math.isfinite(ratio) and ratio > self.max_ratio:
            reason = f"{fmt(ratio)}x the weight norm"
        self.logs.append(min(log_norm, limit) if (reason and limit is not None) else log_norm)
        if self.cooldown_left > 0:
            self.cooldown_left -= 1
        if reason is None or self.cooldown_left > 0:
            return None
        self.cooldown_left = self.cooldown
        self.reports += 1
        return Finding(
            f"Step {stats.step}: the gradient norm is {fmt(norm)}, {reason}.",
            {"grad_norm": norm, "grad_to_weight": ratio, "lr": stats.lr},
        )
