"""Gating on what a change introduces: `lossguard baseline`, `check --baseline` and `check --diff REF`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lossguard.static.finding import Finding
from lossguard.static.fingerprint import content_hash
from lossguard.static.sources import SourceSet
from tests.cli_support import FIXED, TRAIN, cli, git, run


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "train.py").write_text(TRAIN)
    (tmp_path / "eval.py").write_text(FIXED)
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "old code with old findings", cwd=tmp_path)
    return tmp_path


def _codes(r) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    return [(d["path"], d["code"], d["line"]) for d in json.loads(r.stdout)]


def test_baseline_hides_old_findings_even_when_code_moves(repo: Path):
    r = cli("baseline", "-o", "lg-baseline.json", cwd=repo)
    assert r.returncode == 0, r.stderr
    assert "Recorded 2 findings in lg-baseline.json" in r.stdout
    recorded = json.loads((repo / "lg-baseline.json").read_text())
    assert [(e["path"], e["code"]) for e in recorded["findings"]] == [("train.py", "LG001"), ("train.py", "LG006")]

    r = cli("check", "--baseline", "lg-baseline.json", cwd=repo)
    assert r.returncode == 0, r.stdout
    assert "Not shown: 2 in the baseline." in r.stdout

    # Old code moves down and gets re-indented into a class; a new bug is written in eval.py.
    moved = "import logging\n\n\nclass Trainer:\n" + "".join("    " + line if line.strip() else line for line in TRAIN.splitlines(True))
    (repo / "train.py").write_text(moved)
    (repo / "eval.py").write_text(FIXED.replace("total += loss.item()", "total += loss"))
    r = cli("check", "--format", "json", "--baseline", "lg-baseline.json", cwd=repo)
    assert r.returncode == 1
    assert _codes(r) == [("eval.py", "LG006", 16)]

    # The same old bug written a second time in the same file is new.
    (repo / "eval.py").write_text(FIXED)
    (repo / "train.py").write_text(TRAIN + "\n\n" + TRAIN[TRAIN.index("def train(") :].replace("def train(", "def train_again("))
    r = cli("check", "--format", "json", "--baseline", "lg-baseline.json", cwd=repo)
    assert [c for _, c, _ in _codes(r)] == ["LG001", "LG006"] and all(line > 17 for *_, line in _codes(r))


def test_a_baseline_entry_does_not_hide_the_same_bug_written_in_another_function(repo: Path):
    """A recorded finding is matched by its text; the same text in another function is another
    place: fixing the recorded one and writing the bug in a new function is a new finding."""
    assert cli("baseline", "-o", "lg-baseline.json", cwd=repo).returncode == 0
    train = TRAIN.replace("loss = criterion(model(x), y)", "loss = criterion(head(x), y)").replace("total += loss", "total += loss.item()")
    train = train.replace("optimizer = ", "head = nn.Linear(20, 5)\noptimizer = ")
    train += "\n\ndef evaluate(loader):\n    for x, y in loader:\n        loss = criterion(model(x), y)\n        print(loss.item())\n"
    (repo / "train.py").write_text(train)
    r = cli("check", "--format", "json", "--baseline", "lg-baseline.json", cwd=repo)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _codes(r) == [("train.py", "LG001", 23)]
    # A baseline written before the function was part of the key is still read, as it matched, with a warning.
    old = json.loads((repo / "lg-baseline.json").read_text())
    (repo / "train.py").write_text(TRAIN)
    sources = SourceSet(root=repo.resolve())
    sources.add("train.py", repo / "train.py")
    for entry in old["findings"]:
        flagged = Finding("train.py", entry["line"], 1, entry["line"], 1, entry["code"], "", "", "", "")
        entry["hash"] = content_hash(entry["code"], "train.py", sources.flagged_text(flagged))
    (repo / "v1.json").write_text(json.dumps({**old, "lossguard-baseline": 1}))
    (repo / "train.py").write_text(train)
    r = cli("check", "--format", "json", "--baseline", "v1.json", cwd=repo)
    assert r.returncode == 0 and _codes(r) == []
    assert "baseline format 1 matches a recorded finding with the same text in any function of its file" in r.stderr
    # Code that moves inside its function, or whose function moves, stays matched.
    (repo / "train.py").write_text("import os\n\n\n" + TRAIN.replace("    total = 0", "    total = 0\n    os.sync()"))
    assert cli("check", "--baseline", "lg-baseline.json", cwd=repo).returncode == 0


TWO_TRAINERS = """import torch
import torch.nn as nn


class Classifier:
    def __init__(self):
        self.model = nn.Sequential(nn.Linear(20, 5), nn.Softmax(dim=1))
        self.criterion = nn.CrossEntropyLoss()

    def fit(self, x, y):
        return self.criterion(self.model(x), y)


class Tagger:
    def __init__(self):
        self.model = nn.Sequential(nn.Linear(20, 5))
        self.criterion = nn.CrossEntropyLoss()

    def fit(self, x, y):
        return self.criterion(self.model(x), y)
"""


def test_a_baseline_entry_for_one_class_does_not_hide_the_same_method_of_another(tmp_path: Path):
    """Two classes with a same-named method and the same text: the recorded finding of one does
    not hide the other's (the key holds the class), while code moved into a class stays matched."""
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "models.py").write_text(TWO_TRAINERS)
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "one buggy trainer", cwd=tmp_path)
    assert cli("baseline", "-o", "b.json", cwd=tmp_path).returncode == 0
    assert [e["scope"] for e in json.loads((tmp_path / "b.json").read_text())["findings"]] == ["Classifier.fit"]
    # The Classifier's bug is fixed and the Tagger gets the same one: a new finding.
    first, second = TWO_TRAINERS.split("class Tagger")
    swapped = (
        first.replace(", nn.Softmax(dim=1)", "") + "class Tagger" + second.replace("nn.Linear(20, 5))\n", "nn.Linear(20, 5), nn.Softmax(dim=1))\n")
    )
    assert swapped.count("Softmax") == 1
    (tmp_path / "models.py").write_text(swapped)
    r = cli("check", "--format", "json", "--baseline", "b.json", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert _codes(r) == [("models.py", "LG001", 20)]
    # --diff: the Tagger's loss line did not change, and REF's Classifier has the same finding there.
    r = cli("check", "--format", "json", "--diff", "HEAD", cwd=tmp_path)
    assert _codes(r) == [("models.py", "LG001", 20)]
    # A recorded method whose class is renamed, or a function moved into a class, stays matched.
    (tmp_path / "models.py").write_text(TWO_TRAINERS.replace("class Classifier:", "class SoftClassifier:"))
    assert cli("check", "--baseline", "b.json", cwd=tmp_path).returncode == 0
    # A format 2 baseline (the function's name only) is still read as it matched, with a warning.
    doc = json.loads((tmp_path / "b.json").read_text())
    doc["lossguard-baseline"] = 2
    recorded_lines = TWO_TRAINERS.splitlines()
    for e in doc["findings"]:  # format 2's key: the function's name and the line, whitespace collapsed
        text = " ".join(recorded_lines[e["line"] - 1].split())
        e["hash"] = content_hash(e["code"], e["path"], f"{e['scope'].split('.')[-1]}\0{text}")
        del e["loose-hash"]
    (tmp_path / "v2.json").write_text(json.dumps(doc))
    (tmp_path / "models.py").write_text(swapped)
    r = cli("check", "--baseline", "v2.json", cwd=tmp_path)
    assert r.returncode == 0 and "baseline format 2 matches a recorded finding with the same text in a same-named method" in r.stderr


def test_a_baseline_entry_hides_only_the_finding_its_code_path_and_scope_name(repo: Path):
    """A reviewer reads a baseline's entries by their code, path and scope; the hash alone is
    not read by people. An entry whose hash is a new finding's but whose code and path name
    another file's old finding hides nothing."""
    assert cli("baseline", "-o", "honest.json", "train.py", cwd=repo).returncode == 0
    doc = json.loads((repo / "honest.json").read_text())
    for e in doc["findings"]:  # "an old LG006 in eval.py"
        e.update(code="LG006", path="eval.py", scope="train", message="old, accepted")
    (repo / "forged.json").write_text(json.dumps(doc))
    r = cli("check", "--format", "json", "--baseline", "forged.json", "train.py", cwd=repo)
    assert r.returncode == 1
    assert _codes(r) == [("train.py", "LG001", 13), ("train.py", "LG006", 16)]
    assert cli("check", "--baseline", "honest.json", "train.py", cwd=repo).returncode == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file; write a new one with `lossguard baseline -o base.json`"),
        ("{not json", "not valid JSON (line 1"),
        ('{"findings": []}', "not a lossguard baseline file"),
        ('{"lossguard-baseline": 99, "findings": []}', "baseline format 99 is not supported"),
        ('{"lossguard-baseline": true, "findings": []}', "baseline format true is not supported"),  # true == 1 in Python
        ('{"lossguard-baseline": 1, "findings": [{"code": "LG001"}]}', 'must be a list of objects with a "hash"'),
    ],
)
def test_bad_baseline_files_are_usage_errors(repo: Path, content: str | None, expected: str):
    if content is not None:
        (repo / "base.json").write_text(content)
    r = cli("check", "--baseline", "base.json", cwd=repo)
    assert r.returncode == 2
    assert "lossguard: error: --baseline base.json: " in r.stderr and expected in r.stderr
    assert r.stdout == ""


def test_diff_reports_only_changed_lines_and_untracked_files(repo: Path):
    assert cli("check", "--diff", "HEAD", cwd=repo).returncode == 0
    # Edit train.py: one new bug on a changed line; its old findings stay unreported.
    (repo / "train.py").write_text(
        TRAIN.replace("    return total\n", "    last = nn.functional.cross_entropy(torch.softmax(x, dim=1), y)\n    return total\n")
    )
    (repo / "notes.py").write_text(TRAIN)  # untracked: all of it is new
    git("add", "notes.py", cwd=repo)  # staged or not makes no difference
    (repo / "scratch.py").write_text(TRAIN)  # untracked, not staged
    r = cli("check", "--format", "json", "--diff", "HEAD", cwd=repo)
    assert r.returncode == 1, r.stderr
    assert _codes(r) == [
        ("notes.py", "LG001", 13),
        ("notes.py", "LG006", 16),
        ("scratch.py", "LG001", 13),
        ("scratch.py", "LG006", 16),
        ("train.py", "LG001", 17),
    ]
    r = cli("check", "--diff", "HEAD", "train.py", cwd=repo)
    assert "Not shown: 2 on lines unchanged since HEAD." in r.stdout


def test_diff_reports_a_bug_introduced_away_from_the_flagged_line(repo: Path):
    """The flagged line is where the loss is computed; the change that makes it wrong can be
    anywhere: the model's definition, a deleted line, the caller of a loss helper in another file."""
    (repo / "fit.py").write_text(FIXED)
    (repo / "utils.py").write_text("import torch.nn.functional as F\n\n\ndef bce(probs, y):\n    return F.binary_cross_entropy(probs, y)\n")
    caller = FIXED.replace("import torch.nn as nn\n", "import torch.nn as nn\n\nfrom utils import bce\n").replace(
        "model = nn.Sequential(nn.Linear(20, 5))", "model = nn.Linear(20, 1)"
    )
    (repo / "caller.py").write_text(caller.replace("criterion(model(x), y)", "bce(torch.sigmoid(model(x)), y)"))
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "more clean code", cwd=repo)
    # A softmax added to the model: the finding is at the (unchanged) loss call.
    (repo / "eval.py").write_text(FIXED.replace("nn.Linear(20, 5))", "nn.Linear(20, 5), nn.Softmax(dim=1))"))
    # zero_grad() deleted: the finding is at the (unchanged) backward() call.
    (repo / "fit.py").write_text(FIXED.replace("        optimizer.zero_grad()\n", ""))
    # The sigmoid dropped in caller.py: the finding is in utils.py, which did not change.
    (repo / "caller.py").write_text(caller.replace("criterion(model(x), y)", "bce(model(x), y)"))
    r = cli("check", "--format", "json", "--diff", "HEAD", cwd=repo)
    assert r.returncode == 1, r.stderr
    assert _codes(r) == [("eval.py", "LG001", 13), ("fit.py", "LG014", 14), ("utils.py", "LG002", 5)]
    # Old findings stay hidden: train.py's two are still there, unchanged.
    assert "Not shown: 2 on lines unchanged since HEAD." in cli("check", "--diff", "HEAD", cwd=repo).stdout


def test_diff_compares_a_branch_behind_its_base_with_their_merge_base(repo: Path):
    """`--diff main` on a branch that main has moved past compares with the fork point (as
    `git diff main...HEAD`, pre-commit's --from-ref and diff-cover do): main's own later changes
    are not the branch's, and a bug the branch adds is reported even when main added the same line."""
    git("branch", "-M", "main", cwd=repo)
    git("checkout", "-q", "-b", "feature", cwd=repo)
    (repo / "eval.py").write_text(FIXED.replace("total += loss.item()", "total += loss"))  # the branch's own bug
    git("commit", "-q", "-am", "feature: keeps the graph", cwd=repo)
    git("checkout", "-q", "main", cwd=repo)
    (repo / "train.py").write_text(FIXED)  # main fixes train.py's two old bugs ...
    (repo / "eval.py").write_text(FIXED.replace("total += loss.item()", "total += loss"))  # ... and writes the same line
    git("commit", "-q", "-am", "main moves on", cwd=repo)
    git("checkout", "-q", "feature", cwd=repo)
    r = cli("check", "--format", "json", "--diff", "main", cwd=repo)
    assert r.returncode == 1, r.stderr
    assert _codes(r) == [("eval.py", "LG006", 16)]  # not train.py's old findings, which the branch did not touch
    assert "Not shown: 2 on lines unchanged since main (at its merge base with HEAD," in cli("check", "--diff", "main", cwd=repo).stdout
    # A shallow clone of a pull request's merge commit (what actions/checkout checks out, with
    # `git fetch --depth=1 origin main`): the merge base cannot be computed, but REF is a parent.
    git("checkout", "-q", "main", cwd=repo)
    git("merge", "-q", "--no-ff", "--no-edit", "feature", cwd=repo)
    git("branch", "base", "main^1", cwd=repo)
    shallow = repo.parent / "shallow"
    git("clone", "-q", "--depth=1", f"file://{repo}", str(shallow), cwd=repo.parent)
    git("fetch", "-q", "--depth=1", "origin", "base:refs/remotes/origin/base", cwd=shallow)
    r = cli("check", "--format", "json", "--diff", "origin/base", cwd=shallow)
    assert r.returncode == 0, r.stderr  # the merge brought no new finding: main already had eval.py's line
    git("checkout", "-q", "feature", cwd=repo)
    # Histories with no common commit: said so, nothing passed.
    git("checkout", "-q", "--orphan", "other", cwd=repo)
    git("commit", "-q", "-m", "unrelated", cwd=repo)
    r = cli("check", "--diff", "main", cwd=repo)
    assert r.returncode == 2 and "no common ancestor" in r.stderr and "fetch-depth: 0" in r.stderr, r.stderr


def test_a_file_checked_alone_reports_what_its_calls_break_in_a_helper_it_imports(tmp_path: Path):
    """pre-commit passes only the staged files. A caller that stops applying a sigmoid before a
    loss helper in another, unchanged file makes the helper's loss call wrong: the finding is in
    the helper's file, and it is reported although that file was not named."""
    (tmp_path / "utils.py").write_text("import torch.nn.functional as F\n\n\ndef bce(probs, y):\n    return F.binary_cross_entropy(probs, y)\n")
    caller = FIXED.replace("import torch.nn as nn\n", "import torch.nn as nn\n\nfrom utils import bce\n").replace(
        "model = nn.Sequential(nn.Linear(20, 5))", "model = nn.Linear(20, 1)"
    )
    (tmp_path / "caller.py").write_text(caller.replace("criterion(model(x), y)", "bce(torch.sigmoid(model(x)), y)"))
    assert cli("check", "caller.py", cwd=tmp_path).returncode == 0
    (tmp_path / "caller.py").write_text(caller.replace("criterion(model(x), y)", "bce(model(x), y)"))
    r = run("check", "--format", "json", "caller.py", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _codes(r) == [("utils.py", "LG002", 5)]
    assert "(passed in by the call at caller.py:15)" in json.loads(r.stdout)[0]["message"]
    # A helper that skips itself stays skipped, named or not.
    helper = (tmp_path / "utils.py").read_text()
    (tmp_path / "utils.py").write_text("# lossguard: skip-file\n" + helper)
    assert cli("check", "caller.py", cwd=tmp_path).returncode == 0
    assert cli("check", ".", cwd=tmp_path).returncode == 0
    (tmp_path / "utils.py").write_text(helper)
    # So does a helper the configuration excludes.
    (tmp_path / "pyproject.toml").write_text('[tool.lossguard]\nextend-exclude = ["utils.py"]\n')
    assert cli("check", "caller.py", cwd=tmp_path).returncode == 0
    (tmp_path / "pyproject.toml").unlink()
    # The same finding as when both files are checked; a file that was not named is never fixed.
    assert _codes(cli("check", "--format", "json", ".", cwd=tmp_path)) == [("utils.py", "LG002", 5)]
    before = (tmp_path / "utils.py").read_bytes()
    cli("check", "--fix", "--unsafe-fixes", "caller.py", cwd=tmp_path)
    assert (tmp_path / "utils.py").read_bytes() == before
    r = cli("check", "--add-noqa", "caller.py", cwd=tmp_path)  # nor given noqa comments
    assert (tmp_path / "utils.py").read_bytes() == before
    assert "no noqa comment added at utils.py:5: the file was not named" in r.stderr, r.stderr


def test_a_helper_checked_alone_is_checked_with_the_files_that_import_it(tmp_path: Path):
    """The other direction: pre-commit passes only a staged `utils.py` whose helper now applies
    BCE to what its unchanged callers pass (logits). The files of the work tree that import it
    are analysed with it (their own findings are not reported: they were not named)."""
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "utils.py").write_text(
        "import torch.nn.functional as F\n\n\ndef loss_fn(x, y):\n    return F.binary_cross_entropy_with_logits(x, y)\n"
    )
    caller = FIXED.replace("import torch.nn as nn\n", "import torch.nn as nn\n\nfrom utils import loss_fn\n").replace(
        "model = nn.Sequential(nn.Linear(20, 5))", "model = nn.Linear(20, 1)"
    )
    # train.py has a finding of its own (LG006): not reported, train.py was not named
    (tmp_path / "train.py").write_text(
        caller.replace("criterion(model(x), y)", "loss_fn(model(x), y)").replace("total += loss.item()", "total += loss")
    )
    (tmp_path / "unrelated.py").write_text(TRAIN)  # does not import utils: not analysed, not reported
    assert cli("check", "utils.py", cwd=tmp_path).returncode == 0
    (tmp_path / "utils.py").write_text("import torch.nn.functional as F\n\n\ndef loss_fn(x, y):\n    return F.binary_cross_entropy(x, y)\n")
    r = run("check", "--format", "json", "utils.py", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _codes(r) == [("utils.py", "LG002", 5)]
    assert "(passed in by the call at train.py:15)" in json.loads(r.stdout)[0]["message"]
    assert "1 file checked" in cli("check", "utils.py", cwd=tmp_path).stdout


def test_a_helper_checked_alone_is_checked_with_the_callers_of_its_callers(tmp_path: Path):
    """train.py -> losses.py -> utils.py: staging utils.py alone must still see train.py's logits."""
    git("init", "-q", cwd=tmp_path)
    helper = "import torch.nn.functional as F\n\n\ndef loss_fn(x, y):\n    return F.{}(x, y)\n"
    (tmp_path / "utils.py").write_text(helper.format("binary_cross_entropy_with_logits"))
    (tmp_path / "losses.py").write_text("from utils import loss_fn\n\n\ndef compute(out, y):\n    return loss_fn(out, y) * 2\n")
    caller = FIXED.replace("import torch.nn as nn\n", "import torch.nn as nn\n\nfrom losses import compute\n").replace(
        "model = nn.Sequential(nn.Linear(20, 5))", "model = nn.Linear(20, 1)"
    )
    (tmp_path / "train.py").write_text(caller.replace("criterion(model(x), y)", "compute(model(x), y)"))
    assert cli("check", "utils.py", cwd=tmp_path).returncode == 0
    (tmp_path / "utils.py").write_text(helper.format("binary_cross_entropy"))
    assert _codes(cli("check", "--format", "json", ".", cwd=tmp_path)) == [("utils.py", "LG002", 5)]
    r = run("check", "--format", "json", "utils.py", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _codes(r) == [("utils.py", "LG002", 5)]


def test_a_helper_checked_alone_is_checked_with_the_notebooks_that_import_it(tmp_path: Path):
    git("init", "-q", cwd=tmp_path)
    helper = "import torch.nn.functional as F\n\n\ndef loss_fn(x, y):\n    return F.{}(x, y)\n"
    (tmp_path / "utils.py").write_text(helper.format("binary_cross_entropy_with_logits"))
    cells = [
        "import torch\nimport torch.nn as nn\nfrom utils import loss_fn",
        "model = nn.Linear(20, 1)\noptimizer = torch.optim.SGD(model.parameters(), lr=0.1)",
        "for x, y in loader:\n    optimizer.zero_grad()\n    loss = loss_fn(model(x), y)\n    loss.backward()\n    optimizer.step()",
    ]
    book = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": c} for c in cells],
    }
    (tmp_path / "explore.ipynb").write_text(json.dumps(book, indent=1))
    assert cli("check", "utils.py", cwd=tmp_path).returncode == 0
    (tmp_path / "utils.py").write_text(helper.format("binary_cross_entropy"))
    r = run("check", "--format", "json", "utils.py", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _codes(r) == [("utils.py", "LG002", 5)]
    assert "explore.ipynb cell 3" in json.loads(r.stdout)[0]["message"]


def test_a_thin_wrapper_checked_alone_reports_the_finding_it_forwards_to_an_importer(tmp_path: Path):
    """A finding on what a thin wrapper only forwards is reported at its caller's argument. A
    staged wrapper whose loss became BCELoss must still fail although the caller was not named."""
    git("init", "-q", cwd=tmp_path)
    wrapper = "import torch.nn as nn\n\n\nclass Criterion:\n    def __init__(self):\n        self.loss_func = nn.{}()\n\n    def loss(self, logits, y):\n        return self.loss_func(logits, y)\n"
    (tmp_path / "utils.py").write_text(wrapper.format("BCEWithLogitsLoss"))
    caller = FIXED.replace("import torch.nn as nn\n", "import torch.nn as nn\n\nfrom utils import Criterion\n").replace(
        "model = nn.Sequential(nn.Linear(20, 5))", "model = nn.Linear(20, 1)\ncrit = Criterion()"
    )
    (tmp_path / "train.py").write_text(caller.replace("criterion(model(x), y)", "crit.loss(model(x), y)"))
    assert cli("check", "utils.py", cwd=tmp_path).returncode == 0
    (tmp_path / "utils.py").write_text(wrapper.format("BCELoss"))
    r = run("check", "--format", "json", "utils.py", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _codes(r) == [("train.py", "LG002", 16)]
    assert "(through loss() at utils.py:9)" in json.loads(r.stdout)[0]["message"]


def test_a_model_file_checked_alone_reports_what_it_breaks_in_the_training_loop_that_imports_it(tmp_path: Path):
    """The commonest split: model.py and train.py. Staging only model.py with a softmax added
    at the end of the model makes train.py's (unchanged) cross-entropy wrong: the finding is
    in train.py, which pre-commit does not name; its evidence is in model.py, which it does."""
    git("init", "-q", cwd=tmp_path)
    model = "import torch.nn as nn\n\n\ndef make_model():\n    return nn.Sequential(nn.Linear(20, 5){})\n"
    (tmp_path / "model.py").write_text(model.format(""))
    train = FIXED.replace("import torch.nn as nn\n", "import torch.nn as nn\n\nfrom model import make_model\n").replace(
        "model = nn.Sequential(nn.Linear(20, 5))", "model = make_model()"
    )
    (tmp_path / "train.py").write_text(train)
    assert cli("check", "model.py", cwd=tmp_path).returncode == 0
    (tmp_path / "model.py").write_text(model.format(", nn.Softmax(dim=1)"))
    r = run("check", "--format", "json", "model.py", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _codes(r) == [("train.py", "LG001", 15)]
    assert "(nn.Softmax layer at model.py:5)" in json.loads(r.stdout)[0]["message"]


def _repository_with_a_submodule(tmp_path: Path) -> Path:
    """``top``: main.py (clean) and the submodule ``vendor`` (train.py, two findings), committed."""
    sub = tmp_path / "sub"
    sub.mkdir()
    git("init", "-q", cwd=sub)
    (sub / "train.py").write_text(TRAIN)
    git("add", ".", cwd=sub)
    git("commit", "-q", "-m", "vendored", cwd=sub)
    top = tmp_path / "top"
    top.mkdir()
    git("init", "-q", cwd=top)
    (top / "main.py").write_text(FIXED)
    git("add", ".", cwd=top)
    git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(sub), "vendor", cwd=top)
    git("commit", "-q", "-m", "with a submodule", cwd=top)
    return top


def test_submodules_and_nested_repositories_are_checked_and_diffed_against_their_own_commit(tmp_path: Path):
    """git lists a submodule (and an untracked repository inside the work tree) as one entry,
    not as its files: they were skipped, and `check .` said "All checks passed"."""
    top = _repository_with_a_submodule(tmp_path)
    (top / "nested").mkdir()
    git("init", "-q", cwd=top / "nested")
    (top / "nested" / "loop.py").write_text(TRAIN)  # a repository of its own, not a submodule
    r = cli("check", "--format", "json", ".", cwd=top)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _codes(r) == [
        ("nested/loop.py", "LG001", 13),
        ("nested/loop.py", "LG006", 16),
        ("vendor/train.py", "LG001", 13),
        ("vendor/train.py", "LG006", 16),
    ]
    # --diff: the submodule's files are compared with the submodule's commit in REF's tree;
    # the nested repository is not in REF: all of it is new.
    (top / "vendor" / "train.py").write_text(
        TRAIN.replace("    return total\n", "    last = nn.functional.cross_entropy(torch.softmax(x, dim=1), y)\n    return total\n")
    )
    r = cli("check", "--format", "json", "--diff", "HEAD", ".", cwd=top)
    assert _codes(r) == [("nested/loop.py", "LG001", 13), ("nested/loop.py", "LG006", 16), ("vendor/train.py", "LG001", 17)]


def test_a_submodule_that_is_not_checked_out_is_said_to_be_not_checked(tmp_path: Path):
    """actions/checkout leaves submodules out by default: their files are not there to check,
    and the run says so instead of passing quietly."""
    top = _repository_with_a_submodule(tmp_path)
    git("clone", "-q", str(top), str(tmp_path / "clone"), cwd=tmp_path)  # without --recurse-submodules
    r = cli("check", ".", cwd=tmp_path / "clone")
    assert r.returncode == 0, r.stderr
    assert "lossguard: warning: vendor: a submodule that is not checked out; its files were not checked" in r.stderr, r.stderr


def test_diff_reports_a_named_file_outside_the_repository_and_hides_only_ignored_ones(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    """A file outside the work tree is not in REF: all of it is new. Hiding its findings as
    "on lines unchanged since HEAD" passed a file no ref says anything about."""
    outside = tmp_path_factory.mktemp("elsewhere") / "train.py"
    outside.write_text(TRAIN)
    r = cli("check", "--format", "json", "--diff", "HEAD", str(outside), cwd=repo)
    assert r.returncode == 1, r.stdout + r.stderr
    assert [d["code"] for d in json.loads(r.stdout)] == ["LG001", "LG006"]
    (repo / ".gitignore").write_text("generated/\n")
    (repo / "generated").mkdir()
    (repo / "generated" / "train.py").write_text(TRAIN)  # git ignores it: not part of any change
    r = cli("check", "--diff", "HEAD", "generated/train.py", cwd=repo)
    assert r.returncode == 0 and "Not shown: 2 on lines unchanged since HEAD." in r.stdout


def test_diff_hides_the_old_findings_of_a_script_named_without_py(repo: Path):
    (repo / "train").write_text("#!/usr/bin/env python\n" + TRAIN)  # pre-commit passes such scripts
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "a script", cwd=repo)
    (repo / "train").write_text("#!/usr/bin/env python\n" + TRAIN + "\n# edited\n")
    r = cli("check", "--diff", "HEAD", "train", cwd=repo)
    assert r.returncode == 0, r.stdout
    assert "Not shown: 2 on lines unchanged since HEAD." in r.stdout


def test_diff_without_git_on_path_says_so(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    no_git = tmp_path_factory.mktemp("bin")  # a PATH with no git on it
    r = run("check", "--diff", "HEAD", cwd=repo, env={**os.environ, "PATH": str(no_git)})
    assert r.returncode == 2
    assert "--diff needs git, and no `git` command was found on PATH" in r.stderr, r.stderr
    # Without git, folders are walked: nothing is left out (.gitignore is not read).
    r = run("check", "--format", "concise", ".", cwd=repo, env={**os.environ, "PATH": str(no_git)})
    assert r.returncode == 1 and "train.py:13:26: LG001" in r.stdout


def test_diff_bad_ref_and_no_repository(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    r = run("check", "--diff", "no-such-branch", cwd=repo)
    assert r.returncode == 2
    assert "--diff no-such-branch: not a commit in this repository" in r.stderr and "fetch-depth: 0" in r.stderr
    outside = tmp_path_factory.mktemp("plain")
    (outside / "train.py").write_text(TRAIN)
    r = run("check", "--diff", "main", cwd=outside)
    assert r.returncode == 2 and "is not inside a git repository" in r.stderr
