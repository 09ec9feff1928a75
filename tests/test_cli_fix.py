"""`lossguard check --fix / --unsafe-fixes / --diff` through the real command line."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.cli_support import cli, run

SOURCE = textwrap.dedent(
    """
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    criterion = nn.MSELoss(size_average=False)
    kl = nn.KLDivLoss()
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y) + F.cross_entropy(F.softmax(model(x), dim=1), y)
        loss.backward()
        optimizer.step()
        total += loss
    """
).lstrip()


def codes(cwd: Path) -> list[str]:
    return sorted(d["code"] for d in json.loads(cli("check", "--format", "json", "train.py", cwd=cwd).stdout))


def test_diff_previews_without_writing(tmp_path):
    (tmp_path / "train.py").write_text(SOURCE)
    r = cli("check", "--diff", "train.py", cwd=tmp_path)
    assert r.returncode == 1
    assert '-criterion = nn.MSELoss(size_average=False)\n+criterion = nn.MSELoss(reduction="sum")' in r.stdout
    assert "+    total += loss.item()" in r.stdout
    assert (tmp_path / "train.py").read_text() == SOURCE


def test_fix_applies_safe_fixes_and_reports_the_rest(tmp_path):
    (tmp_path / "train.py").write_text(SOURCE)
    assert codes(tmp_path) == ["LG001", "LG006", "LG009", "LG010"]
    r = run("check", "--fix", "train.py", cwd=tmp_path)
    assert r.returncode == 1, "unsafe-only findings remain"
    assert "Fixed 2 problems in 1 file." in r.stderr
    fixed = (tmp_path / "train.py").read_text()
    assert 'nn.MSELoss(reduction="sum")' in fixed and "total += loss.item()" in fixed
    assert codes(tmp_path) == ["LG001", "LG009"]
    again = cli("check", "--fix", "train.py", cwd=tmp_path)
    assert (tmp_path / "train.py").read_text() == fixed, "a second --fix changes nothing"
    assert "Fixed" not in again.stderr


def test_unsafe_fixes(tmp_path):
    (tmp_path / "train.py").write_text(SOURCE)
    r = cli("check", "--fix", "--unsafe-fixes", "train.py", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    fixed = (tmp_path / "train.py").read_text()
    assert "F.cross_entropy(model(x), y)" in fixed
    assert 'nn.KLDivLoss(reduction="batchmean")' in fixed
    assert codes(tmp_path) == []


def test_fix_notebook_keeps_outputs_and_metadata(tmp_path):
    nb = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Train\n"]},
            {
                "cell_type": "code",
                "execution_count": 1,
                "metadata": {"tags": ["x"]},
                "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]}],
                "source": ["%matplotlib inline\n", "import torch.nn as nn\n", "crit = nn.L1Loss(reduce=False)"],
            },
        ],
        "metadata": {"kernelspec": {"name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "train.ipynb"
    path.write_text(json.dumps(nb, indent=1))
    r = cli("check", "--fix", "train.ipynb", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    data = json.loads(path.read_text())
    cell = data["cells"][1]
    assert cell["source"] == ["%matplotlib inline\n", "import torch.nn as nn\n", 'crit = nn.L1Loss(reduction="none")']
    assert cell["outputs"] == nb["cells"][1]["outputs"] and cell["metadata"] == {"tags": ["x"]}
    assert data["metadata"] == nb["metadata"] and data["cells"][0] == nb["cells"][0]
