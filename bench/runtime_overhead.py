"""Per-step cost of the watcher against a plain loop and torch.autograd.detect_anomaly.

Three identical models train side by side in one process, single-threaded, their steps
interleaved (plain, watched, anomaly, plain, ...) so that machine noise hits all three alike.
Reported: median and trimmed-mean step time of each, and ratios against the plain loop of the
same run.

    python bench/runtime_overhead.py [--steps 600] [--batch 128] [--log-dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings

import torch
import torch.nn as nn

import lossguard


def make_model(seed: int) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))


def trimmed_mean(values: list[float], cut: float = 0.1) -> float:
    ordered = sorted(values)
    k = int(len(ordered) * cut)
    kept = ordered[k : len(ordered) - k]
    return sum(kept) / len(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=600)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--log-dir", default=None, help="TensorBoard directory (default: a temporary one)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    warnings.simplefilter("ignore")

    log_dir = args.log_dir or tempfile.mkdtemp(prefix="lossguard-bench-")
    g = torch.Generator().manual_seed(0)
    data = [(torch.randn(args.batch, 784, generator=g), torch.randint(0, 10, (args.batch,), generator=g)) for _ in range(16)]

    runs = {}
    for name in ("plain", "watched", "anomaly"):
        model = make_model(0)
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
        criterion = nn.CrossEntropyLoss()
        if name == "watched":
            criterion = lossguard.watch(model, criterion, log_dir=log_dir, console=False)
        runs[name] = (model, opt, criterion)

    def step(name: str, i: int) -> float:
        model, opt, criterion = runs[name]
        x, y = data[i % len(data)]
        start = time.perf_counter()
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
        return time.perf_counter() - start

    times: dict[str, list[float]] = {name: [] for name in runs}
    order = list(runs)
    for i in range(args.warmup + args.steps):
        for name in order:
            t = step(name, i)
            if i >= args.warmup:
                times[name].append(t)
        order = order[1:] + order[:1]
    runs["watched"][2].close()

    plain_med = statistics.median(times["plain"])
    plain_tm = trimmed_mean(times["plain"])
    print(f"MLP 784-512-512-10, batch {args.batch}, SGD momentum, 1 thread, {args.steps} interleaved steps each")
    print(f"torch {torch.__version__}; watched = lossguard.watch(...) with all default detectors and TensorBoard logging to {log_dir}")
    print(f"{'loop':<10}{'median ms':>12}{'trimmed ms':>12}{'ratio (median)':>16}{'ratio (trimmed)':>17}")
    for name in ("plain", "watched", "anomaly"):
        med, tm = statistics.median(times[name]), trimmed_mean(times[name])
        print(f"{name:<10}{med * 1e3:>12.3f}{tm * 1e3:>12.3f}{med / plain_med:>16.3f}{tm / plain_tm:>17.3f}")
    events = runs["watched"][2].events
    print(f"watched run events: {[str(e) for e in events] or 'none'}")


if __name__ == "__main__":
    main()
