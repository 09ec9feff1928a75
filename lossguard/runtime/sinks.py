"""Where events and statistics go: the console (rich, once per kind), a JSONL file, TensorBoard."""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from typing import Any, Optional

from lossguard.runtime.events import SEVERITY_RANK, Event

_STYLE = {"info": "cyan", "warning": "yellow", "error": "bold red"}


class ConsoleSink:
    """Prints the first event of each code; later ones are counted and summarised on close."""

    def __init__(self, console: Any = None) -> None:
        if console is None:
            from rich.console import Console

            console = Console(stderr=True)
        self.console = console
        self.counts: Counter[str] = Counter()

    def emit(self, event: Event) -> None:
        self.counts[event.code] += 1
        if self.counts[event.code] > 1:
            return
        from rich.markup import escape

        style = _STYLE.get(event.severity, "")
        self.console.print(
            f"[{style}]lossguard {event.code} {event.name}[/] ({event.severity}, step {event.step}): "
            f"{escape(event.message)}\n  [bold]fix:[/] {escape(event.fix)}\n"
            f"  details: lossguard explain {event.code}",
            highlight=False,
        )

    def close(self) -> None:
        repeats = {code: n - 1 for code, n in self.counts.items() if n > 1}
        if repeats:
            text = ", ".join(f"{code} x{n}" for code, n in sorted(repeats.items()))
            self.console.print(f"lossguard: repeated events not printed again: {text}", highlight=False)


class JsonlSink:
    """Appends one JSON object per event."""

    def __init__(self, path: str) -> None:
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        self._file = open(path, "a", encoding="utf-8")

    def emit(self, event: Event) -> None:
        self._file.write(json.dumps(event.to_dict()) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


def _event_markdown(event: Event) -> str:
    """An event as the text shown under ``lossguard/events``."""
    return f"**{event.code} {event.name}** ({event.severity}, step {event.step})  \n{event.message}  \n*Fix:* {event.fix}"


def _alert_scalars(event: Event, level: Optional[float]) -> dict[str, float]:
    """The alert marker (at ``level``, the loss, so it sits on the curve) and the per-code severity."""
    severity = float(SEVERITY_RANK[event.severity])
    return {
        "lossguard/alert": level if level is not None else severity,
        f"lossguard/alerts/{event.code}-{event.name}": severity,
    }


class TensorBoardSink:
    """TensorBoard scalars, alerts and event texts under ``lossguard/`` tags, in one event file.

    All scalars of one step are one record. Records are encoded and written on the training
    thread in bursts of ``batch`` steps (and on every event, flush and close) by
    :class:`lossguard.runtime.event_file.EventFile`, which needs no writer thread: about 3 us per
    step, where SummaryWriter's thread spent 30-80 us per record on its pure-Python checksum.
    """

    def __init__(self, log_dir: str, batch: int = 100) -> None:
        from torch.utils.tensorboard.summary import custom_scalars, text

        from lossguard.runtime.event_file import EventFile

        self._text = text
        self.file = EventFile(log_dir)
        self.file.summary(
            custom_scalars(
                {
                    "lossguard": {
                        "loss with alerts": ["Multiline", ["lossguard/loss$", "lossguard/loss_smoothed", "lossguard/alert"]],
                        "gradient norms": ["Multiline", [r"lossguard/grad_norm/.*"]],
                    }
                }
            )
        )
        self._batch = batch
        self._queued = 0

    def scalars(self, step: int, values: dict[str, float], wall_time: Optional[float] = None) -> None:
        if values:
            self.file.scalars(step, time.time() if wall_time is None else wall_time, values)
            self._queued += 1
            if self._queued >= self._batch:
                self._drain()

    def _drain(self) -> None:
        self._queued = 0
        self.file.write()

    def emit(self, event: Event, level: Optional[float]) -> None:
        self.file.summary(self._text("lossguard/events", _event_markdown(event)), event.step)
        self.scalars(event.step, _alert_scalars(event, level))
        self._drain()

    def flush(self) -> None:
        self._drain()

    def close(self) -> None:
        self.file.close()


class SummaryWriterSink:
    """The same tags, written through a ``torch.utils.tensorboard.SummaryWriter`` the caller owns
    (``watch(..., writer=w)``), so lossguard's curves land in the user's own run. Each scalar is
    one ``add_scalar`` record; SummaryWriter's thread checksums them in Python, which costs more
    per step than ``log_dir`` (docs/runtime.md). The writer is flushed, never closed: it is the
    caller's."""

    def __init__(self, writer: Any) -> None:
        if not all(callable(getattr(writer, name, None)) for name in ("add_scalar", "add_text", "flush")):
            from lossguard.errors import UsageError

            raise UsageError(
                "Argument writer should be a torch.utils.tensorboard.SummaryWriter (or anything with "
                f"add_scalar, add_text and flush), got {type(writer).__name__}"
            )
        self.writer = writer

    def scalars(self, step: int, values: dict[str, float], wall_time: Optional[float] = None) -> None:
        for tag, value in values.items():
            self.writer.add_scalar(tag, value, step, walltime=wall_time)

    def emit(self, event: Event, level: Optional[float]) -> None:
        self.writer.add_text("lossguard/events", _event_markdown(event), event.step)
        self.scalars(event.step, _alert_scalars(event, level))
        self.writer.flush()

    def flush(self) -> None:
        self.writer.flush()

    def close(self) -> None:
        self.writer.flush()
