"""A watcher dropped without ``close()`` is closed when it is collected (round 38, rtrobust27's leftover).

rtrobust27 made a new watcher every epoch and never closed one: the old watcher's steps not read yet (on the CPU a
read waits 8 steps and 0.1 s) were never read, so a finding on an epoch's last steps was lost, and its summary was
never printed; the exit handler reads only the watchers still alive. Rule (``Watcher.__del__``): a watcher collected
while open is closed as ``close()`` would close it (its pending steps read, their events said, its summary printed,
its files closed); in a run of several processes only its files are closed (a read there is a collective); nothing
raises. Real loops on the CPU: the learning rate raised 500x for an epoch's last three steps, the watcher of that
epoch dropped when the next epoch's is made: LG102 at its step 10 (on main: nothing); the look-alike, the same loop
healthy: no event. At interpreter exit, a script that drops its watchers: rc 0, one summary per watcher, no
traceback.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import torch
import torch.nn as nn

import lossguard

REPO = Path(__file__).resolve().parents[2]


def _epochs(raise_lr: bool) -> list[Any]:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 3))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    events: list[Any] = []
    g = torch.Generator().manual_seed(0)
    for epoch in range(3):
        crit = lossguard.watch(model, nn.CrossEntropyLoss(), console=False, on_event=events.append)
        for i in range(12):
            x = torch.randn(32, 10, generator=g)
            y = (x[:, 0] > 0).long() + (x[:, 1] > 0).long()
            if raise_lr and epoch == 1 and i == 9:
                for group in opt.param_groups:
                    group["lr"] = 50.0
            if epoch == 2 and i == 0:
                for group in opt.param_groups:
                    group["lr"] = 0.1
            opt.zero_grad()
            loss = crit(model(x), y)
            loss.backward()
            opt.step()
        if epoch == 1:
            found = [(e.code, e.step) for e in events]
            assert found == [], f"read before the watcher was dropped, the test shows nothing: {found}"
    crit.close()
    return events


def test_a_watcher_dropped_without_close_reads_its_last_steps_when_collected():
    found = [(e.code, e.step) for e in _epochs(raise_lr=True)]
    assert found[:1] == [("LG102", 10)], found


def test_the_same_epochs_healthy_say_nothing():
    assert [(e.code, e.step) for e in _epochs(raise_lr=False)] == []


def test_a_script_that_drops_its_watchers_exits_cleanly_with_their_summaries():
    script = textwrap.dedent(
        """
        import torch, torch.nn as nn, lossguard
        from rich.console import Console
        torch.manual_seed(0)
        model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        keep = []
        for epoch in range(3):
            crit = lossguard.watch(model, nn.CrossEntropyLoss(), console=Console(stderr=True, width=200))
            if epoch == 2:
                keep.append([crit, keep])  # the last one in a reference cycle: collected at exit, if at all
            for i in range(5):
                x = torch.randn(16, 4)
                loss = crit(model(x), (x[:, 0] > 0).long())
                opt.zero_grad(); loss.backward(); opt.step()
        """
    )
    proc = subprocess.run([sys.executable, "-X", "dev", "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    assert proc.stderr.count("5 steps watched") == 3, proc.stderr
