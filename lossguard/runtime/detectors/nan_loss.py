"""LG101 nan-loss: the loss, or a gradient that reached the optimizer, is NaN or infinite."""

from __future__ import annotations

import math
from typing import Optional

from lossguard.runtime.detectors.base import Detector, Finding, StepStats, fmt, positive_int


class NanLoss(Detector):
    """Reports the first non-finite loss or gradient of an episode.

    Gradients are seen only at real optimizer steps, unscaled: GradScaler's skipped overflow
    steps never reach the optimizer and are not reported. An episode ends after ``rearm_after``
    finite steps; a new one is reported again.
    """

    code = "LG101"
    name = "nan-loss"
    _state_keys = ("in_alarm", "finite_run", "episodes", "nonfinite_steps")

    def __init__(self, rearm_after: int = 20, check_grads: bool = True) -> None:
        self.rearm_after = positive_int("rearm_after", rearm_after)
        self.check_grads = bool(check_grads)
        self.in_alarm = False
        self.finite_run = 0
        self.episodes = 0
        self.nonfinite_steps = 0

    def is_nonfinite(self, loss: Optional[float], grad_norm: Optional[float] = None) -> bool:
        if loss is not None and not math.isfinite(loss):
            return True
        return self.check_grads and grad_norm is not None and not math.isfinite(grad_norm)

    def update(self, stats: StepStats) -> Optional[Finding]:
        if not self.is_nonfinite(stats.loss, stats.grad_norm):
            if stats.loss is not None:
                self.finite_run += 1
                if self.finite_run >= self.rearm_after:
                    self.in_alarm = False
            return None
        self.nonfinite_steps += 1
        self.finite_run = 0
        if self.in_alarm:
            return None
        self.in_alarm = True
        self.episodes += 1
        loss_finite = stats.loss is None or math.isfinite(stats.loss)
        if loss_finite:
            what = f"the gradient is {fmt(stats.grad_norm)} while the loss is finite ({fmt(stats.loss)})"
            if stats.nonfinite_grad:
                what += f"; first non-finite gradient: {stats.nonfinite_grad}"
        else:
            what = f"the loss is {fmt(stats.loss)}"
            if stats.nonfinite_source:
                what += f"; first non-finite tensor: {stats.nonfinite_source}"
        data = {
            "loss": stats.loss,
            "grad_norm": stats.grad_norm,
            "first_nonfinite": stats.nonfinite_source if not loss_finite else stats.nonfinite_grad,
        }
        return Finding(f"Step {stats.step}: {what}.", data)
