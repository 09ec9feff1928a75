"""LG103 loss-plateau: the loss stays flat at the level of a model that has learnt nothing."""

from __future__ import annotations

import math
from collections import deque
from typing import Optional

from lossguard.runtime.detectors.base import (
    Detector,
    Finding,
    StepStats,
    at_least,
    fmt,
    fraction,
    median,
    positive_int,
)


class LossPlateau(Detector):
    """ReduceLROnPlateau's idea, restricted to plateaus that are not a converged minimum.

    Over the last ``window`` steps the median of the second half must be less than
    ``threshold`` (relative) below the median of the first half, for ``patience`` consecutive
    steps, while the loss is still within ``progress`` of where it started (the median of the
    first ``window // 2`` losses) and, when the loss's chance level is known (log C for
    cross-entropy over C classes, log 2 for binary cross-entropy, the target variance for MSE),
    within ``progress`` of that level too. A loss that has moved well away from its start, or
    sits below chance, is converging or converged and is never reported. Nothing is reported
    while the learning rate is still rising (warm-up). One report per plateau; a new one needs
    the loss to move first.
    """

    code = "LG103"
    name = "loss-plateau"
    _state_keys = ("values", "lrs", "start", "wait", "reported")

    def __init__(self, window: int = 40, patience: int = 10, threshold: float = 0.01, progress: float = 0.1) -> None:
        self.window = positive_int("window", window)
        at_least("window", self.window, 8, "8 steps")
        self.patience = positive_int("patience", patience)
        self.threshold = fraction("threshold", threshold)
        self.progress = fraction("progress", progress)
        self.values: deque[float] = deque(maxlen=self.window)
        self.lrs: deque[float] = deque(maxlen=self.window)
        self.start: list[float] = []
        self.wait = 0
        self.reported = False

    def _flat(self, chance: Optional[float]) -> tuple[bool, dict]:
        vals = list(self.values)
        half = len(vals) // 2
        before, after = median(vals[:half]), median(vals[half:])
        begin = median(self.start)
        if before <= 0 or begin <= 0:
            return False, {}
        decrease = (before - after) / before
        near_start = after >= (1.0 - self.progress) * begin
        near_chance = chance is None or not math.isfinite(chance) or chance <= 0 or after >= (1.0 - self.progress) * chance
        info = {"loss": after, "start": begin, "relative_decrease": decrease, "chance": chance}
        flat = -5 * self.threshold < decrease < self.threshold
        return flat and near_start and near_chance, info

    def update(self, stats: StepStats) -> Optional[Finding]:
        loss = stats.loss
        if loss is None or not math.isfinite(loss):
            return None
        self.values.append(loss)
        if stats.lr is not None:
            self.lrs.append(stats.lr)
        if len(self.start) < self.window // 2:
            self.start.append(loss)
        if len(self.values) < self.window:
            return None
        warming_up = len(self.lrs) >= 2 and self.lrs[-1] > self.lrs[0] * (1.0 + 1e-6)
        flat, info = self._flat(stats.chance_loss)
        if not flat or warming_up:
            self.wait = 0
            if info and info["loss"] < (1.0 - self.progress) * info["start"]:
                self.reported = False
            return None
        self.wait += 1
        if self.wait < self.patience or self.reported:
            return None
        self.reported = True
        chance = info["chance"]
        level = f" (chance level {fmt(chance)})" if chance else ""
        return Finding(
            f"Step {stats.step}: the loss has stayed at {fmt(info['loss'])}{level} for "
            f"{self.window + self.patience - 1} steps (change {-100 * info['relative_decrease']:+.2f}% over the "
            f"last {self.window // 2}); it started at {fmt(info['start'])}. Learning rate: {fmt(stats.lr)}.",
            {**info, "lr": stats.lr, "window": self.window},
        )
