"""What happens to an event: episodes, the user's policy (print / raise / callback) and the sinks.

A detector that keeps finding the same problem (a loss stuck at a diverged level, a plateau)
describes one episode: its first event is reported, one "still" update follows when the episode
lasts, and the rest is counted. A sink that fails (a full disk under the TensorBoard file) is
dropped with one warning; detection and the other outputs go on.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable
from typing import Any

from lossguard.errors import LossGuardError
from lossguard.runtime.events import SEVERITY_RANK, Event
from lossguard.runtime.warn import warn

PolicyArg = str | Callable[[Event], Any]

MAX_EVENTS = 10_000
# Findings of one code less than this many steps apart belong to the same episode.
EPISODE_GAP = 20
# The one "still ..." update of an episode comes with this many findings in it.
EPISODE_UPDATE_AFTER = 5


class Episode:
    __slots__ = ("first", "last", "count", "updated")

    def __init__(self, first: int) -> None:
        self.first, self.last, self.count, self.updated = first, first, 1, False


class Output:
    """Holds the events of a run and sends each to the console, JSONL, TensorBoard and the policy."""

    def __init__(self, on_event: PolicyArg, console: Any = None, jsonl: Any = None, tb: Any = None) -> None:
        self.on_event = on_event
        self.console, self.jsonl, self.tb = console, jsonl, tb
        self.events: list[Event] = []
        self.counts: Counter[str] = Counter()
        self.first: dict[str, Event] = {}
        self.episodes: dict[str, Episode] = {}
        self.started: Counter[str] = Counter()  # episodes begun, by code (the summary's "N episodes")
        self.raise_queue: list[Event] = []

    # ------------------------------------------------------------------ sinks, each on its own

    def _sink(self, name: str, call: Callable[[], Any]) -> None:
        try:
            call()
        except Exception as exc:  # a broken output must not switch detection off
            self._drop(name, exc)

    def _drop(self, name: str, exc: Exception) -> None:
        setattr(self, name, None)
        warn(f"lossguard: writing to the {name} output failed ({type(exc).__name__}: {exc}); it is dropped, watching goes on.", stacklevel=5)

    def scalars(self, step: int, values: dict[str, float], wall: float | None) -> None:
        tb = self.tb
        if tb is not None and values:
            try:  # _sink, inlined: this runs for every step
                tb.scalars(step, values, wall)
            except Exception as exc:
                self._drop("tb", exc)

    def say(self, text: str) -> None:
        """One plain line on the console (start and summary)."""
        sink = self.console
        if sink is not None:
            self._sink("console", lambda: sink.say(text))

    def note(self, step: int, text: str) -> None:
        """A once-only note about what the run's series show: the console and a TensorBoard text."""
        self.say(text)
        tb = self.tb
        if tb is not None:
            self._sink("tb", lambda: tb.note(step, text))

    # ------------------------------------------------------------------ events

    def finding(self, event: Event, level: float | None) -> None:
        """A detector's finding: the first of an episode is emitted, then at most one update."""
        ep = self.episodes.get(event.code)
        if ep is not None and event.step - ep.last <= EPISODE_GAP:
            ep.last, ep.count = event.step, ep.count + 1
            self.counts[event.code] += 1
            if ep.updated or ep.count < EPISODE_UPDATE_AFTER:
                return
            ep.updated = True
            # the finding's own fix stays (make_event would put the catalog's general one)
            event = dataclasses.replace(
                event,
                message=f"Still, {ep.count} findings since step {ep.first}: {event.message}",
                data={**event.data, "episode_start": ep.first, "update": True},
            )
            self.counts[event.code] -= 1
        else:
            self.episodes[event.code] = Episode(event.step)
            self.started[event.code] += 1
        self.emit(event, level)

    def emit(self, event: Event, level: float | None) -> None:
        self.counts[event.code] += 1
        self.first.setdefault(event.code, event)
        if len(self.events) < MAX_EVENTS:
            self.events.append(event)
        for name in ("console", "jsonl"):  # sinks exist on rank 0 only
            sink = getattr(self, name)
            if sink is not None:
                self._sink(name, functools.partial(sink.emit, event))
        tb = self.tb
        if tb is not None:
            self._sink("tb", lambda: tb.emit(event, level))
        if callable(self.on_event) or (self.on_event == "raise" and SEVERITY_RANK[event.severity] >= SEVERITY_RANK["warning"]):
            self.raise_queue.append(event)

    def flush_raise(self, step: int | None = None) -> None:
        """Apply the policy outside the guarded code, so that its exceptions reach the user."""
        if not self.raise_queue:
            return
        queue, self.raise_queue = self.raise_queue, []
        if callable(self.on_event):
            for event in queue:
                self.on_event(event)
            return
        self.flush()
        event = queue[0]
        late = f"\n(read at step {step}; the problem began at step {event.step})" if step is not None and step - 1 > event.step else ""
        raise LossGuardError(f"{event}\nFix: {event.fix}{late}")

    def flush(self) -> None:
        tb = self.tb
        if tb is not None:
            self._sink("tb", tb.flush)

    def summary(self, steps: int) -> str:
        if not self.counts:
            return f"lossguard: {steps} steps watched, no problem found."
        parts = [
            f"{code} x{n} (first at step {self.first[code].step}{self._episodes(code, n)})"
            for code, n in sorted(self.counts.items())
            if code in self.first
        ]
        return f"lossguard: {steps} steps watched; events: " + ", ".join(parts) + "."

    def _episodes(self, code: str, findings: int) -> str:
        """``; 1 episode`` where a code's findings came in fewer episodes (a diverged loss found every 10 steps is
        one problem: its first report was printed, one "Still, ..." update at most)."""
        n = self.started.get(code, findings)
        return f"; {n} episode{'s' if n != 1 else ''}" if 0 < n < findings else ""

    def close(self) -> None:
        for name in ("console", "jsonl", "tb"):
            sink = getattr(self, name)
            if sink is not None:
                self._sink(name, sink.close)

    # ------------------------------------------------------------------ state

    def state_dict(self) -> dict[str, Any]:
        return {
            "episodes": {c: [e.first, e.last, e.count, e.updated] for c, e in self.episodes.items()},
            "counts": dict(self.counts),
            "started": dict(self.started),
        }

    def load_state_dict(self, state: dict[str, Any], events: list[Event]) -> None:
        self.events = events
        self.first = {}
        for e in events:
            self.first.setdefault(e.code, e)
        self.counts = Counter(state.get("counts", {c: sum(1 for e in events if e.code == c) for c in self.first}))
        self.started = Counter(state.get("started", {}))
        self.episodes = {}
        for code, (first, last, count, updated) in state.get("episodes", {}).items():
            ep = Episode(int(first))
            ep.last, ep.count, ep.updated = int(last), int(count), bool(updated)
            self.episodes[code] = ep
