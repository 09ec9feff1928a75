"""The detectors' shared statistics helpers (lossguard.runtime.detectors.base)."""

from __future__ import annotations

import random
from collections import deque

import pytest

from lossguard.runtime.detectors import LossSpike, StepStats
from lossguard.runtime.detectors.base import SlidingMax


@pytest.mark.parametrize("size", [1, 2, 5, 64])
def test_sliding_max_is_the_max_of_the_last_values(size):
    rng = random.Random(size)
    window: deque[float] = deque(maxlen=size)
    top = SlidingMax(size)
    for i in range(2000):
        # falling, rising and repeated values (ties), as loss windows hold
        value = rng.choice([rng.random(), 1.0 - i / 2000, float(i % 7), 3.0])
        window.append(value)
        top.push(value)
        assert top.value() == max(window)
    # rebuilt from a saved window (load_state_dict), it agrees as well
    again = SlidingMax(size, window)
    assert again.value() == max(window)


def test_loss_spike_restored_halfway_sees_the_same_window_maximum():
    # a falling loss: the window's maximum is its oldest value, which leaves every step; a
    # maximum restored wrongly (or not at all) after load_state_dict changes the threshold
    rng = random.Random(0)
    losses = [2.0 * 0.99**i * (1 + 0.05 * rng.gauss(0, 1)) for i in range(300)] + [9.0] + [0.2] * 20
    ref, first = LossSpike(), LossSpike()
    found_ref = [i for i, loss in enumerate(losses) if ref.update(StepStats(i, loss=loss))]
    for i in range(150):
        first.update(StepStats(i, loss=losses[i]))
    second = LossSpike()
    second.load_state_dict(first.state_dict())
    found = [i for i in range(150, len(losses)) if second.update(StepStats(i, loss=losses[i]))]
    assert found == [i for i in found_ref if i >= 150] and 300 in found
    assert second.threshold() == ref.threshold()
