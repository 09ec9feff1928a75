"""LG107 LossBelowBound on synthetic series: bounds, unknown bounds, explained alarms, state."""

from __future__ import annotations

import pytest

from lossguard.errors import UsageError
from lossguard.runtime.detectors import StepStats
from lossguard.runtime.detectors.loss_bound import LossBelowBound


def feed(det, losses, floor=0.0, start=0):
    found = []
    for i, loss in enumerate(losses, start):
        f = det.update(StepStats(step=i, loss=loss, loss_floor=floor))
        if f is not None:
            found.append((i, f))
    return found


def test_a_bounded_loss_below_its_bound_is_reported_once():
    found = feed(LossBelowBound(), [2.3, 1.0, 0.2, -0.5, -3.0, -40.0])
    assert [i for i, _ in found] == [3]
    assert "below 0" in found[0][1].message and found[0][1].data["floor"] == 0.0


def test_rounding_at_the_bound_is_silent():
    assert feed(LossBelowBound(), [0.7, 0.01, 1e-6, -1e-7, 0.0]) == []


def test_unknown_bound_needs_a_fall_far_below_zero():
    det = LossBelowBound()
    assert feed(det, [1.4, 0.2, -1.5, -3.0, -20.0], floor=None) == []  # a Gaussian NLL may do this
    found = feed(det, [-150.0], floor=None, start=5)
    assert [i for i, _ in found] == [5] and "wrong sign" in found[0][1].message


def test_explains_an_alarm_while_the_loss_falls_below_zero():
    det = LossBelowBound()
    feed(det, [700.0, 500.0], floor=None)
    assert det.explains(StepStats(step=2, loss=300.0), "exploding-gradients was found") is None
    f = det.explains(StepStats(step=3, loss=-800.0), "exploding-gradients was found")
    assert f is not None and "not from the learning rate" in f.message
    assert det.explains(StepStats(step=4, loss=-9000.0), "x") is None  # once


def test_state_roundtrip_continues_like_an_uninterrupted_run():
    series = [2.0, 1.5, 1.0, 0.5, 0.1, -0.2, -1.0]
    whole = feed(LossBelowBound(), series)
    first = LossBelowBound()
    feed(first, series[:3])
    resumed = LossBelowBound()
    resumed.load_state_dict(first.state_dict())
    assert [i for i, _ in feed(resumed, series[3:], start=3)] == [i for i, _ in whole]


def test_bad_arguments():
    with pytest.raises(UsageError, match="Argument tolerance should be a positive number"):
        LossBelowBound(tolerance=0)
