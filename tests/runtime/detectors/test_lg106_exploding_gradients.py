import math
import random

import pytest

from lossguard.errors import UsageError
from lossguard.runtime.detectors import ExplodingGradients, StepStats
from tests.runtime.detectors.roundtrip import assert_roundtrip


def norms(n, seed=0):
    rng = random.Random(seed)
    return [1.0 * rng.lognormvariate(0, 0.3) for _ in range(n)]


def test_jump_far_above_recent_median_is_reported():
    values = norms(60)
    values[45] = 80.0
    det = ExplodingGradients()
    assert [i for i, v in enumerate(values) if det.update(StepStats(i, grad_norm=v))] == [45]


def test_gradient_huge_against_weights_is_reported_from_step_zero():
    det = ExplodingGradients()
    f = det.update(StepStats(0, grad_norm=5e6, grad_to_weight=2e5))
    assert f is not None and "weight norm" in f.message


def test_noisy_and_slowly_growing_norms_are_silent():
    det = ExplodingGradients()
    values = [v * (1 + i / 300) for i, v in enumerate(norms(600, seed=2))]
    assert all(det.update(StepStats(i, grad_norm=v, grad_to_weight=v / 20)) is None for i, v in enumerate(values))


def test_nonfinite_norm_is_left_to_lg101():
    assert ExplodingGradients().update(StepStats(0, grad_norm=math.inf)) is None


def test_argument_errors():
    with pytest.raises(UsageError, match="Argument factor should be a positive number, got nan"):
        ExplodingGradients(factor=math.nan)


def test_state_roundtrip():
    values = norms(120, seed=5)
    values[30] = values[100] = 500.0
    series = [StepStats(i, grad_norm=v) for i, v in enumerate(values)]
    assert [s for s, _ in assert_roundtrip(ExplodingGradients, series, split=50)] == [30, 100]
