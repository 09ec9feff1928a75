"""The batches of a large check run: how the files are cut, and what each batch cost.

``LOSSGUARD_BATCH_LOG=FILE`` appends one JSON line per batch to FILE (the process that ran it,
its files, its CPU seconds and the process's CPU seconds so far, its peak RSS), so that a
benchmark can tell how evenly the batches were spread over the workers: the busiest worker's
CPU time, not the machine's load, is what bounds the wall time of a run on free cores
(``bench/static_speed.py --tree``, docs/performance.md).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

LOG_ENV = "LOSSGUARD_BATCH_LOG"


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
        }
        with open(self._log, "a", encoding="utf-8") as log:  # one short line per write: appends do not interleave
            log.write(json.dumps(record) + "\n")
