"""Where events and statistics go: the console (rich, once per kind), a JSONL file, TensorBoard.

Each sink owns its failures: an ``OSError`` while opening or writing (read-only ``log_dir``,
disk full, a closed stream) switches that sink off with one warning, and the watcher goes on
detecting and reporting through the others (console, JSONL, ``on_event``).
"""

from __future__ import annotations

import json
import math
import os
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from lossguard.catalog import SEVERITY_STYLES
from lossguard.runtime.console import stderr_console
from lossguard.runtime.events import SEVERITY_RANK, Event
from lossguard.runtime.progress_bars import clear_bars
from lossguard.runtime.warn import warn

# TensorBoard tags: every tag lossguard writes is spelled here (the watcher writes the loss and
# gradient scalars under these names; the trainer plugins log the alert scalars through
# alert_scalars).
LOSS = "lossguard/loss"
LOSS_SMOOTHED = "lossguard/loss_smoothed"
LOSS_LOG10 = "lossguard/loss_log10"
LR = "lossguard/lr"
GRAD_NORM = "lossguard/grad_norm/"  # + "total" or a group of modules
ALERT = "lossguard/alert"
ALERT_LOG10 = "lossguard/alert_log10"
ALERTS = "lossguard/alerts/"  # + "<code>-<name>"
EVENTS = "lossguard/events"
NOTES = "lossguard/notes"  # the watcher's once-only notes about what a series shows (clip_note)

# TensorBoard's custom-scalars plugin keeps the tags whose name re.match()es a pattern: without
# the "$" the alert chart's "lossguard/alert" would also pull in every "lossguard/alerts/...".
LAYOUT = {
    "lossguard": {
        "loss with alerts": ["Multiline", [f"^{LOSS}$", f"^{LOSS_SMOOTHED}$", f"^{ALERT}$"]],
        "loss (log10) with alerts": ["Multiline", [f"^{LOSS_LOG10}$", f"^{ALERT_LOG10}$"]],
        "gradient norms": ["Multiline", [f"^{GRAD_NORM}"]],
    }
}


def alert_scalars(event: Event, level: float | None = None) -> dict[str, float]:
    """The alert marker (at ``level``, the loss, so it sits on the curve; else the severity
    rank) and the per-code severity."""
    severity = float(SEVERITY_RANK[event.severity])
    return {ALERT: level if level is not None else severity, f"{ALERTS}{event.code}-{event.name}": severity}


def _with_log10(values: dict[str, float]) -> dict[str, float]:
    """Add the log10 twin of the loss (and of an alert level): a divergence to 1e16 flattens the
    linear chart, not this one. Non-positive losses have no log and get no point."""
    for tag, twin in ((LOSS, LOSS_LOG10), (ALERT, ALERT_LOG10)):
        v = values.get(tag)
        if v is not None and v > 0.0 and v != math.inf:
            values[twin] = math.log10(v)
    return values


def new_run_dir(log_dir: str, label: str | None = None) -> str:
    """A fresh sub-directory of ``log_dir`` for one run (``2026-12-02_04-15-00``, then ``_2``, ...),
    as SummaryWriter names its default runs: each watcher is one TensorBoard run. ``label`` (the
    model's class when several watchers share ``log_dir``) is appended to the name."""
    os.makedirs(log_dir, exist_ok=True)
    stamp = time.strftime("%Y-%m-%d_%H-%M-%S") + (f"_{label}" if label else "")
    for n in range(1, 10_000):
        path = os.path.join(log_dir, stamp if n == 1 else f"{stamp}_{n}")
        try:
            os.mkdir(path)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(f"{log_dir}: no free run directory for {stamp}")


class _Guarded:
    """A sink that drops itself, with one warning, the first time its output fails."""

    what = "output"
    failed: BaseException | None = None

    def _drop(self, exc: BaseException, where: str) -> None:
        if self.failed is not None:
            return
        self.failed = exc
        warn(
            f"lossguard: {self.what} stopped: cannot write {where} ({exc}). Detection goes on and events are still reported by the other outputs.",
            stacklevel=2,
        )
        try:
            self._release()
        except OSError:
            pass

    def _release(self) -> None:
        """Free what the failed output holds (close files, ignoring their errors)."""


class ConsoleSink(_Guarded):
    """Prints the first event of each code; later ones are counted and summarised on close.

    On a terminal rich wraps at the terminal's width; anywhere else (a pipe, a file, CI logs,
    ``tee``, nohup) lines are not wrapped at all, so a message or a fix's code stays on one line.
    """

    what = "console output"

    def __init__(self, console: Any = None) -> None:
        if console is None:
            console = stderr_console()  # rich's, on stderr, without its exit on a broken pipe
        self.console = console
        self.counts: Counter[str] = Counter()

    def _print(self, text: str, **options: Any) -> None:
        """Print on a line of its own: a tqdm bar on the same stream is cleared first and redrawn after
        (:func:`lossguard.runtime.progress_bars.clear_bars`), so the text does not land in the middle of it."""
        if self.failed is None:
            try:
                with clear_bars(getattr(self.console, "file", None)):
                    self.console.print(text, highlight=False, **options)
            except OSError as exc:
                self._drop(exc, "to the console")

    def note(self, text: str) -> None:
        """Print one plain line (markup is not interpreted)."""
        self._print(text, markup=False, soft_wrap=not self.console.is_terminal)

    def say(self, text: str) -> None:
        """Print one plain line, never wrapped (the start line, the watcher's notes)."""
        self._print(text, markup=False, soft_wrap=True)

    def emit(self, event: Event) -> None:
        self.counts[event.code] += 1
        if self.counts[event.code] > 1 or self.failed is not None:
            return
        from rich.markup import escape

        style = SEVERITY_STYLES.get(event.severity, "")
        self._print(
            f"[{style}]lossguard {event.code} {event.name}[/] ({event.severity}, step {event.step}): "
            f"{escape(event.message)}\n  [bold]fix:[/] {escape(event.fix)}\n"
            f"  details: lossguard explain {event.code}",
            soft_wrap=not self.console.is_terminal,
        )

    def close(self) -> None:
        repeats = {code: n - 1 for code, n in self.counts.items() if n > 1}
        if repeats:
            self.note("lossguard: repeated events not printed again: " + ", ".join(f"{code} x{n}" for code, n in sorted(repeats.items())))


class JsonlSink(_Guarded):
    """Appends one JSON object per event."""

    what = "the JSONL event log"

    def __init__(self, path: str) -> None:
        self.path = path
        self._file: Any = None
        try:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            self._file = open(path, "a", encoding="utf-8")
        except OSError as exc:
            self._drop(exc, path)

    def emit(self, event: Event) -> None:
        if self._file is None:
            return
        try:
            self._file.write(json.dumps(event.to_dict()) + "\n")
            self._file.flush()
        except OSError as exc:
            self._drop(exc, self.path)

    def _release(self) -> None:
        f, self._file = self._file, None
        if f is not None:
            f.close()

    def close(self) -> None:
        try:
            self._release()
        except OSError as exc:
            self._drop(exc, self.path)


def _event_markdown(event: Event) -> str:
    """An event as the text shown under ``lossguard/events``."""
    return f"**{event.code} {event.name}** ({event.severity}, step {event.step})  \n{event.message}  \n*Fix:* {event.fix}"


class TensorBoardSink(_Guarded):
    """TensorBoard scalars, alerts and event texts under ``lossguard/`` tags: one run, a fresh
    sub-directory of ``log_dir`` (:func:`new_run_dir`), holding one event file.

    All scalars of one step are one record. Records are encoded and written on the training
    thread in bursts of ``batch`` steps (and on every event, flush and close) by
    :class:`lossguard.runtime.event_file.EventFile`, which needs no writer thread.
    A ``log_dir`` that cannot be written, or a write that fails (disk full), switches this sink
    off with one warning; training and detection go on.
    """

    what = "TensorBoard logging"

    def __init__(self, log_dir: str, batch: int = 100, label: str | None = None) -> None:
        from torch.utils.tensorboard.summary import custom_scalars, text

        from lossguard.runtime.event_file import EventFile

        self._text = text
        self._batch = batch
        self._queued = 0
        self.log_dir = log_dir
        self.run_dir: str | None = None
        self.file: EventFile | None = None
        try:
            self.run_dir = new_run_dir(log_dir, label)
            self.file = EventFile(self.run_dir)
            self.file.summary(custom_scalars(LAYOUT))
        except OSError as exc:
            self._drop(exc, f"TensorBoard files to {log_dir}")

    def scalars(self, step: int, values: dict[str, float], wall_time: float | None = None) -> None:
        if values and self.file is not None:
            self.file.scalars(step, time.time() if wall_time is None else wall_time, _with_log10(values))
            self._queued += 1
            if self._queued >= self._batch:
                self._drain()

    def _drain(self) -> None:
        self._queued = 0
        if self.file is not None:
            try:
                self.file.write()
            except OSError as exc:
                self._drop(exc, self.file.path)

    def _release(self) -> None:
        f, self.file = self.file, None
        if f is not None:
            f._pending.clear()  # what could not be written is lost; do not retry it on close
            f.close()

    def emit(self, event: Event, level: float | None) -> None:
        if self.file is None:
            return
        self.file.summary(self._text(EVENTS, _event_markdown(event)), event.step)
        self.scalars(event.step, alert_scalars(event, level))
        self._drain()

    def note(self, step: int, text: str) -> None:
        if self.file is not None:
            self.file.summary(self._text(NOTES, text), step)
            self._drain()

    def flush(self) -> None:
        self._drain()

    def close(self) -> None:
        if self.file is not None:
            path = self.file.path
            try:
                self._drain()
                self._release()
            except OSError as exc:
                self._drop(exc, path)


class SummaryWriterSink(_Guarded):
    """The same tags, written through a ``torch.utils.tensorboard.SummaryWriter`` the caller owns
    (``watch(..., writer=w)``), so lossguard's curves land in the user's own run. Each scalar is
    one ``add_scalar`` record; SummaryWriter's thread checksums them in Python, which costs more
    per step than ``log_dir`` (docs/runtime.md). The writer is flushed, never closed: it is the
    caller's."""

    what = "TensorBoard logging through your SummaryWriter"

    def __init__(self, writer: Any) -> None:
        if not all(callable(getattr(writer, name, None)) for name in ("add_scalar", "add_text", "flush")):
            from lossguard.errors import UsageError

            raise UsageError(
                "Argument writer should be a torch.utils.tensorboard.SummaryWriter (or anything with "
                f"add_scalar, add_text and flush), got {type(writer).__name__}"
            )
        self.writer = writer

    def _write(self, action: Callable[[], None]) -> None:
        if self.failed is None:
            try:
                action()
            except OSError as exc:
                self._drop(exc, "to the SummaryWriter")

    def scalars(self, step: int, values: dict[str, float], wall_time: float | None = None) -> None:
        def add() -> None:
            for tag, value in _with_log10(values).items():
                self.writer.add_scalar(tag, value, step, walltime=wall_time)

        self._write(add)

    def emit(self, event: Event, level: float | None) -> None:
        self._write(lambda: self.writer.add_text(EVENTS, _event_markdown(event), event.step))
        self.scalars(event.step, alert_scalars(event, level))
        self._write(self.writer.flush)

    def note(self, step: int, text: str) -> None:
        self._write(lambda: self.writer.add_text(NOTES, text, step))

    def flush(self) -> None:
        self._write(self.writer.flush)

    def close(self) -> None:
        self._write(self.writer.flush)
