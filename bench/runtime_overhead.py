"""Per-step cost of the watcher against a plain loop and torch.autograd.detect_anomaly.

Identical models train side by side in one process, single-threaded: each loop runs ``--run``
consecutive steps (256, the watcher's longest read interval), then the next, in a fresh random order every time, so that machine noise
hits all loops alike while each loop's code runs after its own previous step, as in training.
The watched loop has every default detector and TensorBoard logging on. Reported per block of
``--steps`` rounds (after ``--warmup`` rounds): median and trimmed-mean step time of each loop,
their ratios against the plain loop of the same block, and the median of the paired ratios
(each watched step over the plain step of the same round index, which also cancels slow drifts
of the machine's load). With ``--repeats`` > 1 the blocks follow each other in the same process
and the summary gives the median and the range over blocks.

    python bench/runtime_overhead.py [--steps 768] [--repeats 3] [--batch 128] [--log-dir DIR]
    python bench/runtime_overhead.py --tiny [--steps 3840]
    python bench/runtime_overhead.py --tiny --baseline /tmp/perf_base

``--baseline DIR`` adds a loop watched by an older lossguard (``DIR/lossguard``, e.g.
``git archive <commit> lossguard | tar -x -C DIR``), imported under another name, so that old and
new are measured in the same process against the same plain loop.

``--tiny`` trains a 16-32-4 MLP with batch 16, where the watcher's fixed per-step cost shows:
it also prints the overhead in microseconds per step, as a trimmed-mean difference (which drops
most read steps) and amortised over runs of ``--run`` consecutive steps, each against the plain
loop's run of the same round, so that every read counts (the target's figure: at most 50 us).

``--phases`` (with ``--sync-every 8``, so that the reads keep to the 8-step cycle: by default a
fast loop is read every 256 steps) also times the five parts of each step (zero_grad, forward, criterion, backward,
optimizer step) and prints, for each phase of the watcher's 8-step cycle, the median extra time
of each part over the plain loop: where the watcher's cost lands (the read at the 8th step, the
gradient norms at the 1st, the Python of every call) and how much of it is the model's own torch
code running slower after the watcher's (a part the watcher adds nothing to, such as the forward).
"""

import argparse
import importlib
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from typing import Any

import torch
import torch.nn as nn

import lossguard
from lossguard.runtime.collect import READ_MOST


def make_model(seed: int, tiny: bool = False) -> nn.Module:
    torch.manual_seed(seed)
    if tiny:
        return nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4))
    return nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))


def load_baseline(directory: str) -> Any:
    """The ``lossguard`` package found in ``directory``, imported as ``lossguard_baseline``."""
    source = os.path.join(directory, "lossguard")
    if not os.path.isdir(source):
        raise SystemExit(f"--baseline: {source} is not a directory (unpack one with `git archive <commit> lossguard | tar -x -C {directory}`)")
    root = tempfile.mkdtemp(prefix="lossguard-baseline-")
    target = os.path.join(root, "lossguard_baseline")
    shutil.copytree(source, target)
    pattern = re.compile(r"\b(from|import) lossguard\b")
    for folder, _, files in os.walk(target):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(pattern.sub(r"\1 lossguard_baseline", text))
    sys.path.insert(0, root)
    return importlib.import_module("lossguard_baseline")


# The watcher's cycle: it reads, measures gradients and (after 1,024 steps) writes TensorBoard
# records every 8th step on the CPU.
CYCLE = 8


def run_extra(times: list[float], plain: list[float], run: int) -> float:
    """Amortised extra per step: for each run of ``run`` consecutive steps, the run's total minus
    the plain loop's run of the same round, over ``run``; the trimmed mean of those over the block.
    A run is as long as the watcher's longest read interval (collect.READ_MOST: 256 steps), so each
    run carries its share of reads whether they come every 8 steps or every 256, and a load burst
    that hits one run is trimmed away (a shorter run would leave most runs without a read, and the
    trimmed mean would drop reads)."""
    n = min(len(times), len(plain)) // run
    extras = [(sum(times[k * run : (k + 1) * run]) - sum(plain[k * run : (k + 1) * run])) / run for k in range(n)]
    return trimmed_mean(extras)


def trimmed_mean(values: list[float], cut: float = 0.1) -> float:
    ordered = sorted(values)
    k = int(len(ordered) * cut)
    kept = ordered[k : len(ordered) - k]
    return sum(kept) / len(kept)


PARTS = ("zero_grad", "forward", "criterion", "backward", "opt.step")


def print_phases(parts: dict[str, list[tuple[float, ...]]], watchers: list[str]) -> None:
    """Per phase of the watcher's cycle, the median time of each part of a step in the plain loop
    and the extra of each watched loop over it (us). Every loop's steps are numbered from its
    first step, so phase k is the same step of the cycle in every loop."""
    plain = parts["plain"]
    for name in watchers:
        print(f"{name}: median extra per part of the step over the plain loop, us (plain's own time in brackets)")
        print(f"  {'phase':<7}" + "".join(f"{p:>20}" for p in PARTS) + f"{'step':>10}")
        total = 0.0
        for phase in range(CYCLE):
            mine = parts[name][phase::CYCLE]
            base = plain[phase::CYCLE]
            cells, extra = [], 0.0
            for k in range(len(PARTS)):
                p = statistics.median(t[k] for t in base) * 1e6
                w = statistics.median(t[k] for t in mine) * 1e6
                extra += w - p
                cells.append(f"{w - p:+8.1f} [{p:7.1f}]")
            total += extra
            print(f"  {phase:<7}" + "".join(f"{c:>20}" for c in cells) + f"{extra:+10.1f}")
        print(f"  sum of the parts' extras over the cycle, per step: {total / CYCLE:.1f} us")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=768, help="rounds per block (a multiple of --run)")
    parser.add_argument("--repeats", type=int, default=3, help="blocks, one after the other")
    parser.add_argument("--warmup", type=int, default=READ_MOST)
    parser.add_argument(
        "--run",
        type=int,
        default=READ_MOST,
        help=f"consecutive steps of one loop before the next (a multiple of 8; default {READ_MOST}, the longest read interval)",
    )
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--log-dir", default=None, help="TensorBoard directory (default: a temporary one)")
    parser.add_argument("--tiny", action="store_true", help="16-32-4 MLP, batch 16: the fixed per-step cost")
    parser.add_argument("--baseline", default=None, metavar="DIR", help="also run an older lossguard from DIR/lossguard")
    parser.add_argument("--phases", action="store_true", help="time the parts of each step, per phase of the 8-step cycle")
    parser.add_argument(
        "--sync-every", type=int, default=None, help="the watchers' sync_every (default: theirs; 8 keeps --phases' cycle the reads' cycle)"
    )
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall: time.perf_counter; cpu: this thread's CPU time (time.thread_time), which leaves out the time other processes hold the core: for A/B comparisons on a loaded machine",
    )
    parser.add_argument(
        "--data",
        choices=("noise", "learnable"),
        default="noise",
        help="noise: random targets (the loss stays at chance, the detectors' costliest case; the figures on record); learnable: targets a linear map of the inputs decides (the loss falls)",
    )
    args = parser.parse_args()
    if args.tiny:
        args.batch = 16 if args.batch == 128 else args.batch
    dim, classes = (16, 4) if args.tiny else (784, 10)
    torch.set_num_threads(1)
    warnings.simplefilter("ignore")

    log_dir = args.log_dir or tempfile.mkdtemp(prefix="lossguard-bench-")
    g = torch.Generator().manual_seed(0)
    if args.data == "learnable":
        # targets a linear map of the inputs decides: the loss falls, as in healthy training
        teacher = torch.randn(dim, classes, generator=g)
        xs = [torch.randn(args.batch, dim, generator=g) for _ in range(16)]
        data = [(x, (x @ teacher).argmax(1)) for x in xs]
    else:
        # random targets: the loss stays at chance, the costliest case for the plateau and oscillation detectors
        data = [(torch.randn(args.batch, dim, generator=g), torch.randint(0, classes, (args.batch,), generator=g)) for _ in range(16)]

    baseline = load_baseline(args.baseline) if args.baseline else None
    loops = ("plain", "watched", "baseline", "anomaly") if baseline is not None else ("plain", "watched", "anomaly")
    runs = {}
    for name in loops:
        model = make_model(0, args.tiny)
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
        criterion = nn.CrossEntropyLoss()
        if name == "watched":
            criterion = lossguard.watch(model, criterion, log_dir=log_dir, console=False, sync_every=args.sync_every)
        elif name == "baseline":
            criterion = baseline.watch(
                model, criterion, log_dir=tempfile.mkdtemp(prefix="lossguard-bench-"), console=False, sync_every=args.sync_every
            )
        runs[name] = (model, opt, criterion)

    split: dict[str, list[tuple[float, ...]]] = {name: [] for name in runs}
    clock = time.thread_time if args.clock == "cpu" else time.perf_counter

    def step(name: str, i: int) -> float:
        model, opt, criterion = runs[name]
        x, y = data[i % len(data)]
        if args.phases and name != "anomaly":
            t0 = clock()
            opt.zero_grad()
            t1 = clock()
            out = model(x)
            t2 = clock()
            loss = criterion(out, y)
            t3 = clock()
            loss.backward()
            t4 = clock()
            opt.step()
            t5 = clock()
            split[name].append((t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4))
            return t5 - t0
        start = clock()
        if name == "anomaly":
            with torch.autograd.detect_anomaly(check_nan=True):
                opt.zero_grad()
                loss = criterion(model(x), y)
                loss.backward()
                opt.step()
        else:
            opt.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            opt.step()
        return clock() - start

    # Each loop runs --run consecutive steps, as in training, where the watcher's code runs after
    # the same model's steps every time; then the next loop, in a fresh random order each time.
    # Alternating single steps in one rotating order kept every loop behind the same neighbour,
    # whose code had just warmed (or cooled) the caches: the second of two loops watched by the
    # same code measured 20 us a step less than the first, every run.
    rng = random.Random(0)
    order = list(runs)
    i = 0

    def rounds(n: int, record: dict[str, list[float]] | None) -> None:
        nonlocal i
        for _ in range(0, n, args.run):
            for name in order:
                for j in range(args.run):
                    t = step(name, i + j)
                    if record is not None:
                        record[name].append(t)
            rng.shuffle(order)
            i += args.run

    rounds(args.warmup, None)
    for kept in split.values():
        kept.clear()

    shape = "16-32-4" if args.tiny else "784-512-512-10"
    print(
        f"MLP {shape}, batch {args.batch}, SGD momentum, 1 thread, {args.repeats} block(s) of {args.steps} steps each, in runs of {args.run} consecutive steps per loop"
    )
    print(f"data: {args.data}")
    print(f"clock: {'this thread CPU time (time.thread_time)' if args.clock == 'cpu' else 'wall (time.perf_counter)'}")
    print(f"torch {torch.__version__}; watched = lossguard.watch(...) with all default detectors and TensorBoard logging to {log_dir}")
    if baseline is not None:
        print(f"baseline = the same, by the lossguard in {args.baseline}; load average {os.getloadavg()[0]:.2f} at the start")
    print(f"{'block':<7}{'loop':<10}{'median ms':>11}{'trimmed ms':>12}{'ratio (median)':>16}{'ratio (trimmed)':>17}{'paired ratio':>14}")
    watchers = [name for name in loops if name not in ("plain", "anomaly")]
    summary: dict[str, dict[str, list[float]]] = {name: {"median": [], "trimmed": [], "paired": []} for name in loops if name != "plain"}
    extra_us: dict[str, list[float]] = {name: [] for name in watchers}
    amortised_us: dict[str, list[float]] = {name: [] for name in watchers}
    for block in range(args.repeats):
        times: dict[str, list[float]] = {name: [] for name in runs}
        rounds(args.steps, times)
        plain_med = statistics.median(times["plain"])
        plain_tm = trimmed_mean(times["plain"])
        for name in loops:
            med, tm = statistics.median(times[name]), trimmed_mean(times[name])
            paired = statistics.median(w / p for w, p in zip(times[name], times["plain"]))
            print(f"{block + 1:<7}{name:<10}{med * 1e3:>11.3f}{tm * 1e3:>12.3f}{med / plain_med:>16.3f}{tm / plain_tm:>17.3f}{paired:>14.3f}")
            if name in extra_us:
                extra_us[name].append((tm - plain_tm) * 1e6)
                # amortised: every step counts, the reads' included (a trimmed mean of single steps
                # drops them with the slowest tenth); a load burst on one run does not
                amortised_us[name].append(run_extra(times[name], times["plain"], args.run) * 1e6)
            if name != "plain":
                summary[name]["median"].append(med / plain_med)
                summary[name]["trimmed"].append(tm / plain_tm)
                summary[name]["paired"].append(paired)
    for name in watchers:
        runs[name][2].close()
    print("over blocks: median [min, max] of each ratio")
    for name, ratios in summary.items():
        parts = [f"{key} {statistics.median(v):.3f} [{min(v):.3f}, {max(v):.3f}]" for key, v in ratios.items()]
        print(f"  {name:<9}" + "; ".join(parts))
    for name, extra in extra_us.items():
        print(f"  {name} overhead per step (trimmed means): {statistics.median(extra):.1f} us [{min(extra):.1f}, {max(extra):.1f}]")
    for name, extra in amortised_us.items():
        if extra:
            print(
                f"  {name} overhead per step, amortised (each run of {args.run} steps against the plain loop's run of the same round, trimmed mean over runs; the target's figure): "
                f"{statistics.median(extra):.1f} us [{min(extra):.1f}, {max(extra):.1f}]"
            )
    if args.phases:
        print_phases(split, watchers)
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    events = runs["watched"][2].events
    print(f"watched run events: {[str(e) for e in events] or 'none'}")


if __name__ == "__main__":
    main()
