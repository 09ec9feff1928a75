"""CPU time of `lossguard check` on one generated file of N and of 2N training functions, and the ratio.

    python bench/large_files.py                          # N = 500 and 1000, this lossguard
    python bench/large_files.py --n 1000 --baseline SRC  # ... and the lossguard in SRC/lossguard, same run

Two shapes: N copies of a small training function (two findings each), and a module-level script of
N training blocks. Each check runs in its own process (`python -m lossguard check --format json`); its
CPU time is the child's user+sys (`RUSAGE_CHILDREN` deltas), so a busy machine slows it less than wall
time. Linear work gives a ratio near 2 (a little less: start-up is paid once); a walk of the whole
module per site gives 4. With ``--baseline`` the older lossguard (a folder holding its ``lossguard``
package, e.g. ``git archive d9bcb710 lossguard | tar -x -C SRC``) runs in the same rounds, and the
findings are compared. Figures: docs/performance.md, "Round 37: the checker's time on large files".
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAD = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"
FUNCTION = """
def train_{i}(model, loader, opt):
    criterion = nn.CrossEntropyLoss()
    for x, y in loader:
        out = model(x)
        p = F.softmax(out, dim=1)
        loss = criterion(p, y)
        loss.backward()
        opt.step()
"""
SCRIPT = """
criterion_{i} = nn.CrossEntropyLoss()
for x, y in loader:
    out = model(x)
    p = F.softmax(out, dim=1)
    loss = criterion_{i}(p, y)
    loss.backward()
    opt.step()
"""
SHAPES = {
    "functions": lambda n: HEAD + "".join(FUNCTION.format(i=i) for i in range(n)),
    "module script": lambda n: (
        HEAD
        + "model = nn.Linear(3, 4)\nopt = torch.optim.SGD(model.parameters(), lr=0.1)\nloader = []\n"
        + "".join(SCRIPT.format(i=i) for i in range(n))
    ),
}


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _check(src: Path, path: Path, timeout: float) -> tuple[float, bytes | None]:
    env = dict(os.environ, PYTHONPATH=str(src))
    before = _cpu()
    try:
        out = subprocess.run(
            [sys.executable, "-m", "lossguard", "check", "--format", "json", str(path)], cwd=src, env=env, capture_output=True, timeout=timeout
        ).stdout
    except subprocess.TimeoutExpired:
        return float("inf"), None
    return _cpu() - before, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=500, help="copies in the smaller file (the larger has twice as many)")
    parser.add_argument("--baseline", type=Path, help="a folder holding an older lossguard package")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per check before giving up")
    args = parser.parse_args()
    copies = {"this": ROOT, **({"baseline": args.baseline.resolve()} if args.baseline else {})}
    with tempfile.TemporaryDirectory() as tmp:
        for shape, make in SHAPES.items():
            for name, src in copies.items():
                times: list[float] = []
                outputs: list[bytes | None] = []
                for n in (args.n, 2 * args.n):
                    path = Path(tmp) / f"train_{n}.py"
                    path.write_text(make(n))
                    t, out = _check(src, path, args.timeout)
                    times.append(t)
                    outputs.append(out)
                    print(f"{shape:14} {name:9} N={n:6d} {len(path.read_bytes()) // 1024:6d} KiB  {t:8.2f} CPU s", flush=True)
                print(f"{shape:14} {name:9} ratio 2N/N: {times[1] / times[0]:.2f}", flush=True)
                if name == "this":
                    mine = outputs
                elif outputs != mine:
                    print(f"{shape:14} findings differ from the baseline's (or it timed out)")
                else:
                    print(f"{shape:14} findings identical to the baseline's")


if __name__ == "__main__":
    main()
