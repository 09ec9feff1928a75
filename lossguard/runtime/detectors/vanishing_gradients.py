"""LG105 vanishing-gradients: the first layers get almost no gradient compared with the last."""

from __future__ import annotations

import math
from collections import deque
from typing import Optional

from lossguard.errors import UsageError
from lossguard.runtime.detectors.base import Detector, Finding, StepStats, at_least, fmt, median, positive_float, positive_int


class VanishingGradients(Detector):
    """AUTOTRAINER's first/last-layer gradient ratio, made scale-free, judged on the body.

    The watcher measures, for the first and the last dense layer (Linear, Conv, RNN weights in
    registration order), the gradient norm relative to the weight norm, and passes their ratio
    first/last. Vanishing gradients: the median ratio over ``window`` measurements is below
    ``threshold`` (the first layer's weights move ``1/threshold`` times slower than the last
    layer's), and

    * the same holds against the dense layer before the last (``body_ratio``, when the model
      has three or more): the gradient fades through the body, not only behind the head. Every
      gradient below the head passes through the head's weights, so a zero-initialised head
      (healthy: it grows within steps) makes first/last tiny but leaves first/body alone;
    * the ratio is not recovering: the median of the later half of the window is below
      ``rise`` times that of the earlier half (a small head growing under Adam or SGD lifts the
      ratio several-fold per window; a vanishing body keeps it flat).

    One report per episode; it re-arms when the median is back above ten times the threshold.
    """

    code = "LG105"
    name = "vanishing-gradients"
    _state_keys = ("ratios", "body", "reported")

    def __init__(self, window: int = 10, threshold: float = 1e-3, rise: float = 1.5) -> None:
        self.window = positive_int("window", window)
        at_least("window", self.window, 2, "2 measurements")
        self.threshold = positive_float("threshold", threshold)
        self.rise = positive_float("rise", rise)
        if self.rise <= 1.0:
            raise UsageError(f"Argument rise should be a number above 1, got {rise!r}")
        self.ratios: deque[float] = deque(maxlen=self.window)
        self.body: deque[float] = deque(maxlen=self.window)
        self.reported = False

    def update(self, stats: StepStats) -> Optional[Finding]:
        ratio = stats.grad_ratio
        if ratio is None or not math.isfinite(ratio):
            return None
        self.ratios.append(ratio)
        body = stats.body_ratio
        if body is not None and math.isfinite(body):
            self.body.append(body)
        if len(self.ratios) < self.window:
            return None
        values = list(self.ratios)
        level = median(values)
        if level >= self.threshold:
            if level >= 10 * self.threshold:
                self.reported = False
            return None
        if self.reported:
            return None
        if self.body and median(list(self.body)) >= self.threshold:
            return None
        half = len(values) // 2
        earlier, later = median(values[:half]), median(values[half:])
        if later > 0 and later >= self.rise * earlier:
            return None
        self.reported = True
        return Finding(
            f"Step {stats.step}: the first layer's gradient is {fmt(level)} times the last layer's "
            f"(relative to their weights, median of {self.window} measurements; threshold {fmt(self.threshold)}), "
            "and it is not recovering.",
            {"ratio": level, "body_ratio": median(list(self.body)) if self.body else None, "threshold": self.threshold, "grad_norm": stats.grad_norm},
        )
