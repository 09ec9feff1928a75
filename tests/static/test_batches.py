"""How a large run is cut into batches and in which order they run (heaviest first), through
the real command line: the order and the number of workers change nothing in what is found."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from lossguard.static import batches, engine, pool
from tests.cli_support import cli
from tests.static.batch_projects import MODELS

TRAIN = textwrap.dedent(
    """
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    from zz_models import Net, step


    def train(loader, epochs={n}):
        model = Net()
        criterion = nn.CrossEntropyLoss()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        for _ in range(epochs):
            for x, y in loader:
                optimizer.zero_grad()
                probs = F.softmax(model(x), dim=1)
                loss = criterion(probs, y)
                loss.backward()
                optimizer.step()
        return step(model, lambda t: torch.softmax(t, dim=1), x, y)
    """
).lstrip()

# a long module of plain code: it makes the last batch the heaviest by far
HEAVY = "".join(f"def helper_{i}(values):\n    total = 0\n    for v in values:\n        total += v * {i}\n    return total\n\n\n" for i in range(400))


def _tree(root: Path, n: int = 250) -> list[Path]:
    """``n`` files over three batches of ``engine.BATCH_FILES``: training scripts with a finding
    each, plain modules, broken ones, and the heaviest files last in file order."""
    root.mkdir()
    (root / "zz_models.py").write_text(MODELS)
    for i in range(n - 1):
        if i % 7 == 0:
            text = TRAIN.format(n=i)
        elif i % 31 == 5:
            text = "import torch\n\ndef broken(:\n    loss.backward()\n"
        elif i >= n - 40:
            text = HEAVY
        else:
            text = f"import torch\n\nscale = torch.tensor({i}.0)\n"
        (root / f"m{i:03d}.py").write_text(text)
    return sorted(root.glob("*.py"))


def _run(root: Path, jobs: str, log: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[dict], list[str], list[dict]]:
    monkeypatch.setenv(batches.LOG_ENV, str(log))
    r = cli("check", "--isolated", "--format", "json", "--jobs", jobs, ".", cwd=root)
    records = [json.loads(line) for line in log.read_text().splitlines()]
    errors = sorted(line for line in r.stderr.splitlines() if line.startswith("lossguard: error:"))
    return r.returncode, json.loads(r.stdout), errors, records


@pytest.mark.skipif(not pool.available(), reason="workers are forked; fork is not available here")
def test_two_workers_report_what_one_process_reports_each_file_once(tmp_path, monkeypatch):
    files = _tree(tmp_path / "proj")
    assert len(files) > 2 * engine.BATCH_FILES
    rc1, found1, errors1, log1 = _run(tmp_path / "proj", "1", tmp_path / "one.jsonl", monkeypatch)
    rc2, found2, errors2, log2 = _run(tmp_path / "proj", "2", tmp_path / "two.jsonl", monkeypatch)
    assert rc1 == rc2 == 2  # findings, and the broken files
    assert found1 == found2
    assert errors1 == errors2
    broken = [p.name for p in files if "def broken(:" in p.read_text()]
    assert len(errors1) == len(broken) and all(any(name in e for e in errors1) for name in broken)  # each once, wherever it ran
    places = [(f["path"], f["line"], f["col"], f["code"]) for f in found1]
    assert len(places) == len(set(places))  # no finding reported twice
    trained = {p.name for p in files if "def train(" in p.read_text()}
    assert {f["path"] for f in found1 if f["code"] == "LG001"} == trained | {"zz_models.py"}
    for log in (log1, log2):  # every file in exactly one batch
        assert sum(r["files"] for r in log) == len(files)
        assert len(log) == 3 and len({r["first"] for r in log}) == 3
    # one process runs the heaviest batch (the last files, HEAVY) first, and the others after it
    assert Path(log1[0]["first"]).name == files[2 * engine.BATCH_FILES].name
    assert all(r["cpu"] >= 0 and r["rss_mb"] > 0 for r in log1 + log2)


def test_batches_run_heaviest_first_by_their_files_sizes(tmp_path):
    sizes = {"a.py": 10, "b.py": 10, "c.py": 5_000, "d.py": 20, "e.py": 1, "f.py": 19}
    for name, size in sizes.items():
        (tmp_path / name).write_text("x" * size)
    paths = [tmp_path / n for n in sizes]
    chunks = batches.cut(paths, 2)
    assert chunks == [paths[0:2], paths[2:4], paths[4:6]]
    assert batches.heaviest_first(chunks) == [1, 0, 2]  # 5,020; 20; 20 (a tie: file order)
    # text checked in place of the file (a notebook's module, a pass of --fix) weighs what it holds
    assert batches.heaviest_first(chunks, {paths[4]: "y" * 10_000}) == [2, 1, 0]
    # a file that cannot be read weighs nothing here (its batch reports it)
    assert batches.heaviest_first([[tmp_path / "missing.py"], [paths[0]]]) == [1, 0]
    assert batches.cut([], 100) == [[]]


def test_jobs_must_be_a_number_of_processes(tmp_path):
    (tmp_path / "train.py").write_text("import torch\n")
    for bad in ("0", "-1", "two"):
        r = cli("check", "--jobs", bad, "train.py", cwd=tmp_path)
        assert r.returncode == 2
        assert "--jobs: expected a number of processes" in r.stderr
    assert cli("check", "--jobs", "3", "train.py", cwd=tmp_path).returncode == 0
