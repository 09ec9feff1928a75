"""The watcher's per-step work counted, not timed: Python calls and torch ops per step.

Timings on a shared machine are noisy; counts are not. For a plain loop and a watched one
(same model, same data, the defaults of ``lossguard.watch`` with TensorBoard logging on) this
prints, per training step averaged over ``--steps`` steps after ``--warmup``:

* ``lossguard calls``: Python function calls whose code lives in the ``lossguard`` package, plus
  the C functions (builtins, torch bindings) called from such code (``sys.setprofile``);
* ``python calls``: every Python and C call made during the step (the watcher's share is the
  difference against the plain loop: it includes torch's Python wrappers the watcher calls);
* ``torch ops``: aten operators dispatched during the step (a ``TorchDispatchMode`` that counts),
  forward, backward and optimizer together; the watcher's share is the difference.

It also prints the same counts split into the "every step" part and the "read step" part
(a read brings ``read_every`` steps to the host at once), so a regression on the per-call
path shows at once. Counts depend on the torch version, not on the machine's load.

    python bench/runtime_calls.py [--steps 256] [--tiny | --mlp] [--package-dir DIR]

``--package-dir`` imports ``lossguard`` from another checkout (an older commit unpacked with
``git archive``), to compare before/after.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=256, help="counted steps (a multiple of 16 keeps read steps whole)")
    parser.add_argument("--warmup", type=int, default=64, help="steps before counting (the watcher checks more in its first steps)")
    parser.add_argument("--mlp", action="store_true", help="784-512-512-10 MLP, batch 128 (default: 16-32-4, batch 16)")
    parser.add_argument("--package-dir", default=None, help="import lossguard from this directory instead")
    parser.add_argument("--no-log-dir", action="store_true", help="watch without TensorBoard logging")
    args = parser.parse_args()
    if args.package_dir:
        sys.path.insert(0, os.path.abspath(args.package_dir))

    import torch
    import torch.nn as nn
    from torch.utils._python_dispatch import TorchDispatchMode

    import lossguard

    pkg_dir = os.path.dirname(os.path.abspath(lossguard.__file__)) + os.sep
    torch.set_num_threads(1)
    warnings.simplefilter("ignore")
    dim, hidden, classes, batch = (784, 512, 10, 128) if args.mlp else (16, 32, 4, 16)

    def make_model() -> nn.Module:
        torch.manual_seed(0)
        if args.mlp:
            return nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, classes))
        return nn.Sequential(nn.Linear(dim, 32), nn.ReLU(), nn.Linear(32, classes))

    g = torch.Generator().manual_seed(0)
    data = [(torch.randn(batch, dim, generator=g), torch.randint(0, classes, (batch,), generator=g)) for _ in range(16)]

    class OpCounter(TorchDispatchMode):
        def __init__(self) -> None:
            super().__init__()
            self.ops: Counter[str] = Counter()

        def __torch_dispatch__(self, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
            self.ops[str(func.overloadpacket.__name__)] += 1
            return func(*args, **(kwargs or {}))

    class CallCounter:
        def __init__(self) -> None:
            self.ours = 0
            self.total = 0
            self.names: Counter[str] = Counter()
            self.modules: Counter[str] = Counter()

        def __call__(self, frame: Any, event: str, arg: Any) -> None:
            if event == "call":
                self.total += 1
                if frame.f_code.co_filename.startswith(pkg_dir):
                    self.ours += 1
                    self.names[f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_code.co_name}"] += 1
                    self.modules[os.path.relpath(frame.f_code.co_filename, pkg_dir)] += 1
            elif event == "c_call":
                self.total += 1
                if frame.f_code.co_filename.startswith(pkg_dir):
                    self.ours += 1
                    self.modules[os.path.relpath(frame.f_code.co_filename, pkg_dir)] += 1
                    self.names[f"C {getattr(arg, '__qualname__', getattr(arg, '__name__', '?'))}"] += 1

    def training(watched: bool) -> tuple[Callable[[int], None], Any]:
        """A fresh model, optimizer and loss (watched or not), and the function that runs step ``i``."""
        model = make_model()
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
        criterion: Any = nn.CrossEntropyLoss()
        log_dir = None if args.no_log_dir else tempfile.mkdtemp(prefix="lossguard-calls-")
        if watched:
            criterion = lossguard.watch(model, criterion, log_dir=log_dir, console=False)

        def step(i: int) -> None:
            x, y = data[i % len(data)]
            opt.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            opt.step()

        return step, criterion

    def run(watched: bool) -> dict[str, Any]:
        step, _ = training(watched)
        for i in range(args.warmup):
            step(i)
        calls = CallCounter()
        per_step: list[tuple[int, int]] = []
        # calls first, then (same steps of a second, identical run) ops: the dispatch mode runs
        # Python code for every op, which would count as calls
        for i in range(args.warmup, args.warmup + args.steps):
            before = (calls.ours, calls.total)
            sys.setprofile(calls)
            try:
                step(i)
            finally:
                sys.setprofile(None)
            per_step.append((calls.ours - before[0], calls.total - before[1]))
        return {"per_step": per_step, "names": calls.names, "modules": calls.modules, "ops": count_ops(watched)}

    def count_ops(watched: bool) -> tuple[list[int], Counter[str]]:
        step, criterion = training(watched)
        per_step: list[int] = []
        total: Counter[str] = Counter()
        for i in range(args.warmup + args.steps):
            with OpCounter() as counter:
                step(i)
            if i >= args.warmup:
                per_step.append(sum(counter.ops.values()))
                total.update(counter.ops)
        if watched:
            criterion.close()
        return per_step, total

    plain, watched = run(False), run(True)
    n = args.steps
    shape = "784-512-512-10, batch 128" if args.mlp else "16-32-4, batch 16"
    print(f"MLP {shape}; torch {torch.__version__}; lossguard from {pkg_dir}; {n} steps after {args.warmup}")
    print(f"{'loop':<10}{'lossguard calls':>17}{'python calls':>14}{'torch ops':>11}   (per step, mean)")
    for name, res in (("plain", plain), ("watched", watched)):
        ours = sum(s[0] for s in res["per_step"]) / n
        total = sum(s[1] for s in res["per_step"]) / n
        ops = sum(res["ops"][0]) / n
        print(f"{name:<10}{ours:>17.1f}{total:>14.1f}{ops:>11.2f}")
    ours = [w[0] for w in watched["per_step"]]
    extra_calls = [w[1] - p[1] for w, p in zip(watched["per_step"], plain["per_step"])]
    extra_ops = [w - p for w, p in zip(watched["ops"][0], plain["ops"][0])]
    quiet = sorted(range(n), key=lambda k: ours[k])[: n // 2]  # the cheaper half: no read, no measurement
    print(
        f"watcher's share per step: {sum(ours) / n:.1f} lossguard calls, {sum(extra_calls) / n:.1f} python calls, {sum(extra_ops) / n:.2f} torch ops"
    )
    print(
        f"  on an ordinary step (the cheaper half): {sum(ours[k] for k in quiet) / len(quiet):.1f} lossguard calls, "
        f"{sum(extra_calls[k] for k in quiet) / len(quiet):.1f} python calls, {sum(extra_ops[k] for k in quiet) / len(quiet):.2f} torch ops"
    )
    print(f"  the costliest step: {max(ours)} lossguard calls, {max(extra_calls)} python calls, {max(extra_ops)} torch ops")
    extra = watched["ops"][1] - plain["ops"][1]
    print("extra torch ops over all counted steps: " + (", ".join(f"{k} {v}" for k, v in extra.most_common(12)) or "none"))
    by_module: Counter[str] = Counter()
    for key, v in watched["modules"].items():
        by_module["runtime/detectors/*" if key.startswith("runtime/detectors/") else key] += v
    print("lossguard calls per step by module: " + ", ".join(f"{k} {v / n:.1f}" for k, v in by_module.most_common()))
    print("most called lossguard functions (per step): " + ", ".join(f"{k} {v / n:.1f}" for k, v in watched["names"].most_common(12)))


if __name__ == "__main__":
    main()
