"""The fast part of the fault-injection suite: real runs, each fault caught, no healthy alarm.

The full suite (more seeds, slower runs) writes docs/fault-injection.md:
``python -m tests.runtime.fault_injection.report``.
"""

from __future__ import annotations

import warnings

import pytest

from tests.runtime.fault_injection.scenarios import SCENARIOS, judge

FAST = [s for s in SCENARIOS if s.fast and not s.name.startswith("misuse")]
# The healthy runs that cost a second of CPU or more (1500 pre-training steps, an LSTM, bf16
# autocast, ...): in the whole suite only, so `-m "not integration"` stays fast. Every fault, and
# the other healthy kinds (schedules, accumulation, AMP, regression, ...), stay in the fast part.
SLOW_HEALTHY = {"healthy-converged", "healthy-lstm", "healthy-frozen-backbone", "healthy-bf16", "healthy-small-batch"}
PARAMS = [pytest.param(s, id=s.name, marks=[pytest.mark.integration] if s.name in SLOW_HEALTHY else []) for s in FAST]


@pytest.mark.parametrize("scenario", PARAMS)
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
