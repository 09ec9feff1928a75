"""Shared by the CLI tests: the real command line, in a subprocess or in-process, and realistic fixtures.

``run`` starts ``python -m lossguard`` in a fresh interpreter: use it where the behaviour is
about the process (the exit status a shell sees, pipes, the console's encoding, the environment,
code that must never be imported). ``cli`` calls the same ``lossguard.cli.main`` in this process
with its own stdout, stderr and working directory, and returns the same kind of result: use it
for what the command prints and writes. It saves an interpreter's start-up and lossguard's
imports (about 0.4 s a run on a quiet 2-core machine).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

TRAIN = textwrap.dedent(
    """
    import torch
    import torch.nn as nn

    model = nn.Sequential(nn.Linear(20, 5), nn.Softmax(dim=1))
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


    def train(loader):
        total = 0
        for x, y in loader:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss
        return total
    """
).lstrip()
# LG001 on line 13 (`criterion(model(x), y)`), LG006 on line 16 (`total += loss`).

FIXED = TRAIN.replace("nn.Linear(20, 5), nn.Softmax(dim=1)", "nn.Linear(20, 5)").replace("total += loss", "total += loss.item()")


def run(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``lossguard *args`` in a fresh interpreter (the exit status a shell sees), from ``cwd``."""
    return subprocess.run([sys.executable, "-m", "lossguard", *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``lossguard *args`` run in-process from ``cwd``; stdout and stderr decoded as ``run`` decodes them."""
    from lossguard.cli import main

    out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="") for _ in range(2))
    saved = sys.stdout, sys.stderr, os.getcwd()
    sys.stdout, sys.stderr = out, err
    try:
        os.chdir(cwd)
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    finally:
        sys.stdout, sys.stderr = saved[0], saved[1]
        os.chdir(saved[2])
    return subprocess.CompletedProcess(["lossguard", *args], code, _text(out), _text(err))


def _text(stream: io.TextIOWrapper) -> str:
    """What ``subprocess.run(text=True)`` would read: UTF-8 with universal newlines."""
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8").read()


def git(*args: str, cwd: Path) -> str:
    proc = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return proc.stdout


def json_report(stdout: str) -> tuple[list[dict], list[str]]:
    """A ``--format json`` report split into its findings and the paths it says were not checked."""
    import json

    entries = json.loads(stdout)
    return [e for e in entries if e["kind"] == "finding"], [e["path"] for e in entries if e["kind"] == "not-checked"]
