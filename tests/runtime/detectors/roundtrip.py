"""Shared check: a detector saved halfway and loaded into a fresh one continues identically."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable

from lossguard.runtime.detectors import Detector, StepStats


def run(det: Detector, series: list[StepStats]) -> list[tuple[int, str]]:
    out = []
    for s in series:
        f = det.update(copy.copy(s))
        if f is not None:
            out.append((s.step, f.message))
    return out


def assert_roundtrip(make: Callable[[], Detector], series: list[StepStats], split: int) -> list[tuple[int, str]]:
    whole = run(make(), series)
    first = make()
    head = run(first, series[:split])
    state = json.loads(json.dumps(first.state_dict()))
    second = make()
    second.load_state_dict(state)
    tail = run(second, series[split:])
    assert head + tail == whole
    return whole
