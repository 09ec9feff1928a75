"""Machine instructions per training step of the tiny MLP, plain and watched, counted by callgrind.

Wall time on a shared machine moves with its load by more than a per-step cut is worth; the number
of instructions a step executes does not (with ``PYTHONHASHSEED`` fixed, two runs of the same build
give the same count to the instruction). Each loop runs in its own ``valgrind --tool=callgrind``
process: 1,088 steps untimed, then 512 steps counted (collection is switched on only inside
``itertools.starmap``, which runs them), with ``sync_every=64`` so that every build reads at the
same steps (a read's wait is measured in seconds, which valgrind stretches fiftyfold).

    python bench/runtime_instructions.py [--baseline DIR] [--jobs 2]

prints the plain step's instructions, each watched loop's extra instructions per step, and with
``--baseline DIR`` (an older package, ``git archive <commit> lossguard | tar -x -C DIR``) the ratio
of the two extras. Needs valgrind; takes minutes (a run is about 2.5 CPU minutes).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

WARMUP = 1088
COUNTED = 512


def child(variant: str, baseline: str | None) -> None:
    """One loop, run under callgrind by main()."""
    import itertools
    import warnings

    import torch
    import torch.nn as nn

    torch.set_num_threads(1)
    warnings.simplefilter("ignore")
    g = torch.Generator().manual_seed(0)
    data = [(torch.randn(16, 16, generator=g), torch.randint(0, 4, (16,), generator=g)) for _ in range(16)]
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    criterion: object = nn.CrossEntropyLoss()
    if variant != "plain":
        if variant == "baseline":
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            from runtime_overhead import load_baseline

            package = load_baseline(baseline or "")
        else:
            import lossguard as package
        criterion = package.watch(model, criterion, log_dir=tempfile.mkdtemp(prefix="lossguard-instr-"), console=False, sync_every=64)
    done = 0

    def loop(n: int) -> None:
        nonlocal done
        for _ in range(n):
            x, y = data[done % len(data)]
            done += 1
            opt.zero_grad()
            loss = criterion(model(x), y)  # type: ignore[operator]
            loss.backward()
            opt.step()

    loop(WARMUP)
    list(itertools.starmap(loop, [(COUNTED,)]))


def count(variant: str, baseline: str | None) -> int:
    """Instructions counted in ``variant``'s 512 steps."""
    out = tempfile.mktemp(prefix=f"callgrind-{variant}-")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    cmd = [
        "valgrind",
        "--tool=callgrind",
        "--collect-atstart=no",
        "--toggle-collect=starmap_next",
        f"--callgrind-out-file={out}",
        sys.executable,
        os.path.abspath(__file__),
        "--child",
        variant,
    ]
    if baseline:
        cmd += ["--baseline", baseline]
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out, encoding="utf-8") as f:
        total = next(int(line.split()[1]) for line in f if line.startswith("totals:"))
    os.unlink(out)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=None, metavar="DIR", help="also count an older lossguard from DIR/lossguard")
    parser.add_argument("--jobs", type=int, default=2, help="callgrind processes at once")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.baseline)
        return
    variants = ["plain", "watched"] + (["baseline"] if args.baseline else [])
    with ThreadPoolExecutor(args.jobs) as pool:
        totals = dict(zip(variants, pool.map(lambda v: count(v, args.baseline), variants)))
    plain = totals["plain"] / COUNTED
    print(f"16-32-4 MLP, batch 16, {COUNTED} steps counted after {WARMUP}, sync_every=64, PYTHONHASHSEED=0")
    print(f"plain step: {plain:,.0f} instructions")
    extra = {v: totals[v] / COUNTED - plain for v in variants if v != "plain"}
    for v, e in extra.items():
        print(f"{v}: +{e:,.0f} instructions a step ({e / plain:.3f} of a plain step)")
    if "baseline" in extra:
        print(f"watched extra / baseline extra: {extra['watched'] / extra['baseline']:.3f}")


if __name__ == "__main__":
    main()
