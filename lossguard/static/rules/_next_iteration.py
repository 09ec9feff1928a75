"""LG018 across two iterations: gradients another loss leaves on a network after its optimizer was cleared, stepped in
the next iteration.

Round 36 (realcode_heldout26, VITA-Group/TransGAN at 6b85440c): the discriminator is back-propagated and stepped first,
its optimizer cleared right after its own step; the generator's loss, later in the iteration, goes through the
discriminator and fills its gradients again; the next iteration's discriminator backward() adds to them and its step
applies both. Read in one iteration the generator's backward comes after the step, so LG018 said nothing (the same in
a loop with no test at all). The iteration is read twice, the second copy after the first (:func:`two_iterations`),
and LG018's own search runs on the step of the second copy.

Where tests decide what runs, an iteration that runs the other loss need not be followed by one that steps: training
in phases (``if epoch < warmup:`` the discriminator, else the generator) never steps the discriminator again. So every
``if`` around the four calls must be a counter test (``x % n == 0``), true again every so many iterations, and no two
of the calls may sit on the two branches of one ``if`` unless that is such a test. A clear of the stepped optimizer
that runs between its step and the other loss in body order must sit under every ``if`` of the step's own path (it
runs only when the step does: "cleared right after its step"); otherwise an iteration that skips the step would clear.
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Callable, Sequence
from typing import TypeVar

from lossguard.static.rules._iteration_events import Path, Placed

E = TypeVar("E")


def _placed(e: object) -> Placed:
    return e.placed  # type: ignore[attr-defined, no-any-return]


def _second(path: Path) -> Path:
    """The path of the second copy: each ``if``'s key negated (ids of live objects are positive)."""
    return tuple((-test, branch) for test, branch in path)


def two_iterations(events: Sequence[E]) -> list[E]:
    """The events of one iteration followed by the same events again (their order shifted past the first copy's, their
    ``if`` keys made distinct, so that two calls of different iterations are never read as exclusive)."""
    last = max((_placed(e).order for e in events), default=0) + 1
    second = [dataclasses.replace(e, placed=Placed(_placed(e).node, _placed(e).order + last, _second(_placed(e).path))) for e in events]  # type: ignore[type-var]
    return [*events, *second]


def first_copy(events: Sequence[E], event: E) -> E:
    """The event of the first copy that ``event`` (of either copy) repeats."""
    n = len(events) // 2
    i = events.index(event)
    return events[i - n] if i >= n else event


def _counter_test(node: ast.AST) -> bool:
    """``(i + 1) % every == 0``, ``step % n != 0``: a comparison of a remainder, true again every so many iterations."""
    return isinstance(node, ast.Compare) and any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mod) for n in ast.walk(node))


def recurring(paths: Sequence[Path], body: list[ast.stmt]) -> bool:
    """Whether every ``if`` (or ``try``/``match``) on these paths (of either copy) is a counter test, so that each call
    recurs."""
    ifs = {id(n): n.test for stmt in body for n in ast.walk(stmt) if isinstance(n, ast.If)}
    for path in paths:
        for test, _ in path:
            node = ifs.get(abs(test))
            if node is None or not _counter_test(node):
                return False
    return True


def cleared_only_with_step(step: E, events: Sequence[E], other_first: E, may_clear: Callable[[E, E], bool]) -> bool:
    """Whether every clear of ``step``'s parameters that runs after the step and before ``other_first`` (both of the
    first copy) sits under every ``if`` of the step's own path: it runs only when the step does."""
    lo, hi, own = _placed(step).order, _placed(other_first).order, _placed(step).path
    for e in events:
        if getattr(e, "kind", "") == "clear" and lo < _placed(e).order < hi and may_clear(e, step):
            if _placed(e).path[: len(own)] != own:
                return False
    return True
