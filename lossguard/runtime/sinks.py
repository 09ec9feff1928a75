"""Where events and statistics go: the console (rich, once per kind), a JSONL file, TensorBoard."""

from __future__ import annotations

import json
import os
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


class TensorBoardSink:
    """Writes through torch.utils.tensorboard.SummaryWriter under ``lossguard/`` tags.

    All scalars of one step go out as one summary (one event record): SummaryWriter.add_scalar
    costs about 0.1 ms per call, too much to log a dozen values every step. Summaries are handed
    to the writer's background thread in bursts of ``batch`` steps (and on every event, flush and
    close): each hand-over wakes that thread, which then competes with training for the GIL.
    """

    def __init__(self, log_dir: str, batch: int = 100) -> None:
        from tensorboard.compat.proto.summary_pb2 import Summary
        from torch.utils.tensorboard import SummaryWriter

        self._summary = Summary
        # a queue long enough for a whole batch of records: add_summary never waits for the writer thread
        self.writer = SummaryWriter(log_dir=log_dir, max_queue=4 * batch)
        self.writer.add_custom_scalars(
            {
                "lossguard": {
                    "loss with alerts": ["Multiline", ["lossguard/loss$", "lossguard/loss_smoothed", "lossguard/alert"]],
                    "gradient norms": ["Multiline", [r"lossguard/grad_norm/.*"]],
                }
            }
        )
        self._file_writer = self.writer._get_file_writer()
        self._batch = batch
        self._buffer: list[tuple[int, dict[str, float]]] = []

    def scalars(self, step: int, values: dict[str, float]) -> None:
        if values:
            self._buffer.append((step, values))
            if len(self._buffer) >= self._batch:
                self._drain()

    def _drain(self) -> None:
        buffer, self._buffer = self._buffer, []
        Value = self._summary.Value
        for step, values in buffer:
            summary = self._summary(value=[Value(tag=tag, simple_value=float(v)) for tag, v in values.items()])
            self._file_writer.add_summary(summary, step)

    def emit(self, event: Event, level: Optional[float]) -> None:
        self._drain()
        self.writer.add_text(
            "lossguard/events",
            f"**{event.code} {event.name}** ({event.severity}, step {event.step})  \n{event.message}  \n*Fix:* {event.fix}",
            event.step,
        )
        values = {
            "lossguard/alert": level if level is not None else float(SEVERITY_RANK[event.severity]),
            f"lossguard/alerts/{event.code}-{event.name}": float(SEVERITY_RANK[event.severity]),
        }
        self.scalars(event.step, values)
        self._drain()

    def flush(self) -> None:
        self._drain()
        self.writer.flush()

    def close(self) -> None:
        self._drain()
        self.writer.close()
