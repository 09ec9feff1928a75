"""LG105 vanishing-gradients: the first layers get almost no gradient compared with the last."""

from __future__ import annotations

import math
from collections import deque
from typing import Optional

from lossguard.runtime.detectors.base import Detector, Finding, StepStats, fmt, median, positive_float, positive_int


class VanishingGradients(Detector):
    """AUTOTRAINER's first/last-layer gradient ratio, made scale-free.

    The watcher measures, for the first and the last dense layer (Linear, Conv, RNN weights in
    registration order), the gradient norm relative to the weight norm, and passes their ratio
    first/last. Vanishing gradients: the median ratio over ``window`` steps is below
    ``threshold`` (the first layer's weights move ``1/threshold`` times slower than the last
    layer's). One report per episode; it re-arms when the median is back above ten times the
    threshold.
    """

    code = "LG105"
    name = "vanishing-gradients"
    _state_keys = ("ratios", "reported")

    def __init__(self, window: int = 10, threshold: float = 1e-3) -> None:
        self.window = positive_int("window", window)
        self.threshold = positive_float("threshold", threshold)
        self.ratios: deque[float] = deque(maxlen=self.window)
        self.reported = False

    def update(self, stats: StepStats) -> Optional[Finding]:
        ratio = stats.grad_ratio
        if ratio is None or not math.isfinite(ratio):
            return None
        self.ratios.append(ratio)
        if len(self.ratios) < self.window:
            return None
        level = median(list(self.ratios))
        if level >= self.threshold:
            if level >= 10 * self.threshold:
                self.reported = False
            return None
        if self.reported:
            return None
        self.reported = True
        return Finding(
            f"Step {stats.step}: the first layer's gradient is {fmt(level)} times the last layer's "
            f"(relative to their weights, median of {self.window} steps; threshold {fmt(self.threshold)}).",
            {"ratio": level, "threshold": self.threshold, "grad_norm": stats.grad_norm},
        )
