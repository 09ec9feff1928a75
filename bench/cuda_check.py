"""The watcher on an accelerator: no host synchronisation per step, autocast, faults, cost.

One short script for a machine with a GPU (issue 9's CUDA proof); ``--device cpu`` runs every
part that does not need CUDA, which is how the test suite keeps it working
(``tests/runtime/test_cuda_check.py``). It prints one line per check and writes every figure
as JSON (``--out``).

    python bench/cuda_check.py [--device cuda] [--out cuda_check.json] [--quick]

Parts:

* ``sync``: torch's own sync detector (``torch.cuda.set_sync_debug_mode``), on a plain and a
  watched loop of the same model, for fp32, bf16 autocast and fp16 autocast with a GradScaler.
  *Strict*: with reads pushed past the run (``sync_every`` larger than the run), every watched
  step runs under mode ``"error"``, so any synchronising call on the per-step path raises
  inside the watcher (which would switch it off and say so); the run must end with the watcher
  on and every step counted. (The GradScaler loop synchronises by itself in ``scaler.step``, so
  it is counted, not strict.) *Counted*: with the default cadence, mode ``"warn"`` counts the
  synchronising calls of each loop; the watched loop may add exactly one per read of its
  statistics (reads are counted too).
* ``unchanged``: the same seeded run, plain and watched (bf16 autocast on a GPU): the loss of
  every step and the final weights must be bit-identical.
* ``faults``: a NaN in one input batch (LG101 at that step), the learning rate x1000 (an event
  within the first steps), softmax before CrossEntropyLoss (LG001), NaN into BCELoss (LG101);
  each event's code and step.
* ``crash``: a run whose loss blows up at step 1 and that dies at step 4 (a NaN into BCELoss:
  on CUDA a device-side assert, which leaves nothing on the device readable): the blow-up is
  printed before the crash, and the dead device is said to be one.
* ``to``: ``watcher.to(device)`` moves a class-weighted criterion built on the CPU.
* ``cost``: plain and watched step time, interleaved blocks, on an MLP 784-512-512-10 with
  batch 128 and, on a GPU, on wide ones in bf16 autocast (4096 with batch 1024, 8192 with batch
  8192); median ratio of the blocks' times; ``--baseline DIR`` adds a loop watched by an older
  lossguard.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import lossguard  # noqa: E402

SYNC_WARNING = "synchroniz"  # torch's warning: "called a synchronizing CUDA operation"


def mlp(seed: int, device: torch.device, width: int = 512, dim: int = 784, classes: int = 10) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, classes)).to(device)


def batches(seed: int, device: torch.device, n: int, batch: int = 128, dim: int = 784, classes: int = 10) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """A learnable task (labels from a fixed random projection), made on the device up front."""
    g = torch.Generator().manual_seed(seed)
    proj = torch.randn(dim, classes, generator=g)
    out = []
    for _ in range(n):
        x = torch.randn(batch, dim, generator=g)
        out.append((x.to(device), (x @ proj).argmax(1).to(device)))
    return out


@contextmanager
def sync_mode(device: torch.device, mode: str):
    if device.type != "cuda":
        yield
        return
    old = torch.cuda.get_sync_debug_mode()
    torch.cuda.set_sync_debug_mode(mode)
    try:
        yield
    finally:
        torch.cuda.set_sync_debug_mode(old)


class Loop:
    """One training loop: fp32, bf16 autocast, or fp16 autocast with a GradScaler."""

    def __init__(self, device: torch.device, precision: str, watched: Any, seed: int = 0, lr: float = 1e-3, width: int = 512, **watch: Any) -> None:
        """``watched``: False, True, or the lossguard package to watch with (a baseline)."""
        self.device, self.precision = device, precision
        self.model = mlp(seed, device, width)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=lr)
        plain = nn.CrossEntropyLoss()
        package = lossguard if watched is True else watched
        self.watcher = package.watch(self.model, plain, console=False, announce=False, **watch) if watched else None
        self.criterion: Callable[..., torch.Tensor] = self.watcher if self.watcher is not None else plain
        self.scaler = torch.amp.GradScaler(device.type) if precision == "fp16" else None
        self.losses: list[torch.Tensor] = []

    def step(self, x: torch.Tensor, y: torch.Tensor) -> None:
        self.opt.zero_grad(set_to_none=True)
        dtype = {"bf16": torch.bfloat16, "fp16": torch.float16}.get(self.precision)
        with torch.autocast(self.device.type, dtype=dtype, enabled=dtype is not None):
            loss = self.criterion(self.model(x), y)
        self.losses.append(loss.detach())
        if self.scaler is not None:
            self.scaler.scale(loss).backward()
            self.scaler.step(self.opt)
            self.scaler.update()
        else:
            loss.backward()
            self.opt.step()

    def close(self) -> list[Any]:
        if self.watcher is None:
            return []
        self.watcher.close()
        return self.watcher.events


def count_syncs(device: torch.device, fn: Callable[[], None]) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with sync_mode(device, "warn"):
            fn()
    return sum(SYNC_WARNING in str(w.message) for w in caught)


def check_sync(device: torch.device, steps: int) -> dict[str, Any]:
    data = batches(1, device, 16)
    result: dict[str, Any] = {}
    for precision in ("fp32", "bf16", "fp16"):
        row: dict[str, Any] = {}
        # strict: no read inside the run, every watched step under mode "error"
        if precision != "fp16":
            loop = Loop(device, precision, True, sync_every=10**9)
            for i in range(8):  # warm-up outside the detector: the first steps' one-off checks
                loop.step(*data[i % 16])
            error: str | None = None
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    with sync_mode(device, "error"):
                        for i in range(steps):
                            loop.step(*data[i % 16])
                except RuntimeError as exc:  # the loop itself synchronised
                    error = str(exc).splitlines()[0]
            internal = [str(w.message) for w in caught if "lossguard" in str(w.message)]
            watcher = loop.watcher
            assert watcher is not None
            on = not watcher._broken
            counted = watcher.step
            events = loop.close()
            row["strict"] = {
                "steps": steps + 8,
                "counted": counted,
                "watcher_on": on,
                "loop_error": error,
                "internal_errors": internal,
                "events": [(e.code, e.step) for e in events],
                "ok": error is None and on and not internal and counted >= steps + 8 - 1,
            }
        # counted: the default cadence, syncs of each loop, reads of the watched one
        counts = {}
        reads = 0
        for watched in (False, True):
            loop = Loop(device, precision, watched)
            for i in range(8):
                loop.step(*data[i % 16])
            if loop.watcher is not None:
                loop.watcher.flush()
                original = loop.watcher._read

                def counting(original=original) -> Any:
                    nonlocal reads
                    reads += 1
                    return original()

                loop.watcher._read = counting
            counts[watched] = count_syncs(device, lambda loop=loop: [loop.step(*data[i % 16]) for i in range(steps)])
            loop.close()
        row["counted"] = {"plain_syncs": counts[False], "watched_syncs": counts[True], "reads": reads, "ok": counts[True] - counts[False] <= reads}
        result[precision] = row
    return result


def check_unchanged(device: torch.device, steps: int) -> dict[str, Any]:
    data = batches(2, device, steps)
    precision = "bf16" if device.type == "cuda" else "fp32"
    loops = [Loop(device, precision, watched) for watched in (False, True)]
    for loop in loops:
        for x, y in data:
            loop.step(x, y)
    plain, watched = loops
    same_losses = all(torch.equal(a, b) for a, b in zip(plain.losses, watched.losses))
    same_weights = all(torch.equal(a, b) for a, b in zip(plain.model.parameters(), watched.model.parameters()))
    events = watched.close()
    return {
        "precision": precision,
        "steps": steps,
        "same_losses": same_losses,
        "same_weights": same_weights,
        "events": [(e.code, e.step) for e in events],
        "ok": same_losses and same_weights and not events,
    }


def fault_run(
    device: torch.device,
    steps: int,
    *,
    lr: float = 1e-3,
    nan_at: int | None = None,
    softmax: bool = False,
    bce: bool = False,
    log_dir: str | None = None,
) -> list[tuple[str, int, str]]:
    data = batches(3, device, steps)
    model = mlp(0, device, classes=1 if bce else 10)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    criterion = lossguard.watch(model, nn.BCELoss() if bce else nn.CrossEntropyLoss(), console=False, announce=False, log_dir=log_dir)
    for step, (x, y) in enumerate(data):
        if step == nan_at:
            x = x.clone()
            x[0, 0] = float("nan")
        opt.zero_grad()
        out = model(x)
        try:
            if bce:
                loss = criterion(torch.sigmoid(out).squeeze(1), (y % 2).float())
            else:
                loss = criterion(F.softmax(out, dim=1) if softmax else out, y)
        except RuntimeError:  # torch's own error (NaN into BCELoss): the run stops, as it would
            break
        loss.backward()
        opt.step()
    criterion.close()
    return [(e.code, e.step, e.fix) for e in criterion.events]


def check_faults(device: torch.device, steps: int) -> dict[str, Any]:
    nan_step = steps // 2
    with tempfile.TemporaryDirectory() as tb:
        runs = {
            "healthy": fault_run(device, steps, log_dir=tb),
            "nan_batch": fault_run(device, steps, nan_at=nan_step),
            "lr_x1000": fault_run(device, steps, lr=1.0),
            "softmax_before_ce": fault_run(device, steps, softmax=True),
        }
        if device.type == "cpu":  # on CUDA torch's range check is a device-side assert that ends the process
            runs["nan_into_bce"] = fault_run(device, steps, nan_at=nan_step, bce=True)
        scalars = tensorboard_scalars(tb)
    first = {name: sorted({(code, step) for code, step, _ in events}, key=lambda e: e[1]) for name, events in runs.items()}
    codes = {name: {code: step for code, step in reversed(events)} for name, events in first.items()}
    verdicts = {
        "healthy": not first["healthy"],
        "nan_batch": codes["nan_batch"].get("LG101") == nan_step,
        "lr_x1000": any(step <= 5 for _, step in first["lr_x1000"]),
        "softmax_before_ce": "LG001" in codes["softmax_before_ce"],
    }
    if "nan_into_bce" in codes:
        verdicts["nan_into_bce"] = codes["nan_into_bce"].get("LG101") == nan_step
    fixes = {name: {code: fix.splitlines()[0][:160] for code, _, fix in events} for name, events in runs.items()}
    return {"nan_step": nan_step, "events": first, "fixes": fixes, "ok": verdicts, "tensorboard_healthy": scalars}


def tensorboard_scalars(log_dir: str) -> dict[str, int]:
    try:
        from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    except ImportError:
        return {}
    counts: dict[str, int] = {}
    for run in sorted(p.parent for p in Path(log_dir).rglob("events.out.tfevents.*")):
        acc = EventAccumulator(str(run))
        acc.Reload()
        for tag in acc.Tags()["scalars"]:
            counts[tag] = counts.get(tag, 0) + len(acc.Scalars(tag))
    return dict(sorted(counts.items())[:6]) | {"tags": len(counts)}


def check_cost(device: torch.device, steps: int, repeats: int, baseline: Any = None) -> dict[str, Any]:
    """Blocks of ``steps`` steps of each loop in turn (the order rotates every repeat)."""
    shapes = [("mlp512_b128", 512, 128, "fp32")]
    if device.type == "cuda":
        shapes += [("mlp4096_b1024_bf16", 4096, 1024, "bf16"), ("mlp8192_b8192_bf16", 8192, 8192, "bf16")]
    kinds: list[Any] = [False, True] + ([baseline] if baseline is not None else [])
    result = {}
    for name, width, batch, precision in shapes:
        data = [(x, y) for x, y in batches(4, device, 16, batch=batch)]
        loops = {k: Loop(device, precision, kind, width=width) for k, kind in enumerate(kinds)}
        for loop in loops.values():  # warm-up
            for i in range(32):
                loop.step(*data[i % 16])
        times: dict[int, list[float]] = {k: [] for k in loops}
        for r in range(repeats):
            for k in range(len(loops)):
                watched = (k + r) % len(loops)
                loop = loops[watched]
                if device.type == "cuda":
                    torch.cuda.synchronize()
                start = time.perf_counter()
                for i in range(steps):
                    loop.step(*data[i % 16])
                if device.type == "cuda":
                    torch.cuda.synchronize()
                times[watched].append((time.perf_counter() - start) / steps)
                loop.losses.clear()
        events = loops[1].close()
        ratios = [w / p for w, p in zip(times[1], times[0])]
        result[name] = {
            "plain_ms": round(statistics.median(times[0]) * 1e3, 4),
            "watched_ms": round(statistics.median(times[1]) * 1e3, 4),
            "ratio_median": round(statistics.median(ratios), 4),
            "ratio_range": [round(min(ratios), 4), round(max(ratios), 4)],
            "events": [(e.code, e.step) for e in events],
        }
        if baseline is not None:
            loops[2].close()
            old = [w / p for w, p in zip(times[2], times[0])]
            result[name] |= {"baseline_ms": round(statistics.median(times[2]) * 1e3, 4), "baseline_ratio_median": round(statistics.median(old), 4)}
    return result


def profile(device: torch.device, width: int, batch: int, precision: str, steps: int, out: Path) -> None:
    """torch.profiler tables of ``steps`` plain and ``steps`` watched steps (``--profile``): where
    a watched step's extra host and device time goes."""
    from torch.profiler import ProfilerActivity
    from torch.profiler import profile as torch_profile

    data = batches(4, device, 16, batch=batch)
    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if device.type == "cuda" else [])
    for watched in (False, True):
        loop = Loop(device, precision, watched, width=width)
        for i in range(64):
            loop.step(*data[i % 16])
        with torch_profile(activities=activities) as prof:
            for i in range(steps):
                loop.step(*data[i % 16])
            if device.type == "cuda":
                torch.cuda.synchronize()
        loop.close()
        sort = "self_cuda_time_total" if device.type == "cuda" else "self_cpu_time_total"
        table = prof.key_averages().table(sort_by=sort, row_limit=80)
        table += "\n\n" + prof.key_averages().table(sort_by="cpu_time_total", row_limit=80)
        (out / f"profile_{width}_{'watched' if watched else 'plain'}.txt").write_text(table)


CRASH_AT = 4


def crash_child(device: torch.device) -> None:
    """``--crash-child``: SGD at lr 50 blows the loss up at step 1 (LG102 at once: the update before it moved the head by more than its norm);
    at step CRASH_AT a NaN input reaches BCELoss, which on CUDA is a device-side assert that ends
    the process (on the CPU torch raises). The parent reads what the watcher printed."""
    model = mlp(0, device, classes=1)
    opt = torch.optim.SGD(model.parameters(), lr=50.0)
    criterion = lossguard.watch(model, nn.BCELoss())
    for step, (x, y) in enumerate(batches(6, device, CRASH_AT + 2)):
        if step == CRASH_AT:
            x = x.clone()
            x[0, 0] = float("nan")
        opt.zero_grad()
        loss = criterion(torch.sigmoid(model(x)).squeeze(1), (y % 2).float())
        loss.backward()
        opt.step()
        print(f"step {step} loss {loss.item():.4g}", flush=True)


def check_crash(device: torch.device) -> dict[str, Any]:
    """A run that dies at step CRASH_AT: the blow-up before it is reported (on an accelerator the
    first steps are read one by one, collect.EAGER), and a dead device is said to be one, not
    reported as lossguard's internal error."""
    proc = subprocess.run([sys.executable, __file__, "--crash-child", "--device", str(device)], capture_output=True, text=True, timeout=300)
    text = proc.stdout + proc.stderr
    lines = [line for line in text.splitlines() if line.startswith("lossguard")]
    crash_at = text.find("Traceback")
    before = text[:crash_at] if crash_at >= 0 else text
    result = {
        "rc": proc.returncode,
        "lossguard_lines": [line[:200] for line in lines],
        "spike_before_the_crash": "LG102" in before,
        "internal_error": "internal error" in text,
    }
    ok = proc.returncode != 0 and not result["internal_error"]
    if device.type == "cuda":
        result["device_failure_said"] = "the device failed" in text
        ok = ok and result["spike_before_the_crash"] and result["device_failure_said"]
    else:  # on the CPU torch raises, the watcher diagnoses it, and the exit flush reads the rest
        ok = ok and f"LG101 nan-loss (error, step {CRASH_AT})" in text and "LG102" in text
    return result | {"ok": ok}


def check_to(device: torch.device) -> dict[str, Any]:
    """``watcher.to(device)`` moves the criterion's buffers (a class-weighted CrossEntropyLoss
    built on the CPU), as ``criterion.to(device)`` would."""
    model = mlp(0, device)
    criterion = nn.CrossEntropyLoss(weight=torch.linspace(0.5, 1.5, 10))
    watcher = lossguard.watch(model, criterion, console=False, announce=False).to(device)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    error = None
    try:
        for x, y in batches(5, device, 8):
            opt.zero_grad()
            watcher(model(x), y).backward()
            opt.step()
    except RuntimeError as exc:
        error = str(exc).splitlines()[0]
    watcher.close()
    where = str(criterion.weight.device)
    return {
        "weight_device": where,
        "error": error,
        "events": [(e.code, e.step) for e in watcher.events],
        "ok": error is None and where.startswith(device.type),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--out", default=None, help="write every figure here as JSON")
    parser.add_argument("--quick", action="store_true", help="fewer steps (the test suite's CPU run)")
    parser.add_argument(
        "--baseline", default=None, metavar="DIR", help="also time an older lossguard from DIR/lossguard (bench/runtime_overhead.py's --baseline)"
    )
    parser.add_argument("--profile", default=None, metavar="DIR", help="only write torch.profiler tables of plain and watched steps into DIR")
    parser.add_argument("--crash-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.crash_child:
        crash_child(torch.device(args.device))
        return 0
    if args.profile:
        device = torch.device(args.device)
        out = Path(args.profile)
        out.mkdir(parents=True, exist_ok=True)
        for width, batch, precision in ((512, 128, "fp32"), (4096, 1024, "bf16")):
            profile(device, width, batch, precision, 64, out)
        print(f"cuda_check: profiles written to {out}")
        return 0
    baseline = None
    if args.baseline:
        from runtime_overhead import load_baseline

        baseline = load_baseline(args.baseline)
    if args.device.startswith("cuda") and not torch.cuda.is_available():
        print("cuda_check: no CUDA device here; run it where there is one, or with --device cpu", file=sys.stderr)
        return 2
    device = torch.device(args.device)
    steps = 48 if args.quick else 160
    report: dict[str, Any] = {"device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu", "torch": torch.__version__}
    if device.type == "cuda":
        report["sync"] = check_sync(device, steps)
    else:
        report["sync"] = "not run: torch's sync debug mode exists for CUDA only"
    report["unchanged"] = check_unchanged(device, 24 if args.quick else 64)
    report["faults"] = check_faults(device, 40 if args.quick else 80)
    report["to"] = check_to(device)
    report["crash"] = check_crash(device)
    report["cost"] = check_cost(device, 20 if args.quick else 300, 2 if args.quick else 7, baseline)
    text = json.dumps(report, indent=1, default=str)
    print(text)
    if args.out:
        Path(args.out).write_text(text)
    sync_ok = not isinstance(report["sync"], dict) or all(part["ok"] for row in report["sync"].values() for part in row.values())
    ok = sync_ok and report["unchanged"]["ok"] and report["to"]["ok"] and report["crash"]["ok"] and all(report["faults"]["ok"].values())
    print(f"cuda_check: {'all checks passed' if ok else 'SOME CHECKS FAILED'} on {report['device']}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
