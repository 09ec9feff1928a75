"""Machine instructions per training step of the tiny MLP, plain and watched, counted by callgrind.

Wall time on a shared machine moves with its load by more than a per-step cut is worth; the number
of instructions a step executes does not (with ``PYTHONHASHSEED`` fixed, two runs of the same build
give the same count to the instruction). Each loop runs in its own ``valgrind --tool=callgrind``
process: 1,088 steps untimed, then 512 steps counted (collection is switched on only inside
``itertools.starmap``, which runs them), each build reading every ``READ_MOST`` steps (its own
``collect.READ_MOST``: what a fast loop's default cadence is; a read's wait is measured in seconds,
which valgrind stretches fiftyfold, so the cadence is given as ``sync_every``). ``--sync-every N``
makes every build read every N steps (a divisor of 512).

    python bench/runtime_instructions.py [--baseline DIR] [--jobs 2] [--sync-every N]

prints the plain step's instructions, each watched loop's extra instructions per step, and with
``--baseline DIR`` (an older package, ``git archive <commit> lossguard | tar -x -C DIR``) the ratio
of the two extras. Needs valgrind; takes minutes (a run is about 2.5 CPU minutes).

``--parts`` also counts the floor and the watcher with one part switched off after the warm-up, and
prints the breakdown: the **floor** (what a watcher cannot avoid, with empty bodies: a criterion
wrapper's Python call that keeps ``loss.item()``, torch's global optimizer step pre/post hooks and a
post-accumulate-grad hook on the last weight: ``floor_criterion``), the per-step path above it (the
watcher with no gradient measurement and no read in the counted steps, less the floor), the measured
steps (every 8th: the watcher less the watcher without gradient measurement), the reads of the other
steps, TensorBoard (the watcher less one without ``log_dir``) and the detectors (less one whose
step-wise detectors are switched off). Seven callgrind processes more.
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

WARMUP = 1088
COUNTED = 512
# --parts: the watcher with one part switched off after the warm-up (child())
PARTS = ["floor", "nograd", "nograd-noread", "notb", "nodet"]


def floor_criterion(criterion: object, model: object) -> object:
    """What any watcher of this loop must do, with empty bodies (``--parts``' floor): an ``nn.Module``
    whose class ``__call__`` calls the criterion and keeps ``loss.item()``, torch's global optimizer
    step pre- and post-hooks, and a post-accumulate-grad hook on the last weight."""
    import torch.nn as nn
    from torch.optim.optimizer import register_optimizer_step_post_hook, register_optimizer_step_pre_hook

    class Floor(nn.Module):
        def __call__(self, *args: object, **kwargs: object) -> object:
            d = self.__dict__
            loss = d["_c"](*args, **kwargs)
            values = d["_v"]
            values.append(loss.item())
            if len(values) >= 64:
                values.clear()
            return loss

    def nothing(*args: object) -> None:
        return None

    floor = Floor()
    object.__setattr__(floor, "_c", criterion)
    object.__setattr__(floor, "_v", [])
    last = list(model.parameters())[-2]  # type: ignore[attr-defined]  # the last Linear's weight
    object.__setattr__(
        floor,
        "_h",
        [register_optimizer_step_pre_hook(nothing), register_optimizer_step_post_hook(nothing), last.register_post_accumulate_grad_hook(nothing)],
    )
    return floor


def child(variant: str, baseline: str | None, sync_every: int | None) -> None:
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
    if variant == "floor":
        criterion = floor_criterion(criterion, model)
    elif variant != "plain":
        if variant == "baseline":
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            from runtime_overhead import load_baseline

            package = load_baseline(baseline or "")
        else:
            import lossguard as package
        log_dir = None if variant == "notb" else tempfile.mkdtemp(prefix="lossguard-instr-")
        # the fast loop's cadence: the build's own READ_MOST (64 before session 24), unless --sync-every
        collect = importlib.import_module(package.__name__ + ".runtime.collect")
        sync = sync_every or getattr(collect, "READ_MOST", 64)
        criterion = package.watch(model, criterion, log_dir=log_dir, console=False, sync_every=sync)
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
    if "nograd" in variant:  # no gradient measurement in the counted steps
        import lossguard.runtime.optimizer_side as optimizer_side

        optimizer_side.GRAD_EVERY = 10**9
    state = getattr(criterion, "_s", None)
    if "noread" in variant:  # no read in the counted steps
        state.every = state.most = 10**9  # type: ignore[union-attr]
    if variant == "nodet":  # no step-wise detector
        state.active = []  # type: ignore[union-attr]
    list(itertools.starmap(loop, [(COUNTED,)]))


def count(variant: str, baseline: str | None, sync_every: int | None) -> int:
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
    if sync_every:
        cmd += ["--sync-every", str(sync_every)]
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out, encoding="utf-8") as f:
        total = next(int(line.split()[1]) for line in f if line.startswith("totals:"))
    os.unlink(out)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=None, metavar="DIR", help="also count an older lossguard from DIR/lossguard")
    parser.add_argument("--jobs", type=int, default=2, help="callgrind processes at once")
    parser.add_argument("--parts", action="store_true", help="also the floor and the watcher without each part: the breakdown")
    parser.add_argument("--sync-every", type=int, default=None, help="every build's read cadence (default: each build's READ_MOST)")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.baseline, args.sync_every)
        return
    variants = ["plain", "watched"] + (["baseline"] if args.baseline else []) + (PARTS if args.parts else [])
    with ThreadPoolExecutor(args.jobs) as pool:
        totals = dict(zip(variants, pool.map(lambda v: count(v, args.baseline, args.sync_every), variants)))
    plain = totals["plain"] / COUNTED
    cadence = f"sync_every={args.sync_every}" if args.sync_every else "sync_every=READ_MOST of each build"
    print(f"16-32-4 MLP, batch 16, {COUNTED} steps counted after {WARMUP}, {cadence}, PYTHONHASHSEED=0")
    print(f"plain step: {plain:,.0f} instructions")
    extra = {v: totals[v] / COUNTED - plain for v in variants if v != "plain"}
    for v, e in extra.items():
        print(f"{v}: +{e:,.0f} instructions a step ({e / plain:.3f} of a plain step)")
    if args.parts:
        whole = extra["watched"]
        parts = {
            "floor": extra["floor"],
            "per-step path above the floor": extra["nograd-noread"] - extra["floor"],
            "measured steps (every 8th), amortised": whole - extra["nograd"],
            "reads of the other steps": extra["nograd"] - extra["nograd-noread"],
        }
        for name, e in parts.items():
            print(f"  {name}: {e:,.0f} ({e / whole:.1%} of the watcher's)")
        print(f"  of the whole: TensorBoard {whole - extra['notb']:,.0f}, the step-wise detectors {whole - extra['nodet']:,.0f}")
    if "baseline" in extra:
        print(f"watched extra / baseline extra: {extra['watched'] / extra['baseline']:.3f}")


if __name__ == "__main__":
    main()
