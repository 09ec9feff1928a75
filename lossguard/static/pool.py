"""Batches of a large check run in worker processes, as ruff does.

Workers are forked, so they inherit the run's settings (``_JOB``), including callables that
cannot be pickled (how paths are displayed, how notebook lines are named). Each batch comes
back as plain data (findings with their fix edits already computed) and the engine merges the
batches in file order, so the result does not depend on how many workers ran.

A worker that dies (a crash in native code, the out-of-memory killer) must not lose the other
files' findings: each batch it left unfinished is checked again in a fresh process, split in halves
while its process dies, so that only the file whose process dies is reported (as an internal
error of that file) and every other file is still checked.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from lossguard.static.finding import FileError

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.engine import _Batch, _Job

CRASH_ENV = "LOSSGUARD_CRASH_ON"  # tests: a worker that reaches a file of this name dies (os._exit)

_JOB: _Job | None = None


def available() -> bool:
    """Whether workers can be forked here (not on Windows or where fork is unavailable)."""
    return "fork" in multiprocessing.get_all_start_methods()


def run_batches(chunks: list[list[Path]], order: list[int], job: _Job, workers: int) -> list[_Batch]:
    """Every chunk checked as one batch, in ``workers`` processes, started in ``order`` (a free
    worker takes the next); results in chunk order."""
    from lossguard.static.engine import check_batch

    if not available():
        done = {i: check_batch(chunks[i], job) for i in order}
        return [done[i] for i in range(len(chunks))]
    global _JOB
    _JOB = job
    results: dict[int, _Batch] = {}
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures: dict[int, Future[_Batch]] = {i: pool.submit(_work, chunks[i]) for i in order}
            for i, fut in futures.items():
                try:
                    results[i] = fut.result()
                except BrokenProcessPool:
                    break
        for i, chunk in enumerate(chunks):
            if i not in results:
                results[i] = _isolate(chunk, job)
    finally:
        _JOB = None
    return [results[i] for i in range(len(chunks))]


def _work(chunk: list[Path]) -> _Batch:
    from lossguard.static.engine import check_batch

    assert _JOB is not None  # set by run_batches before the fork
    crash = os.environ.get(CRASH_ENV)
    if crash and any(p.name == crash for p in chunk):
        os._exit(70)
    return check_batch(chunk, _JOB, portable=True)


def _isolate(chunk: list[Path], job: _Job) -> _Batch:
    """A chunk whose worker died, checked again in fresh processes: halves, then quarters and so
    on down to the file whose process dies, which is reported as an internal error of its own."""
    from lossguard.static.engine import _Batch

    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            return pool.submit(_work, chunk).result()
    except BrokenProcessPool:
        pass
    out = _Batch()
    if len(chunk) == 1:
        out.files_checked = 1
        out.errors.append(FileError(job.display(chunk[0]), "internal error: the process checking this file crashed; please report it"))
        return out
    half = len(chunk) // 2
    for part in (_isolate(chunk[:half], job), _isolate(chunk[half:], job)):
        out.found += part.found
        out.errors += part.errors
        out.checked.update(part.checked)
        out.skipped |= part.skipped
        out.files_checked += part.files_checked
        for p, messages in part.internal.items():
            out.internal[p] |= messages
    return out
