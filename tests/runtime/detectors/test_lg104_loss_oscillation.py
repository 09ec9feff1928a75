import math
import random

import pytest

from lossguard.errors import UsageError
from lossguard.runtime.detectors import LossOscillation, StepStats
from tests.runtime.detectors.roundtrip import assert_roundtrip


def test_period_two_swing_without_trend_is_reported():
    det = LossOscillation()
    found = [i for i in range(120) if det.update(StepStats(i, loss=1.0 + (0.4 if i % 2 else -0.4)))]
    assert found == [found[0]] and found[0] < 50


def test_slower_period_is_reported():
    det = LossOscillation()
    found = [i for i in range(150) if det.update(StepStats(i, loss=1.0 + 0.3 * math.sin(2 * math.pi * i / 6)))]
    assert len(found) == 1


def test_white_noise_of_small_batches_is_silent():
    rng = random.Random(0)
    det = LossOscillation()
    for i in range(3000):
        assert det.update(StepStats(i, loss=max(0.01, 1.0 + 0.5 * rng.gauss(0, 1)))) is None, i


def test_decreasing_noisy_loss_is_silent():
    rng = random.Random(1)
    det = LossOscillation()
    assert all(det.update(StepStats(i, loss=2.3 * math.exp(-i / 100) * rng.lognormvariate(0, 0.2))) is None for i in range(500))


def test_argument_errors():
    with pytest.raises(UsageError, match="Argument window should be at least 12 steps"):
        LossOscillation(window=6)
    with pytest.raises(UsageError, match="Argument concentration should be a number between 0 and 1"):
        LossOscillation(concentration=0)


def test_state_roundtrip():
    series = [StepStats(i, loss=1.0 + (0.3 if i % 2 else -0.3) * (i > 40)) for i in range(140)]
    assert len(assert_roundtrip(LossOscillation, series, split=60)) == 1
