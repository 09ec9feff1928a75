"""CPU cost of `lossguard check` against TorchFix on the same real tree, and start-up time.

Both checkers run as subprocesses over the same list of files; the CPU time of each run is
the user+sys time of the child and everything it waited for (``RUSAGE_CHILDREN`` deltas),
so TorchFix's worker processes are counted. Runs are interleaved round by round and the
median is reported. Nothing here imports torch or the checked code: the trees are unpacked
wheels, read as text.

    python bench/static_speed.py                      # timm sample (~10k lines), 3 rounds
    python bench/static_speed.py --all --rounds 1     # the whole timm tree (TorchFix: ~10 min)
    python bench/static_speed.py --tree PATH          # scale: memory and workers on any folder (offline)
    python bench/static_speed.py --tree PATH --before SRC   # ... and against an older lossguard

``--tree`` measures how lossguard scales on a whole folder (the torch package, all of
site-packages): wall time, CPU time and peak RSS (of the largest process) of ``lossguard check
FOLDER`` with one process (``LOSSGUARD_JOBS=1``) and with every core, alternated round by
round, and whether the findings are identical. ``--before SRC`` adds an older lossguard
(a folder holding its ``lossguard`` package, e.g. from ``git archive``) to the same rounds.
Nothing is downloaded and TorchFix is not needed (``--torchfix`` adds it on that tree).

TorchFix pins an older libcst, so it lives in its own venv (default ``.bench/torchfix-venv``,
created on first use). The default tree is timm's source from its wheel, unpacked into
``.bench/trees/timm`` on first use (``pip download --no-deps timm``; nothing is installed).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH_LOG_ENV = "LOSSGUARD_BATCH_LOG"  # lossguard.static.batches.LOG_ENV (not imported: --before runs another copy)
SCRATCH = ROOT / ".bench"
DEFAULT_TREE = SCRATCH / "trees" / "timm"
DEFAULT_TORCHFIX_VENV = SCRATCH / "torchfix-venv"

SMALL_SCRIPT = '''\
"""A small training script for the start-up measurement."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def train(model, loader, epochs=3):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(epochs):
        for x, y in loader:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
'''

# Resolving libcst's QualifiedNameProvider on every file: the floor of any checker built the
# way TorchFix is. Run with this interpreter's libcst.
QNP_DRIVER = """\
import sys
import libcst as cst
from libcst.metadata import MetadataWrapper, QualifiedNameProvider
for path in sys.argv[1:]:
    try:
        module = cst.parse_module(open(path, encoding="utf-8").read())
        MetadataWrapper(module, unsafe_skip_copy=True).resolve(QualifiedNameProvider)
    except Exception:
        pass
"""


# Runs a command and prints its wall time, CPU time and peak RSS (ru_maxrss of the largest
# process among it and its workers) as JSON; its standard output goes to the file argv[1].
RSS_DRIVER = """\
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
with open(sys.argv[1], "wb") as out:
    proc = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
errors = [l for l in proc.stderr.decode("utf-8", "replace").splitlines() if l.startswith("lossguard: error:")]
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024, "rc": proc.returncode, "errors": errors}))
"""


@dataclass
class Sample:
    cpu: float
    wall: float
    returncode: int
    stdout: str


def run_measured(cmd: list[str], cwd: Path | None = None, capture: bool = False) -> Sample:
    """Run ``cmd``; its CPU time is the user+sys delta of this process's waited-for children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(
        cmd,
        cwd=cwd,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.stderr.write(f"warning: {cmd[0]} exited {proc.returncode}: {proc.stderr[-2000:]}\n")
    return Sample(cpu, wall, proc.returncode, proc.stdout or "")


def fetch_default_tree(tree: Path) -> None:
    print(f"timm's source is not at {tree}; fetching its wheel from PyPI (pip download --no-deps timm)...", flush=True)
    wheels = SCRATCH / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "timm", "-d", str(wheels)], check=True)
    wheel = max(wheels.glob("timm-*.whl"))
    tree.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(tree)
    print(f"unpacked {wheel.name} into {tree}", flush=True)


def ensure_torchfix(venv: Path) -> Path:
    exe = venv / "bin" / "torchfix"
    if not exe.exists():
        print(f"TorchFix is not installed at {venv}; creating that venv and running pip install torchfix...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "torchfix"], check=True)
    return exe


def lossguard_command() -> list[str]:
    script = Path(sys.executable).parent / "lossguard"
    return [str(script)] if script.exists() else [sys.executable, "-m", "lossguard"]


def python_files(tree: Path) -> list[tuple[Path, int]]:
    found = []
    for dirpath, dirnames, filenames in os.walk(tree):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".py"):
                path = Path(dirpath) / name
                with open(path, "rb") as fh:
                    found.append((path, fh.read().count(b"\n")))
    return found


def sample_files(files: list[tuple[Path, int]], tree: Path, budget: int) -> list[tuple[Path, int]]:
    """A stable pseudo-random sample of whole files, about ``budget`` lines in all."""
    keyed = sorted(files, key=lambda f: hashlib.sha1(str(f[0].relative_to(tree)).encode()).hexdigest())
    chosen, total = [], 0
    for path, lines in keyed:
        if total >= budget:
            break
        chosen.append((path, lines))
        total += lines
    return sorted(chosen)


def count_torchfix_findings(text: str) -> int:
    return len(re.findall(r"^\S+:\d+:\d+: TOR\d+", text, re.MULTILINE))


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, default=DEFAULT_TREE, help=f"folder of Python files (default: timm's source, {DEFAULT_TREE})")
    ap.add_argument("--all", action="store_true", help="use every file of the tree instead of a sample")
    ap.add_argument("--sample-lines", type=int, default=10000, help="lines in the sample of whole files (default: 10000)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds per checker (default: 3)")
    ap.add_argument("--startup-runs", type=int, default=10, help="runs per start-up command (default: 10)")
    ap.add_argument("--torchfix-venv", type=Path, default=DEFAULT_TORCHFIX_VENV)
    ap.add_argument("--no-torchfix", action="store_true", help="skip TorchFix (lossguard and references only)")
    ap.add_argument("--torchfix", action="store_true", help="with --tree: compare with TorchFix on that tree instead of measuring scale")
    ap.add_argument("--before", type=Path, metavar="SRC", help="with --tree: also run the lossguard whose package is in SRC")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="with --tree: workers of the parallel runs (default: all cores)")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="with --tree: keep each run's JSON output, errors and batch log in DIR")
    ap.add_argument("--qnp-rounds", type=int, default=1, help="rounds of the QualifiedNameProvider-only reference (default: 1; 0 skips it)")
    args = ap.parse_args(argv)

    tree = args.tree.resolve()
    if args.tree != DEFAULT_TREE and not args.torchfix:
        if not tree.is_dir():
            ap.error(f"--tree {args.tree}: no such folder")
        if args.before is not None and not (args.before / "lossguard" / "__init__.py").is_file():
            ap.error(f"--before {args.before}: no lossguard package in it")
        return scale(tree, args.rounds, args.jobs, args.before, args.keep)
    if not tree.exists():
        if args.tree == DEFAULT_TREE:
            fetch_default_tree(tree)
        else:
            ap.error(f"--tree {args.tree}: no such folder")
    torchfix = None if args.no_torchfix else ensure_torchfix(args.torchfix_venv)

    everything = python_files(tree)
    files = everything if args.all else sample_files(everything, tree, args.sample_lines)
    lines = sum(n for _, n in files)
    paths = [str(p) for p, _ in files]
    kloc = lines / 1000

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}")
    print(f"tree: {tree} ({len(everything)} files, {sum(n for _, n in everything)} lines)")
    print(f"checked: {'all files' if args.all else 'sample'}: {len(files)} files, {lines} lines; {args.rounds} interleaved rounds, median")

    lg_cmd = [*lossguard_command(), "check", "--isolated", "--format", "json", "--exit-zero", *paths]
    contestants: dict[str, list[str]] = {"lossguard (16 rules)": lg_cmd}
    if torchfix is not None:
        contestants["torchfix --select ALL"] = [str(torchfix), "--select", "ALL", *paths]
    qnp_name = "libcst QualifiedNameProvider only"
    contestants[qnp_name] = [sys.executable, "-c", QNP_DRIVER, *paths]

    samples: dict[str, list[Sample]] = {name: [] for name in contestants}
    with tempfile.TemporaryDirectory() as cwd:  # no pyproject.toml of this repository in reach
        for r in range(args.rounds):
            for name, cmd in contestants.items():
                if name == qnp_name and r >= args.qnp_rounds:
                    continue  # a reference only: one round is enough and it is slow
                s = run_measured(cmd, cwd=Path(cwd), capture=True)
                samples[name].append(s)
                print(f"  round {r + 1}: {name}: {s.cpu:.1f} CPU s, {s.wall:.1f} s wall", flush=True)

    print()
    print(f"{'checker':36} {'lines':>8} {'CPU s':>8} {'CPU s/1000 lines':>17} {'wall s':>8} {'findings':>9}")
    cpu_of: dict[str, float] = {}
    for name, ss in samples.items():
        if not ss:
            continue
        cpu = median([s.cpu for s in ss])
        cpu_of[name] = cpu
        last = ss[-1].stdout
        if name.startswith("lossguard"):
            nfind = str(last.count('"code":'))
        elif name.startswith("torchfix"):
            nfind = str(count_torchfix_findings(last))
        else:
            nfind = "-"
        print(f"{name:36} {lines:>8} {cpu:>8.1f} {cpu / kloc:>17.3f} {median([s.wall for s in ss]):>8.1f} {nfind:>9}")
    lg = cpu_of["lossguard (16 rules)"]
    if torchfix is not None:
        tf = cpu_of["torchfix --select ALL"]
        print(f"\nCPU ratio torchfix / lossguard: {tf / lg:.2f}x (target: >= 5x)")
    if qnp_name in cpu_of:
        print(f"CPU ratio QualifiedNameProvider-only / lossguard: {cpu_of[qnp_name] / lg:.2f}x")

    print(f"\nstart-up: median of {args.startup_runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "train.py"
        small.write_text(SMALL_SCRIPT)
        startup = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "python -c 'import libcst'": [sys.executable, "-c", "import libcst"],
            "lossguard check train.py (25 lines)": [*lossguard_command(), "check", "train.py"],
        }
        runs: dict[str, list[Sample]] = {name: [] for name in startup}
        for _ in range(args.startup_runs):
            for name, cmd in startup.items():
                runs[name].append(run_measured(cmd, cwd=Path(tmp)))
    print(f"{'command':36} {'wall s':>8} {'CPU s':>8}")
    for name, ss in runs.items():
        print(f"{name:36} {median([s.wall for s in ss]):>8.3f} {median([s.cpu for s in ss]):>8.3f}")
    print("(target: lossguard check on one file starts in <= 0.35 s)")
    return 0


def scale(tree: Path, rounds: int, jobs: int, before: Path | None, keep: Path | None = None) -> int:
    """Wall, CPU and peak RSS of ``lossguard check TREE``: one process, ``jobs`` workers, and
    optionally an older lossguard, alternated round by round; and whether they find the same."""
    import json

    everything = python_files(tree)
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}")
    print(f"tree: {tree} ({len(everything)} files, {sum(n for _, n in everything)} lines); {rounds} alternated rounds, median")
    configs: dict[str, tuple[Path, str]] = {}
    if before is not None:
        configs[f"before ({before})"] = (before.resolve(), "1")
    configs["1 process"] = (ROOT, "1")
    configs[f"{jobs} workers"] = (ROOT, str(jobs))
    cmd = [sys.executable, "-m", "lossguard", "check", "--isolated", "--format", "json", "--exit-zero", str(tree)]
    results: dict[str, list[dict]] = {name: [] for name in configs}
    outputs: dict[str, tuple[list, list]] = {}
    balance: dict[str, list[dict]] = {name: [] for name in configs}
    with tempfile.TemporaryDirectory() as cwd:
        for r in range(rounds):
            for name, (src, njobs) in configs.items():
                out = Path(cwd) / "out.json"
                log = Path(cwd) / "batches.jsonl"
                log.unlink(missing_ok=True)
                env = {**os.environ, "PYTHONPATH": str(src), "LOSSGUARD_JOBS": njobs, BATCH_LOG_ENV: str(log)}
                proc = subprocess.run(
                    [sys.executable, "-c", RSS_DRIVER, str(out), *cmd], cwd=cwd, env=env, capture_output=True, text=True, check=False
                )
                stats = json.loads(proc.stdout)
                results[name].append(stats)
                batches = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
                balance[name].append(worker_balance(batches, stats["cpu"]))
                if keep is not None:
                    keep.mkdir(parents=True, exist_ok=True)
                    stem = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") + f"_round{r + 1}"
                    (keep / f"{stem}.json").write_text(out.read_text())
                    (keep / f"{stem}.errors.json").write_text(json.dumps(sorted(stats["errors"]), indent=1))
                    if log.exists():
                        (keep / f"{stem}.batches.jsonl").write_text(log.read_text())
                findings = sorted(json.dumps(f, sort_keys=True) for f in json.loads(out.read_text() or "[]"))
                outputs[name] = (findings, sorted(stats["errors"]))
                print(
                    f"  round {r + 1}: {name}: {stats['wall']:.1f} s wall, {stats['cpu']:.1f} CPU s, "
                    f"peak RSS {stats['rss_mb']:.0f} MB, {len(findings)} findings, {len(stats['errors'])} errors, exit {stats['rc']}",
                    flush=True,
                )
                print_balance(balance[name][-1])
    print(f"\n{'run':40} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'findings':>9} {'errors':>7}")
    for name, ss in results.items():
        print(
            f"{name:40} {median([s['wall'] for s in ss]):>8.1f} {median([s['cpu'] for s in ss]):>8.1f} "
            f"{median([s['rss_mb'] for s in ss]):>12.0f} {len(outputs[name][0]):>9} {len(outputs[name][1]):>7}"
        )
    one = median([s["wall"] for s in results["1 process"]])
    many = median([s["wall"] for s in results[f"{jobs} workers"]])
    print(f"\nwall time, {jobs} workers / 1 process: {many / one:.2f}x (target: <= 0.6x on 2 cores)")
    print("peak RSS target: <= 300 MB (largest process; workers are counted one by one)")
    single = median([s["cpu"] for s in results["1 process"]])
    paths = [b["critical_path"] for b in balance[f"{jobs} workers"] if b]
    if paths and single:
        print(
            f"balance, {jobs} workers: critical path (CPU s outside the workers + the busiest worker's) {median(paths):.1f} / "
            f"1-process CPU s {single:.1f} = predicted wall ratio {median(paths) / single:.2f}x on {jobs} free cores (target: <= 0.6x)"
        )
    reference = next(iter(outputs.values()))
    for name, got in outputs.items():
        same = "identical" if got == reference else "DIFFERENT"
        print(f"findings and errors of {name}: {same} to {next(iter(outputs))}")
    return 0 if all(got == reference for got in outputs.values()) else 1


def worker_balance(batches: list[dict], total_cpu: float) -> dict:
    """How the batches of one run were spread over processes (from ``LOSSGUARD_BATCH_LOG``): each
    process's CPU seconds up to its last batch, the CPU spent outside them (the parent's discovery,
    merge and output, the workers' start), and the critical path: that plus the busiest process."""
    if not batches:
        return {}
    per_process: dict[int, float] = {}
    count: dict[int, int] = {}
    for b in batches:
        per_process[b["pid"]] = max(per_process.get(b["pid"], 0.0), b["process_cpu"])
        count[b["pid"]] = count.get(b["pid"], 0) + 1
    outside = max(0.0, total_cpu - sum(per_process.values()))
    heaviest = sorted(batches, key=lambda b: -b["cpu"])[:5]
    return {
        "batches": len(batches),
        "processes": [(round(per_process[p], 1), count[p]) for p in sorted(per_process, key=lambda p: -per_process[p])],
        "outside": outside,
        "critical_path": outside + max(per_process.values()),
        "batch_cpu": sum(b["cpu"] for b in batches),
        "heaviest": [(b["cpu"], b["files"], b["analysed"], b["rss_mb"], b["first"]) for b in heaviest],
        "max_rss": max(b["rss_mb"] for b in batches),
    }


def print_balance(b: dict) -> None:
    if not b:
        print("    (no batch log: an engine without LOSSGUARD_BATCH_LOG)")
        return
    print(
        f"    {b['batches']} batches ({b['batch_cpu']:.1f} CPU s); CPU s per process (batches): "
        + ", ".join(f"{cpu} ({n})" for cpu, n in b["processes"])
        + f"; outside the processes' batches {b['outside']:.1f}; critical path {b['critical_path']:.1f} CPU s"
    )
    for cpu, files, analysed, rss, first in b["heaviest"]:
        print(f"      heaviest: {cpu:7.1f} CPU s, {files} files ({analysed} analysed), process peak {rss:.0f} MB, from {first}")


if __name__ == "__main__":
    raise SystemExit(main())
