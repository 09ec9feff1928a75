"""bench/cuda_check.py, the accelerator proof script, kept working where there is no GPU.

The script is run as a user runs it, in a subprocess: on the CPU (``--device cpu --quick``)
every part but torch's sync detector runs, and its verdicts are read from the JSON it writes.
Where CUDA is available the full script runs too (its strict part: no host synchronisation on
any watched step). docs/runtime.md ("On a GPU") gives the figures of the H200 run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "cuda_check.py"


def run_check(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    out = tmp_path / "report.json"
    proc = subprocess.run([sys.executable, str(SCRIPT), *args, "--out", str(out)], capture_output=True, text=True, timeout=600)
    return proc, json.loads(out.read_text()) if out.exists() else {}


def test_cpu_run_finds_each_fault_at_its_step_and_changes_no_number(tmp_path: Path) -> None:
    proc, report = run_check(tmp_path, "--device", "cpu", "--quick")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "all checks passed on cpu" in proc.stdout
    assert report["sync"].startswith("not run")
    assert report["unchanged"] | {"events": []} == {
        "precision": "fp32",
        "steps": 24,
        "same_losses": True,
        "same_weights": True,
        "events": [],
        "ok": True,
    }
    faults = report["faults"]
    nan_step = faults["nan_step"]
    assert faults["events"]["healthy"] == []
    assert ["LG101", nan_step] in faults["events"]["nan_batch"]
    assert faults["fixes"]["nan_batch"]["LG101"].startswith("Check this step's input batch")
    assert min(step for _, step in faults["events"]["lr_x1000"]) <= 5
    assert "Lower the learning rate from 1 to" in next(iter(faults["fixes"]["lr_x1000"].values()))
    assert ["LG001", 0] in faults["events"]["softmax_before_ce"]
    assert ["LG101", nan_step] in faults["events"]["nan_into_bce"]
    assert faults["tensorboard_healthy"]["lossguard/loss"] == 40
    assert report["to"]["ok"] is True
    # a run that dies at step 4 (a NaN into BCELoss): torch's error is diagnosed, the blow-up before it read at exit
    crash = report["crash"]
    assert crash["ok"] is True and crash["rc"] != 0 and not crash["internal_error"]
    assert any("LG102 loss-spike (warning, step 1)" in line for line in crash["lossguard_lines"])  # at once since round 35 (was step 2)
    assert report["cost"]["mlp512_b128"]["events"] == []


def test_without_cuda_the_default_device_is_refused_with_what_to_do(tmp_path: Path) -> None:
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA: the refusal is for machines without it")
    proc, report = run_check(tmp_path)
    assert proc.returncode == 2 and report == {}
    assert "no CUDA device here" in proc.stderr and "--device cpu" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA (run on the device machine: docs/runtime.md, On a GPU)")
def test_cuda_run_has_no_host_sync_on_watched_steps(tmp_path: Path) -> None:
    proc, report = run_check(tmp_path, "--quick")
    assert proc.returncode == 0, proc.stdout[-2000:]
    for precision in ("fp32", "bf16"):
        assert report["sync"][precision]["strict"]["ok"] is True
    for row in report["sync"].values():
        counted = row["counted"]
        assert counted["watched_syncs"] - counted["plain_syncs"] <= counted["reads"]
