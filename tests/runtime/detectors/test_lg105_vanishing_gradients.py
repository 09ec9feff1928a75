import pytest

from lossguard.errors import UsageError
from lossguard.runtime.detectors import StepStats, VanishingGradients
from tests.runtime.detectors.roundtrip import assert_roundtrip


def test_small_first_to_last_ratio_is_reported_once():
    det = VanishingGradients()
    found = [i for i in range(50) if det.update(StepStats(i, grad_ratio=1e-7))]
    assert found == [9]


def test_healthy_ratio_and_missing_measurements_are_silent():
    det = VanishingGradients()
    assert all(det.update(StepStats(i, grad_ratio=0.3 if i % 2 else None)) is None for i in range(100))


def test_one_low_step_does_not_move_the_median():
    det = VanishingGradients()
    assert all(det.update(StepStats(i, grad_ratio=1e-9 if i == 20 else 0.5)) is None for i in range(40))


def test_argument_errors():
    with pytest.raises(UsageError, match="Argument threshold should be a positive number, got 0"):
        VanishingGradients(threshold=0)


def test_state_roundtrip():
    series = [StepStats(i, grad_ratio=1e-6 if 30 <= i < 60 else 0.5) for i in range(100)]
    assert [s for s, _ in assert_roundtrip(VanishingGradients, series, split=35)] == [35]
