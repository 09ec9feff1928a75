"""Reading lossguard's TensorBoard output back with tensorboard's own reader.

``watch(log_dir=D)`` writes each run into a fresh sub-directory of ``D`` (as SummaryWriter
does), so a test reads the one run that a single watcher made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def runs(log_dir: Any) -> list[Path]:
    """The run directories under ``log_dir``, oldest first."""
    return sorted(p for p in Path(log_dir).iterdir() if p.is_dir())


def run_dir(log_dir: Any) -> str:
    """The only run directory under ``log_dir`` (a test that made one watcher)."""
    found = runs(log_dir)
    assert len(found) == 1, found
    return str(found[0])


def read_run(log_dir: Any) -> Any:
    """An EventAccumulator over the only run in ``log_dir``, loaded in full."""
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    acc = EventAccumulator(run_dir(log_dir), size_guidance={"scalars": 0, "tensors": 0})
    acc.Reload()
    return acc
