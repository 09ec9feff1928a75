"""Shared by the CLI tests: run the real command line in a subprocess, and realistic fixtures."""

from __future__ import annotations

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


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lossguard", *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


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
