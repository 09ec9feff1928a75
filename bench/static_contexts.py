"""CPU cost of checking one file whose calls reach the same functions in many contexts, against
an older lossguard in the same run.

A test module that builds a library's model 40 times with other settings and calls its ``fit``
and ``predict`` each time makes the interpreter analyse those methods once per receiver and
arguments; ``interp.calls.MAX_CONTEXTS`` (per function) and ``CONTEXT_BUDGET`` (per file) bound that. Each round checks the file once with each
engine in its own process (``check_files([file])``, its CPU time from ``time.process_time``),
alternating engines; the median and the minimum over the rounds are printed, with the findings'
counts (they must agree where the bound only drops repeated work).

    python bench/static_contexts.py                                  # a generated project (library + 40 tests)
    python bench/static_contexts.py --file PATH                      # a real file (its project around it)
    python bench/static_contexts.py --files LIST                     # every file LIST names, one a line
    python bench/static_contexts.py --baseline SRC --rounds 5        # ... against the lossguard in SRC/lossguard

``SRC`` is a folder holding an older ``lossguard`` package (``git archive <commit> lossguard | tar
-x -C SRC``). Times depend on the machine's load: compare the two engines only within one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_LIBRARY = """\
import torch
import torch.nn as nn
import torch.nn.functional as F


def check_frame(df, name, freq=None, strict=False):
    if strict and freq is None:
        raise ValueError(name)
    out = df
    for col in ("a", "b", "c"):
        if col in out:
            out = out
    return out


def make_config(lags, hidden, layers, growth):
    if growth == "linear":
        return {"lags": lags, "hidden": hidden, "layers": layers}
    if growth == "flat":
        return {"lags": 0, "hidden": hidden, "layers": layers}
    return {"lags": lags, "hidden": hidden * 2, "layers": layers + 1}


class Net(nn.Module):
    def __init__(self, n_in, hidden, layers):
        super().__init__()
        blocks = [nn.Linear(n_in, hidden)]
        for _ in range(layers):
            blocks += [nn.ReLU(), nn.Linear(hidden, hidden)]
        self.body = nn.Sequential(*blocks)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.head(self.body(x))


class Forecaster:
    def __init__(self, lags=0, hidden=16, layers=1, growth="linear", lr=None, epochs=10):
        self.config = make_config(lags, hidden, layers, growth)
        self.lr = lr
        self.epochs = epochs
        self.model = None

    def _init_model(self, n_in):
        self.model = Net(n_in, self.config["hidden"], self.config["layers"])
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=self.lr or 1e-3)

    def _train_epoch(self, x, y):
        self.optimizer.zero_grad()
        loss = F.mse_loss(self.model(x).squeeze(-1), y)
        loss.backward()
        self.optimizer.step()
        return loss.item()

    def fit(self, df, freq=None, validation_df=None):
        df = check_frame(df, "fit", freq, strict=validation_df is not None)
        x = torch.randn(32, 4 + self.config["lags"])
        y = torch.randn(32)
        self._init_model(x.shape[1])
        metrics = []
        for _ in range(self.epochs):
            metrics.append(self._train_epoch(x, y))
        if validation_df is not None:
            self.test(validation_df)
        return metrics

    def test(self, df):
        df = check_frame(df, "test")
        with torch.no_grad():
            return self.model(torch.randn(8, 4 + self.config["lags"]))

    def predict(self, df, decompose=True):
        df = check_frame(df, "predict")
        out = self.test(df)
        return out if decompose else out.sum()
"""

_TEST = """\
def test_{i}():
    m = Forecaster(lags={lags}, hidden={hidden}, layers={layers}, growth="{growth}", epochs={epochs})
    metrics = m.fit("df_{i}", freq="{freq}", validation_df={val})
    future = m.predict("future_{i}", decompose={decompose})
    assert torch.isfinite(future).all()  # no nan in the train_loss
    return metrics, future
"""


def generated_project(folder: Path, tests: int = 40) -> Path:
    """A library module and a test module of ``tests`` tests, each building the model with other
    settings: the shape of neural_prophet's ``tests/test_integration.py``."""
    (folder / "library.py").write_text(_LIBRARY)
    parts = [
        _TEST.format(
            i=i,
            lags=i % 5,
            hidden=8 * (1 + i % 3),
            layers=i % 4,
            growth=("linear", "flat", "discontinuous")[i % 3],
            epochs=5 + i,
            freq=("D", "H", "W", "M")[i % 4],
            val="None" if i % 2 else f'"val_{i}"',
            decompose=bool(i % 3),
        )
        for i in range(tests)
    ]
    target = folder / "test_integration.py"
    target.write_text("import torch\n\nfrom library import Forecaster\n\n\n" + "\n\n".join(parts))
    return target


_MEASURE = """
import sys, time
from pathlib import Path
from lossguard.static.engine import check_files
t0 = time.process_time()
result = check_files([Path(sys.argv[1])], jobs=1)
print(time.process_time() - t0, len(result.findings), len(result.errors))
"""


def measure(src: Path, target: Path) -> tuple[float, int, int]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(target)], env=env, capture_output=True, text=True, check=True, cwd=target.parent)
    cpu, findings, errors = out.stdout.split()
    return float(cpu), int(findings), int(errors)


def compare(engines: dict[str, Path], target: Path, rounds: int) -> dict[str, float]:
    """Check ``target`` ``rounds`` times with each engine, alternating; print and return the medians."""
    print(f"file: {target} ({len(target.read_text(errors='replace').splitlines())} lines); load {os.getloadavg()[0]:.2f}")
    times: dict[str, list[float]] = {name: [] for name in engines}
    counts: dict[str, set[tuple[int, int]]] = {name: set() for name in engines}
    for _ in range(rounds):
        for name, src in engines.items():
            cpu, findings, errors = measure(src, target)
            times[name].append(cpu)
            counts[name].add((findings, errors))
    print(f"{'engine':<10} {'median CPU s':>12} {'min CPU s':>10}  findings/errors")
    for name in engines:
        found = ", ".join(f"{f}/{e}" for f, e in sorted(counts[name]))
        print(f"{name:<10} {statistics.median(times[name]):>12.2f} {min(times[name]):>10.2f}  {found}")
    if "baseline" in engines:
        ratio = statistics.median(times["baseline"]) / statistics.median(times["this"])
        print(f"baseline / this: {ratio:.2f}x; load {os.getloadavg()[0]:.2f}")
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path, action="append", help="a real file to check (repeat for several; default: a generated project)")
    parser.add_argument("--files", type=Path, help="a text file naming real files to check, one a line")
    parser.add_argument("--baseline", type=Path, help="a folder holding an older lossguard package")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    engines = {"this": ROOT}
    if args.baseline is not None:
        if not (args.baseline / "lossguard").is_dir():
            parser.error(f"{args.baseline} holds no lossguard package")
        engines["baseline"] = args.baseline.resolve()
    targets = [f.resolve() for f in args.file or ()]
    if args.files is not None:
        targets += [Path(line.strip()).resolve() for line in args.files.read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        medians = [compare(engines, target, args.rounds) for target in targets or [generated_project(Path(tmp))]]
    if len(medians) > 1:
        print(f"{len(medians)} files; worst median: " + ", ".join(f"{name} {max(m[name] for m in medians):.2f} s" for name in engines))


if __name__ == "__main__":
    main()
