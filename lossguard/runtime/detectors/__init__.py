"""The runtime detectors, one per catalog code (LG101-LG107)."""

from __future__ import annotations

from lossguard.runtime.detectors.base import Detector, Finding, StepStats
from lossguard.runtime.detectors.exploding_gradients import ExplodingGradients
from lossguard.runtime.detectors.loss_bound import LossBelowBound
from lossguard.runtime.detectors.loss_oscillation import LossOscillation
from lossguard.runtime.detectors.loss_plateau import LossPlateau
from lossguard.runtime.detectors.loss_spike import LossSpike
from lossguard.runtime.detectors.nan_loss import NanLoss
from lossguard.runtime.detectors.vanishing_gradients import VanishingGradients

__all__ = [
    "Detector",
    "ExplodingGradients",
    "Finding",
    "LossBelowBound",
    "LossOscillation",
    "LossPlateau",
    "LossSpike",
    "NanLoss",
    "StepStats",
    "VanishingGradients",
    "default_detectors",
    "parameter_sections",
]


def default_detectors() -> list[Detector]:
    """A fresh set of the six detectors with their default thresholds."""
    return [NanLoss(), LossSpike(), LossPlateau(), LossOscillation(), VanishingGradients(), ExplodingGradients()]


def parameter_sections() -> dict[str, str]:
    """Code -> the "Parameters" section of its rule page, generated from the detector's declaration."""
    out = {}
    for det in [*default_detectors(), LossBelowBound()]:
        cls = type(det)
        out[cls.code] = (
            "## Parameters\n\n"
            f"`lossguard.runtime.detectors.{cls.__name__}(...)`, passed to `watch(..., detectors=[...])`; "
            "a value out of range is a UsageError naming the argument.\n\n" + cls.parameter_table() + "\n"
        )
    return out
