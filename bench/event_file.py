"""Per-step cost of writing lossguard's TensorBoard scalars with each available checksum.

One step is one record of 7 scalars (loss, smoothed loss, lr, four gradient-norm groups), written
in bursts of 100 as TensorBoardSink does. Every available CRC32C implementation is timed in the
same process, rounds interleaved; ``--against REV`` also times ``lossguard/runtime/event_file.py``
as it was at git revision REV (e.g. the hand-written encoder before tensorboard's protobufs).

    python bench/event_file.py [--steps 3000] [--rounds 7] [--against REV]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lossguard.runtime import event_file

TAGS = [
    "lossguard/grad_norm/total",
    "lossguard/grad_norm/0_Linear",
    "lossguard/grad_norm/2_Linear",
    "lossguard/grad_norm/4_Linear",
    "lossguard/loss",
    "lossguard/loss_smoothed",
    "lossguard/lr",
]


def old_module(rev: str) -> Any:
    root = Path(__file__).resolve().parents[1]
    source = subprocess.run(["git", "show", f"{rev}:lossguard/runtime/event_file.py"], cwd=root, capture_output=True, text=True, check=True).stdout
    path = Path(tempfile.mkdtemp()) / "event_file_old.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("event_file_old", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def per_step(make: Any, steps: int) -> float:
    f = make(tempfile.mkdtemp(prefix="lossguard-bench-"))
    start = time.perf_counter()
    for i in range(steps):
        f.scalars(i, 1.7e9 + i, {t: 1.0 / (i + 1) for t in TAGS})
        if i % 100 == 99:
            f.write()
    f.close()
    return (time.perf_counter() - start) / steps * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--against", metavar="REV", help="also time event_file.py at this git revision")
    args = parser.parse_args()

    makers: dict[str, Any] = {}
    if args.against:
        makers[f"event_file.py at {args.against}"] = old_module(args.against).EventFile
    for name, checksum in event_file.checksum_implementations().items():

        def make(log_dir: str, checksum: Any = checksum) -> Any:
            f = event_file.EventFile(log_dir)
            f.write = lambda f=f: _write(f, checksum)  # type: ignore[method-assign]
            return f

        makers[f"now, checksum {name}"] = make
    times: dict[str, list[float]] = {name: [] for name in makers}
    for _ in range(args.rounds):
        for name, make in makers.items():
            times[name].append(per_step(make, args.steps))
    base = statistics.median(next(iter(times.values())))
    for name, values in times.items():
        m = statistics.median(values)
        print(f"{name:40s} {m:7.1f} us per step  (x{m / base:.2f}; range {min(values):.1f}-{max(values):.1f})")
    print(f"in use: {event_file._CHECKSUM_NAME}", file=sys.stderr)


def _write(f: Any, checksum: Any) -> None:
    """EventFile.write with a given checksum (the module picks the fastest one at import)."""
    if f._pending:
        records, f._pending = f._pending, []
        f._file.write(b"".join(event_file.frame(r, checksum) for r in records))
        f._file.flush()


if __name__ == "__main__":
    main()
