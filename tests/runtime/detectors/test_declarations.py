"""Issue 11: parameters declared once (validation, repr, docs), state as checked fields, measures as dataclasses."""

from __future__ import annotations

import dataclasses
import json
import math
import random
from collections import deque

import pytest

from lossguard.errors import UsageError
from lossguard.runtime.detectors import (
    Detector,
    ExplodingGradients,
    LossOscillation,
    LossPlateau,
    LossSpike,
    NanLoss,
    StepStats,
    VanishingGradients,
    default_detectors,
    parameter_sections,
)
from lossguard.runtime.detectors.base import Param, Saved

CLASSES = [type(d) for d in default_detectors()]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_repr_lists_every_declared_parameter_and_evaluates_back(cls):
    det = cls()
    text = repr(det)
    assert all(f"{p.name}={p.default!r}" in text for p in cls.params)
    namespace = {c.__name__: c for c in CLASSES}
    assert repr(eval(text, namespace)) == text


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_unknown_and_duplicate_arguments_are_usage_errors(cls):
    with pytest.raises(UsageError, match=f"{cls.__name__} has no argument 'bogus'; its arguments are: {cls.params[0].name}"):
        cls(bogus=1)
    with pytest.raises(UsageError, match="got argument .* twice"):
        cls(cls.params[0].default, **{cls.params[0].name: cls.params[0].default})


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: LossPlateau(patience=0), "Argument patience should be a positive integer, got 0"),
        (lambda: LossPlateau(patience=2.5), "Argument patience should be a positive integer, got 2.5"),
        (lambda: NanLoss(check_grads="yes"), "Argument check_grads should be True or False, got 'yes'"),
        (lambda: LossSpike(above_max=0.5), "Argument above_max should be at least 1, got 0.5"),
        (lambda: VanishingGradients(rise=1), "Argument rise should be a number above 1, got 1"),
        (lambda: ExplodingGradients(pinned=1), r"Argument pinned should be at least 2 measurements \(2\), got 1"),
        (lambda: LossSpike(4, 8), r"Argument window should be at least recent \(8\), got 4"),
    ],
)
def test_argument_errors_come_from_the_declaration(make, message):
    with pytest.raises(UsageError, match=message):
        make()


def test_positional_arguments_follow_the_declaration_order():
    assert LossSpike(32, 4).window == 32 and LossSpike(32, 4).recent == 4


def test_rule_pages_carry_the_generated_parameter_tables():
    sections = parameter_sections()
    assert sorted(sections) == ["LG101", "LG102", "LG103", "LG104", "LG105", "LG106", "LG107"]
    for cls in CLASSES:
        for p in cls.params:
            assert f"| `{p.name}` |" in sections[cls.code]


def _busy(det):
    rng = random.Random(0)
    for i in range(120):
        det.update(
            StepStats(
                i, loss=2.3 + 0.1 * rng.gauss(0, 1), grad_norm=1.0 + 0.1 * rng.random(), grad_ratio=0.3, update_ratio=0.01, updated=True, lr=0.1
            )
        )
    return det


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_state_is_explicit_json_and_checked_on_load(cls):
    det = _busy(cls())
    state = det.state_dict()
    assert json.loads(json.dumps(state)) == state
    assert not any(k.startswith("_") for k in state)
    fresh = cls()
    fresh.load_state_dict({**state, "from_a_newer_version": 1})  # unknown fields are ignored
    assert fresh.state_dict() == state
    key = next(iter(state))
    with pytest.raises(UsageError, match=f"State of detector {cls.code} {cls.name}: field '{key}' should be"):
        cls().load_state_dict({key: "garbage"})
    with pytest.raises(UsageError, match="should be a dict"):
        cls().load_state_dict([])  # type: ignore[arg-type]


def test_a_cache_that_is_never_read_is_not_saved():
    assert set(_busy(ExplodingGradients()).state_dict()) == {
        "updates",
        "first_losses",
        "recent_losses",
        "logs",
        "norms",
        "cooldown_left",
        "reports",
        "diverged",
    }


def test_measures_are_dataclasses():
    plateau = _busy(LossPlateau())
    m = plateau.measure(math.log(10))
    assert dataclasses.is_dataclass(m) and m.steps == 120 and m.chance == math.log(10)
    osc = LossOscillation()
    for i in range(40):
        osc.update(StepStats(i, loss=1.0 + (0.3 if i % 2 else -0.3)))
    o = osc.measure()
    assert dataclasses.is_dataclass(o) and o.period == pytest.approx(2.0, abs=0.2)


class _Counter(Detector):
    """A detector of yours: its saved fields declared once, one under another key, a cache rebuilt on load."""

    code = "LG198"
    name = "counter"
    saved = (Saved("count", "int", "_count"), Saved("recent", "window"), Saved("last", "optional"))

    def reset(self) -> None:
        self._count = 0
        self.recent: deque[float] = deque(maxlen=3)
        self.last: float | None = None
        self.top = 0.0

    def loaded(self) -> None:
        self.top = max(self.recent, default=0.0)

    def update(self, stats: StepStats) -> None:
        self._count += 1
        self.recent.append(stats.loss)
        self.last = stats.loss
        self.top = max(self.recent)


def test_state_dict_and_load_state_dict_are_derived_from_the_saved_fields():
    det = _Counter()
    for i, loss in enumerate([1.0, 4.0, 2.0, 3.0]):
        det.update(StepStats(i, loss=loss))
    state = det.state_dict()
    assert state == {"count": 4, "recent": [4.0, 2.0, 3.0], "last": 3.0}
    fresh = _Counter()
    fresh.load_state_dict(json.loads(json.dumps(state)))
    assert (fresh._count, list(fresh.recent), fresh.recent.maxlen, fresh.last, fresh.top) == (4, [4.0, 2.0, 3.0], 3, 3.0, 4.0)
    with pytest.raises(UsageError, match="State of detector LG198 counter: field 'last' should be a number or None"):
        _Counter().load_state_dict({"last": "x"})
    with pytest.raises(ValueError, match="unknown state kind 'list'"):
        Saved("x", "list")


def test_a_detector_that_declares_no_saved_fields_writes_its_own_state_methods():
    class Bare(Detector):
        code = "LG197"
        name = "bare"

    with pytest.raises(NotImplementedError):
        Bare().state_dict()


def test_a_parameter_is_a_class_attribute_named_once_and_inherited():
    class Windowed(Detector):
        code = "LG196"
        name = "windowed"
        window = Param("positive_int", 8, "steps")

    class Noisy(Windowed):
        code = "LG195"
        name = "noisy"
        sigma = Param("positive_float", 2.0, "noise units")

    assert [p.name for p in Noisy.params] == ["window", "sigma"] and isinstance(Noisy.window, Param)
    det = Noisy(4, sigma=3)
    assert (det.window, det.sigma, repr(det)) == (4, 3.0, "Noisy(window=4, sigma=3.0)")
    assert "| `sigma` | number > 0 | `2.0` | noise units |" in Noisy.parameter_table()
    with pytest.raises(UsageError, match="Argument window should be a positive integer, got 0"):
        Noisy(window=0)
