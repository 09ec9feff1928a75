"""A pytest plugin: the CPU seconds each test used, this process and its finished subprocesses.

Wall-clock durations (``--durations``) on a shared machine say more about the other jobs than
about the tests. CPU time does not: on a quiet machine a test that starts no parallel work takes
about as long as the CPU time it used. Use it as

    python -m pytest -q -m "not integration" -p tests.cpu_durations

It prints the total (setup, call and teardown of every test; collection is printed apart) and the
slowest 25 tests; ``LOSSGUARD_CPU_DURATIONS=N`` prints N instead.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest

_spent: dict[str, float] = {}
_collection: list[float] = []


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


@pytest.hookimpl(hookwrapper=True)
def pytest_collection(session: pytest.Session) -> Generator[None, Any, None]:
    start = _cpu()
    yield
    _collection.append(_cpu() - start)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, Any, None]:
    start = _cpu()
    yield
    _spent[item.nodeid] = _cpu() - start


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _spent:
        return
    write = terminalreporter.write_line
    n = int(os.environ.get("LOSSGUARD_CPU_DURATIONS", "25"))
    terminalreporter.section("CPU seconds (this process and its finished subprocesses)")
    write(f"{sum(_spent.values()):.1f} s in {len(_spent)} tests; collection {sum(_collection):.1f} s")
    for nodeid, seconds in sorted(_spent.items(), key=lambda kv: -kv[1])[:n]:
        write(f"{seconds:6.2f}s {nodeid}")
