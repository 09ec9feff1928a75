import math
import random

import pytest

from lossguard.errors import UsageError
from lossguard.runtime.detectors import LossSpike, StepStats
from tests.runtime.detectors.roundtrip import assert_roundtrip


def noisy_decay(n, seed=0, noise=0.05):
    rng = random.Random(seed)
    return [2.3 * math.exp(-i / 200) * (1 + noise * rng.gauss(0, 1)) for i in range(n)]


def test_spike_after_warmup_is_reported_at_its_step():
    losses = noisy_decay(100)
    losses[70] *= 6
    det = LossSpike()
    found = [i for i, v in enumerate(losses) if det.update(StepStats(i, loss=v))]
    assert found == [70]


def test_noisy_small_batch_losses_do_not_alarm():
    rng = random.Random(3)
    det = LossSpike()
    for i in range(2000):
        loss = 1.0 * math.exp(-i / 800) * rng.lognormvariate(0, 0.35) + 0.05
        assert det.update(StepStats(i, loss=loss)) is None, i


def test_converged_loss_with_tiny_bumps_is_silent():
    det = LossSpike()
    losses = noisy_decay(50) + [1e-4 * (1 + 0.1 * (i % 3)) for i in range(500)]
    losses[300] = 5e-4
    assert all(det.update(StepStats(i, loss=v)) is None for i, v in enumerate(losses))


def test_bump_of_a_model_finding_the_task_is_silent():
    # Binary LSTM classifier (tests/runtime/fault_injection, healthy-lstm seed 1): the loss sits at
    # ln 2 for 20 steps, falls, and one batch of the transition goes back above its start.
    rng = random.Random(4)
    losses = [0.69 + 0.01 * rng.uniform(-1, 1) for _ in range(20)] + [0.69 - 0.02 * i for i in range(16)] + [0.8727] + [0.4] * 20
    det = LossSpike()
    assert all(det.update(StepStats(i, loss=v)) is None for i, v in enumerate(losses))
    det.update(StepStats(len(losses), loss=0.4 * 5))
    assert det.spikes == 1


def test_blowup_is_reported_before_the_window_fills():
    det = LossSpike()
    assert det.update(StepStats(0, loss=2.3)) is None
    f = det.update(StepStats(1, loss=40.0))
    assert f is not None and "40" in f.message


def test_is_spike_does_not_change_state():
    det = LossSpike()
    for i, v in enumerate(noisy_decay(40)):
        det.update(StepStats(i, loss=v))
    before = det.state_dict()
    assert det.is_spike(50.0) and not det.is_spike(2.0)
    assert det.state_dict() == before


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"window": 0}, "Argument window should be a positive integer, got 0"),
        ({"sigma": -1.0}, "Argument sigma should be a positive number, got -1.0"),
        ({"window": 4, "recent": 8}, "Argument window should be at least recent"),
        ({"cooldown": -2}, "Argument cooldown should be a non-negative integer, got -2"),
        ({"above_max": 0.5}, "Argument above_max should be at least 1, got 0.5"),
    ],
)
def test_argument_errors(kwargs, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        LossSpike(**kwargs)


def test_state_roundtrip():
    losses = noisy_decay(200, seed=1)
    for s in (60, 61, 150):
        losses[s] *= 8
    series = [StepStats(i, loss=v) for i, v in enumerate(losses)]
    assert [s for s, _ in assert_roundtrip(LossSpike, series, split=100)] == [60, 150]


def test_a_hinge_loss_at_zero_with_a_few_violations_is_no_spike():
    # siamese-triplet (adambielski/siamese-triplet@0c719f9, TripletLoss(margin=1), docs/runtime.md
    # round 8): the mean of relu(d+ - d- + 1) falls from 1.0 to exactly 0 within 10 steps; now and
    # then a batch with a few violating triplets is 0.05-0.2. LG102 called them jumps "above its
    # recent level 0" at steps 82 and 112 (batch 64).
    det = LossSpike()
    series = [1.0, 0.81, 0.64, 0.5, 0.45, 0.44, 0.3, 0.2, 0.1, 0.05, 0.007] + [0.0] * 189
    series[82], series[112], series[150] = 0.1914, 0.1871, 0.06
    # at batch 16, one hard triplet made a batch 1.0985 (above the first loss) at step 189; the
    # run's validation loss was 0.0065 at the end of that epoch
    series[189] = 1.0985
    assert [i for i, v in enumerate(series) if det.update(StepStats(i, loss=v))] == []
    # a blow-up is still a jump
    assert det.update(StepStats(200, loss=12.0)) is not None
