"""The batches of a large check run: how the files are cut, in which order they run, and
what each batch cost.

The batches are consecutive runs of files (their composition decides what cross-file analysis
sees, so it does not depend on the number of workers), run heaviest first: a worker that takes
the next batch when it is free then ends close to the other (longest-processing-time-first
scheduling), instead of one heavy batch left for last running alone while the other cores
idle. A batch's weight is estimated from its files' sizes, read from the file system, not the
files: parsing and interpreting is what a batch costs, and both grow with the text.

``LOSSGUARD_BATCH_LOG=FILE`` appends one JSON line per batch to FILE (the process that ran it,
its files, its CPU seconds and the process's CPU seconds so far, its peak RSS), so that a
benchmark can tell how evenly the batches were spread over the workers: the busiest worker's
CPU time, not the machine's load, is what bounds the wall time of a run on free cores
(``bench/static_speed.py --tree``, docs/performance.md).
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from pathlib import Path

LOG_ENV = "LOSSGUARD_BATCH_LOG"


def _resident_mb() -> float | None:
    """The process's resident memory now, after the batch was freed (Linux), else None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return round(int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, IndexError):
        return None


def cut(files: list[Path], size: int) -> list[list[Path]]:
    """``files`` in consecutive batches of ``size`` (one empty batch for no files)."""
    return [files[i : i + size] for i in range(0, len(files), size)] or [[]]


def heaviest_first(chunks: list[list[Path]], sources: Mapping[Path, str] | None = None) -> list[int]:
    """The order in which to run ``chunks``: their indices, largest estimated cost first (ties:
    file order). ``sources`` holds the text of files that are not on disk as they are checked."""
    weights = [_weight(chunk, sources or {}) for chunk in chunks]
    return sorted(range(len(chunks)), key=lambda i: (-weights[i], i))


def _weight(chunk: list[Path], sources: Mapping[Path, str]) -> int:
    total = 0
    for path in chunk:
        text = sources.get(path)
        if text is not None:
            total += len(text)
            continue
        try:
            total += os.stat(path).st_size
        except OSError:
            pass  # reported when the batch reads it
    return total


class Meter:
    """CPU and wall time of one batch, written to the batch log when it ends (if one is set)."""

    __slots__ = ("_log", "_cpu", "_wall")

    def __init__(self) -> None:
        self._log = os.environ.get(LOG_ENV) or None
        self._cpu = time.process_time()
        self._wall = time.perf_counter()

    def done(self, files: list[Path], analysed: int) -> None:
        if self._log is None:
            return
        import json
        import resource

        cpu = time.process_time()
        record = {
            "pid": os.getpid(),
            "first": str(files[0]) if files else "",
            "files": len(files),
            "analysed": analysed,
            "cpu": round(cpu - self._cpu, 4),
            "process_cpu": round(cpu, 4),
            "wall": round(time.perf_counter() - self._wall, 4),
            "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_now_mb": _resident_mb(),
        }
        with open(self._log, "a", encoding="utf-8") as log:  # one short line per write: appends do not interleave
            log.write(json.dumps(record) + "\n")
