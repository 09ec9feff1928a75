"""The fast part of the fault-injection suite: real runs, each fault caught, no healthy alarm.

The full suite (more seeds, slower runs) writes docs/fault-injection.md:
``python -m tests.runtime.fault_injection.report``.
"""

from __future__ import annotations

import warnings

import pytest

from tests.runtime.fault_injection.scenarios import SCENARIOS, judge

FAST = [s for s in SCENARIOS if s.fast and not s.name.startswith("misuse")]


@pytest.mark.parametrize("scenario", FAST, ids=[s.name for s in FAST])
def test_scenario(scenario):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        outcome = scenario.run(0)
    verdict = judge(scenario, outcome)
    if scenario.fault:
        assert verdict["detected"], verdict
        assert verdict["latency"] <= 45, verdict
        assert verdict["false_alarms"] == 0, verdict
        if scenario.name == "lr-too-high":
            assert verdict["code"] == "LG106" and verdict["latency"] <= 12, verdict
    else:
        assert verdict["false_alarms"] == 0, [str(e) for e in outcome.events]
