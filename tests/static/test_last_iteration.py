"""LG014's reading of a statement a loop runs on its last iteration only (rules/_last_iteration.py)."""

from __future__ import annotations

import ast

import pytest

from lossguard.static.rules._last_iteration import on_last_iteration_only


def _step_is_last_only(source: str) -> bool:
    tree = ast.parse(source)
    loop = next(n for n in ast.walk(tree) if isinstance(n, ast.For))
    step = next(n for n in ast.walk(loop) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "step")
    return on_last_iteration_only(step, loop)


@pytest.mark.parametrize(
    "header, guard",
    [
        ("for i, b in enumerate(batches):", "if i == len(batches) - 1:"),
        ("for i, b in enumerate(batches):", "if i + 1 == len(batches):"),
        ("for i in range(len(batches)):", "if not i < len(batches) - 1:"),
        ("for i, b in enumerate(batches):", "last = i == len(batches) - 1\n    if last:"),
        ("for i, b in enumerate(batches):", "accumulating = i + 1 < len(batches)\n    if not accumulating:"),
    ],
)
def test_a_guard_that_holds_on_the_last_iteration_only(header: str, guard: str) -> None:
    source = f"{header}\n    loss(b).backward()\n    {guard}\n        opt.step()\n"
    assert _step_is_last_only(source)


def test_the_else_branch_of_every_iteration_but_the_last() -> None:
    source = "for i, b in enumerate(batches):\n    loss(b).backward()\n    if i < len(batches) - 1:\n        pass\n    else:\n        opt.step()\n"
    assert _step_is_last_only(source)


@pytest.mark.parametrize(
    "header, guard",
    [
        ("for i, b in enumerate(batches):", "if i < len(batches) - 1:"),  # every iteration but the last
        ("for i, b in enumerate(batches):", "if i == len(others) - 1:"),  # another sequence's length
        ("for i, b in enumerate(batches):", "if i == len(batches):"),  # never true: not read
        ("for b in batches:", "if b is batches[-1]:"),
        ("for i, b in enumerate(batches):", "last = i == len(batches) - 1\n    last = last or force\n    if last:"),
    ],
)
def test_other_guards_are_not_read_as_the_last_iteration(header: str, guard: str) -> None:
    source = f"{header}\n    loss(b).backward()\n    {guard}\n        opt.step()\n"
    assert not _step_is_last_only(source)


def test_a_step_outside_any_guard_runs_every_iteration() -> None:
    assert not _step_is_last_only("for i, b in enumerate(batches):\n    loss(b).backward()\n    opt.step()\n")
