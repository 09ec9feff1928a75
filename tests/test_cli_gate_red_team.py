"""Round 36's attempts to fool `lossguard check --diff REF` as a hostile pull request would (docs/ci.md,
"Round 36: trying to fool the gate"): each test builds a real git repository whose REF is clean or
accepted, commits a change that adds a bug together with the trick, and runs the real command.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli_support import FIXED, TRAIN, cli, git, run

BUG = FIXED.replace("total += loss.item()", "total += loss")  # LG006 on line 16


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    git("init", "-q", "-b", "main", cwd=tmp_path)
    (tmp_path / "train.py").write_text(FIXED)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "demo"\n')
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "clean code", cwd=tmp_path)
    git("branch", "base", cwd=tmp_path)
    return tmp_path


def _commit(repo: Path, message: str) -> None:
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", message, cwd=repo)


def _found(r) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(d["path"], d["code"]) for d in json.loads(r.stdout) if d["kind"] == "finding"]


def test_a_path_named_like_the_ref_does_not_turn_the_gate_into_a_fix_preview(repo: Path):
    """`--diff origin/main` in a clone that has not fetched origin/main is an error (exit 2). A pull
    request that adds a folder `origin/main` made the same command read it as `--diff PATH` (a
    preview of the fixes: "No fixes available.", exit 0) and pass its bug. A value that could name
    a revision (a ref name, `HEAD~1`) is taken for one; only a value no ref can have is a path."""
    (repo / "train.py").write_text(BUG)
    for name in ("origin/main", "HEAD~3", "release"):
        (repo / name).mkdir(parents=True)
        (repo / name / "notes.txt").write_text("hello\n")
    _commit(repo, "a bug, and folders named like refs")
    git("remote", "add", "origin", "https://example.invalid/demo.git", cwd=repo)
    for ref in ("origin/main", "HEAD~3", "release"):
        r = run("check", "--diff", ref, cwd=repo)
        assert r.returncode == 2, (ref, r.stdout, r.stderr)
        assert f"--diff {ref}: not a commit in this repository" in r.stderr
        assert "No fixes available" not in r.stderr and "Traceback" not in r.stderr
        assert f"lossguard check {ref} --diff" in r.stderr  # how to preview the path's fixes instead
    # A value only a path can be is still the path whose fixes are previewed.
    for path in ("./train.py", "."):
        r = cli("check", "--diff", path, cwd=repo)
        assert r.returncode == 1 and "+        total += loss.item()" in r.stdout, (path, r.stdout, r.stderr)
    r = cli("check", "train.py", "--diff", cwd=repo)
    assert r.returncode == 1 and "+        total += loss.item()" in r.stdout


def test_a_configuration_or_baseline_made_a_symbolic_link_is_read_as_ref_has_the_file(repo: Path):
    """REF's configuration and baseline are REF's files of the same name. The change made
    `pyproject.toml` a link to another configuration REF has (a sub-project's, which ignores the
    bug's code) and `lossguard-baseline.json` a link to an older baseline REF has (which recorded
    the bug): both were read through the link in REF's tree and hid the bug, silently."""
    (repo / "examples").mkdir()
    (repo / "examples" / "pyproject.toml").write_text('[tool.lossguard]\nignore = ["LG006", "LG001"]\n')
    (repo / "train.py").write_text(TRAIN)
    assert cli("baseline", "-q", "-o", "old-baseline.json", cwd=repo).returncode == 0
    (repo / "train.py").write_text(FIXED)
    assert cli("baseline", "-q", "-o", "lossguard-baseline.json", cwd=repo).returncode == 0
    _commit(repo, "a sub-project's configuration, an old baseline and today's")
    git("branch", "-f", "base", cwd=repo)

    (repo / "train.py").write_text(TRAIN)  # LG001 and LG006 again
    (repo / "lossguard-baseline.json").unlink()
    os.symlink("old-baseline.json", repo / "lossguard-baseline.json")
    _commit(repo, "the baseline, pointed at the old one")
    r = cli("check", "--format", "json", "--diff", "base", "--baseline", "lossguard-baseline.json", cwd=repo)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _found(r) == [("train.py", "LG001"), ("train.py", "LG006")]
    assert "this change edits the baseline lossguard-baseline.json" in r.stderr

    git("checkout", "-q", "base", "--", "lossguard-baseline.json", cwd=repo)
    (repo / "pyproject.toml").unlink()
    os.symlink("examples/pyproject.toml", repo / "pyproject.toml")
    _commit(repo, "the configuration, pointed at the sub-project's")
    assert cli("check", cwd=repo).returncode == 0  # trusted without --diff
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _found(r) == [("train.py", "LG001"), ("train.py", "LG006")]
    assert "this change edits the lossguard configuration in pyproject.toml" in r.stderr
    r = cli("check", "--format", "json", "--diff", "base", "--config", "pyproject.toml", cwd=repo)
    assert r.returncode == 1 and len(_found(r)) == 2, r.stdout + r.stderr


def test_a_configuration_that_ref_keeps_as_a_symbolic_link_is_read_through_it(repo: Path):
    """The look-alike: REF itself has `pyproject.toml` as a link (to `config/pyproject.toml`);
    --diff reads it through REF's link, as REF's own run did, and says nothing."""
    (repo / "config").mkdir()
    (repo / "config" / "pyproject.toml").write_text('[project]\nname = "demo"\n\n[tool.lossguard]\nignore = ["LG006"]\n')
    (repo / "pyproject.toml").unlink()
    os.symlink("config/pyproject.toml", repo / "pyproject.toml")
    (repo / "train.py").write_text(BUG)
    _commit(repo, "an accepted LG006, the configuration kept in config/")
    git("branch", "-f", "base", cwd=repo)
    (repo / "train.py").write_text("import logging\n" + BUG)
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 0 and _found(r) == [], r.stdout + r.stderr
    assert "configuration" not in r.stderr


def test_a_second_copy_of_a_silenced_line_with_its_own_new_comment_is_new(repo: Path):
    """REF silenced one `total += loss` in `train` (accepted). The change writes the same line, with
    the same comment, a second time in the same function: the two have the same key (code, file,
    function, text), and the new comment used to take REF's one silenced finding while the old,
    unedited one kept silent too. Each of REF's silenced findings now stands for one."""
    silenced = BUG.replace("total += loss\n", "total += loss  # noqa: LG006\n")
    (repo / "train.py").write_text(silenced)
    _commit(repo, "an accepted LG006")
    git("branch", "-f", "base", cwd=repo)
    twice = silenced.replace("        total += loss  # noqa: LG006\n", "        total += loss  # noqa: LG006\n" * 2)
    (repo / "train.py").write_text(twice)
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 1, r.stdout + r.stderr
    assert [(d["line"], d["new_suppression"]) for d in json.loads(r.stdout)] == [(17, 17)]
    # The look-alike: the accepted line's comment is edited (no second copy): still REF's.
    (repo / "train.py").write_text(silenced.replace("# noqa: LG006", "# noqa: LG006 (summed on purpose)"))
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 0 and _found(r) == [], r.stdout + r.stderr


MODEL = """import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(20, 5)

    def forward(self, x):
        return self.fc(x)
"""

LOOP = """import torch
import torch.nn as nn

from model import Net

model = Net()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def train(loader):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)  # noqa
        loss.backward()
        optimizer.step()
"""


def test_a_suppression_comment_ref_has_does_not_hide_a_new_bug_the_change_makes_elsewhere(tmp_path: Path):
    """REF's loss line carries a blanket `# noqa` (kept for flake8's line length, or left over from
    a bug fixed since) and REF has no finding there. The change adds a final softmax to the model
    in model.py and leaves train.py alone: the new LG001 lands on the commented line, and REF's
    comment silenced it. A comment REF has now silences only what it silenced at REF."""
    git("init", "-q", "-b", "main", cwd=tmp_path)
    (tmp_path / "model.py").write_text(MODEL)
    (tmp_path / "train.py").write_text(LOOP)
    _commit(tmp_path, "clean, with a blanket noqa on the loss line")
    git("branch", "base", cwd=tmp_path)
    (tmp_path / "model.py").write_text(MODEL.replace("return self.fc(x)", "return self.fc(x).softmax(dim=1)"))
    _commit(tmp_path, "probabilities out of the model")
    assert cli("check", cwd=tmp_path).returncode == 0  # the comment is obeyed without --diff
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    found = json.loads(r.stdout)
    assert [(d["path"], d["code"], d["line"], d["new_suppression"]) for d in found] == [("train.py", "LG001", 14, 14)]
    assert "silenced by a suppression comment (line 14) that did not silence this finding at REF" in found[0]["message"]
    assert cli("check", "--diff", "base", "--allow-new-suppressions", cwd=tmp_path).returncode == 0
    # The look-alike: REF had the finding, silenced by the same comment: still silent.
    git("branch", "-f", "base", cwd=tmp_path)
    (tmp_path / "model.py").write_text(MODEL.replace("return self.fc(x)", "return self.fc(x).softmax(dim=1)") + "\n\nVERSION = 2\n")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 0 and _found(r) == [], r.stdout + r.stderr


def test_a_skip_file_comment_ref_has_is_obeyed_for_the_whole_file(repo: Path):
    """The look-alike of the test above: a file REF skips is skipped, also for what the change adds to it."""
    (repo / "vendored.py").write_text("# lossguard: skip-file\n" + FIXED)
    _commit(repo, "a vendored copy, skipped")
    git("branch", "-f", "base", cwd=repo)
    (repo / "vendored.py").write_text("# lossguard: skip-file\n" + BUG)
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 0 and _found(r) == [], r.stdout + r.stderr


def test_identifiers_written_with_lookalike_letters_are_checked_as_python_reads_them(tmp_path: Path):
    """Python reads an identifier as its NFKC form: `nn.CrossEntropyＬoss()` and `loss.ｂackward()`
    (fullwidth Ｌ and ｂ, which a reviewer reads as L and b) are CrossEntropyLoss and backward. The
    text prefilter looked for the ASCII words and skipped the file: "All checks passed" on a
    double softmax. The look-alike: a file whose only non-ASCII text is a comment and a string."""
    train = TRAIN.replace("nn.CrossEntropyLoss()", "nn.CrossEntropy\uff2coss()").replace("loss.backward()", "loss.\uff42ackward()")
    (tmp_path / "train.py").write_text(train.replace("criterion", "crit"), encoding="utf-8")
    r = cli("check", "--format", "json", "train.py", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _found(r) == [("train.py", "LG001"), ("train.py", "LG006")]
    (tmp_path / "train.py").write_text('# 训练循环\nimport torch\n\nNAME = "ｍｏｄｅｌ"\nmodel = torch.nn.Linear(4, 2)\n', encoding="utf-8")
    r = cli("check", "--format", "json", "train.py", cwd=tmp_path)
    assert r.returncode == 0 and _found(r) == [], r.stdout + r.stderr


SOFTMAX_MODEL = MODEL.replace("return self.fc(x)", "return self.fc(x).softmax(dim=1)")
PLAIN_LOOP = LOOP.replace("  # noqa", "")
HELPER = (
    "import torch\nimport torch.nn.functional as F\n\n\ndef bce(logits, target):\n    return F.binary_cross_entropy(torch.sigmoid(logits), target)\n"
)
CALLER = (
    "import torch\n\nfrom helpers import bce\n\nnet = torch.nn.Linear(4, 1)\n\n\ndef step(x, y):\n    loss = bce(net(x), y)\n    loss.backward()\n"
)
SOFT_HELPER = HELPER.replace("torch.sigmoid(logits)", "logits")
TWO_LOOPS = """import torch.nn as nn

soft = nn.Sequential(nn.Linear(20, 5), nn.Softmax(dim=1))
plain = nn.Linear(20, 5)
criterion = nn.CrossEntropyLoss()


def fit(loader):
    net = soft
    for x, y in loader:
        loss = criterion(net(x), y)
        loss.backward()
    net = plain
    for x, y in loader:
        loss = criterion(net(x), y)
        loss.backward()
"""


@pytest.mark.parametrize(
    ("ref", "moves", "change", "expected"),
    [
        pytest.param(  # git mv model.py models/net.py, the softmax added there, the import line edited
            {"model.py": MODEL, "train.py": PLAIN_LOOP},
            [("model.py", "models/net.py")],
            {"models/net.py": SOFTMAX_MODEL, "train.py": PLAIN_LOOP.replace("from model import", "from models.net import")},
            [("train.py", "LG001")],
            id="renamed-and-edited-model",
        ),
        pytest.param(  # `import model as m` re-pointed at another module that REF already has
            {
                "model.py": MODEL,
                "soft.py": SOFTMAX_MODEL,
                "train.py": PLAIN_LOOP.replace("from model import Net", "import model as m").replace("= Net()", "= m.Net()"),
            },
            [],
            {"train.py": PLAIN_LOOP.replace("from model import Net", "import soft as m").replace("= Net()", "= m.Net()")},
            [("train.py", "LG001")],
            id="import-alias-re-pointed",
        ),
        pytest.param(  # a package's __init__.py re-exports another Net; train.py unchanged
            {
                "pkg/__init__.py": "from pkg.plain import Net\n",
                "pkg/plain.py": MODEL,
                "pkg/soft.py": SOFTMAX_MODEL,
                "train.py": PLAIN_LOOP.replace("from model", "from pkg"),
            },
            [],
            {"pkg/__init__.py": "from pkg.soft import Net\n"},
            [("train.py", "LG001")],
            id="package-re-export-changed",
        ),
        pytest.param(  # model.py made a symbolic link to a softmax model REF has
            {"model.py": MODEL, "soft.py": SOFTMAX_MODEL, "train.py": PLAIN_LOOP},
            [],
            {"model.py": ("link", "soft.py")},
            [("train.py", "LG001")],
            id="model-made-a-link",
        ),
        pytest.param(  # model.py deleted, a package model/ with a softmax in its place
            {"model.py": MODEL, "train.py": PLAIN_LOOP},
            [],
            {"model.py": None, "model/__init__.py": SOFTMAX_MODEL},
            [("train.py", "LG001")],
            id="module-replaced-by-a-package",
        ),
        pytest.param(  # the helper's sigmoid removed; the finding is at the unchanged call in train.py's helper
            {"helpers.py": HELPER, "step.py": CALLER},
            [],
            {"helpers.py": None, "utils/helpers.py": SOFT_HELPER, "step.py": CALLER.replace("from helpers", "from utils.helpers")},
            [("utils/helpers.py", "LG002")],
            id="helper-deleted-and-moved-across-folders",
        ),
        pytest.param(  # REF has one finding of this text in fit(); a second on an unchanged line is new
            {"m.py": TWO_LOOPS},
            [],
            {"m.py": TWO_LOOPS.replace("    net = plain\n", "    net = soft\n")},
            [("m.py", "LG001")],
            id="second-copy-on-an-unchanged-line",
        ),
        pytest.param(  # .gitattributes: export-ignore, linguist-generated/vendored, -diff: nothing lossguard reads
            {"train.py": FIXED},
            [],
            {"train.py": BUG, ".gitattributes": "train.py export-ignore linguist-generated=true linguist-vendored -diff\n"},
            [("train.py", "LG006")],
            id="gitattributes-export-ignore-and-linguist",
        ),
        pytest.param(  # train.py re-saved with CRLF line endings and a BOM keeps its old findings old; the bug in eval.py is new
            {"train.py": TRAIN, "eval.py": FIXED},
            [],
            {"train.py": b"\xef\xbb\xbf" + TRAIN.replace("\n", "\r\n").encode(), "eval.py": BUG},
            [("eval.py", "LG006")],
            id="crlf-and-bom",
        ),
    ],
)
def test_a_change_whose_bug_lands_elsewhere_fails_the_gate(tmp_path: Path, ref: dict, moves: list, change: dict, expected: list):
    git("init", "-q", "-b", "main", cwd=tmp_path)
    _write(tmp_path, ref)
    _commit(tmp_path, "REF")
    git("branch", "base", cwd=tmp_path)
    for old, new in moves:
        (tmp_path / new).parent.mkdir(parents=True, exist_ok=True)
        git("mv", old, new, cwd=tmp_path)
    _write(tmp_path, change)
    _commit(tmp_path, "the change")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _found(r) == expected


def _write(top: Path, files: dict) -> None:
    for name, content in files.items():
        path = top / name
        if path.is_symlink() or path.exists():
            path.unlink()
        if content is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, tuple):
            os.symlink(content[1], path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)


def test_diff_in_a_bare_repository_a_linked_worktree_and_a_detached_head(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    """A bare repository has no work tree: a usage error, no traceback. A linked worktree (`.git` is
    a file there) and a detached HEAD compare as a clone does."""
    (repo / "train.py").write_text(BUG)
    _commit(repo, "a bug")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    git("clone", "-q", "--bare", str(repo), str(elsewhere / "bare.git"), cwd=elsewhere)
    r = run("check", "--diff", "HEAD~1", ".", cwd=elsewhere / "bare.git")
    assert r.returncode == 2 and "not inside a git repository" in r.stderr and "Traceback" not in r.stderr, r.stderr
    git("worktree", "add", "-q", "--detach", str(elsewhere / "linked"), "base", cwd=repo)
    (elsewhere / "linked" / "train.py").write_text(BUG)
    r = cli("check", "--format", "json", "--diff", "main", cwd=elsewhere / "linked")
    assert r.returncode == 1 and _found(r) == [("train.py", "LG006")], r.stdout + r.stderr
    git("checkout", "-q", "--detach", "HEAD", cwd=repo)
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 1 and _found(r) == [("train.py", "LG006")], r.stdout + r.stderr


def test_a_package_beside_a_module_of_the_same_name_is_what_an_import_loads(tmp_path: Path):
    """`from model import Net` with both `model.py` and `model/__init__.py` in the folder loads the
    package (Python's path finder looks for the package first). The change added `model/__init__.py`
    with a final softmax and left a clean `model.py` beside it for the reviewer: lossguard read
    model.py and passed. The look-alike: with model.py alone (the package deleted), model.py is read."""
    git("init", "-q", "-b", "main", cwd=tmp_path)
    _write(tmp_path, {"model.py": MODEL, "train.py": PLAIN_LOOP})
    _commit(tmp_path, "clean")
    git("branch", "base", cwd=tmp_path)
    _write(tmp_path, {"model/__init__.py": SOFTMAX_MODEL})
    _commit(tmp_path, "a package that shadows model.py")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _found(r) == [("train.py", "LG001")] and "model/__init__.py" in json.loads(r.stdout)[0]["message"]
    _write(tmp_path, {"model/__init__.py": None, "model.py": SOFTMAX_MODEL.replace("softmax(dim=1)", "relu()")})
    r = cli("check", "--format", "json", cwd=tmp_path)
    assert r.returncode == 0 and _found(r) == [], r.stdout + r.stderr


def test_a_noqa_comment_on_the_line_above_or_below_silences_nothing(repo: Path):
    """A suppression is read on a finding's first or last line only: the same comment on a line of
    its own above or below the flagged line does nothing, with or without --diff."""
    (repo / "train.py").write_text(BUG.replace("        total += loss\n", "        # noqa: LG006\n        total += loss\n        # noqa: LG006\n"))
    _commit(repo, "comments around the bug")
    assert _found(cli("check", "--format", "json", cwd=repo)) == [("train.py", "LG006")]
    assert _found(cli("check", "--format", "json", "--diff", "base", cwd=repo)) == [("train.py", "LG006")]


def test_a_file_the_change_adds_under_a_folder_excluded_by_default_is_checked(repo: Path):
    """`dist`, `build`, `venv` (ruff's list) are left out wherever they are. A change that adds its
    training code as `src/dist/ddp.py` (a plausible name for distributed training), or moves
    train.py into `dist/`, was not checked and the run said "All checks passed". Under --diff the
    gate checks such a file the change adds like any other, and says so in a warning, unless the
    configuration names the folder in `exclude`/`extend-exclude`. Look-alikes: a clean file added
    there passes; a file REF already had there, and a run without --diff, stay as they were."""
    (repo / "src" / "dist").mkdir(parents=True)
    (repo / "src" / "dist" / "ddp.py").write_text(BUG)
    _commit(repo, "distributed training")
    assert cli("check", cwd=repo).returncode == 0  # without --diff: left out, as ruff does
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 1, r.stdout + r.stderr
    assert [(e["code"], e["path"], e["line"]) for e in json.loads(r.stdout)] == [("LG006", "src/dist/ddp.py", 16)]
    assert "checked 1 file(s) this change adds or edits under folders excluded by default (`dist`)" in r.stderr
    # The file moved there by `git mv` is added there too.
    git("mv", "train.py", "dist_train.py", cwd=repo)
    (repo / "dist").mkdir()
    git("mv", "dist_train.py", "dist/train.py", cwd=repo)
    _commit(repo, "moved")
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert sorted(e["path"] for e in json.loads(r.stdout)) == ["src/dist/ddp.py"], r.stdout
    assert "checked 2 file(s)" in r.stderr
    # A clean file added there is checked and passes.
    git("reset", "-q", "--hard", "base", cwd=repo)
    (repo / "build").mkdir()
    (repo / "build" / "clean.py").write_text(FIXED)
    _commit(repo, "a clean build script")
    r = cli("check", "--diff", "base", cwd=repo)
    assert r.returncode == 0 and "checked 1 file(s)" in r.stderr, r.stdout + r.stderr
    # REF's configuration that names the folder says it is meant: nothing to say.
    git("reset", "-q", "--hard", "base", cwd=repo)
    (repo / "pyproject.toml").write_text('[project]\nname = "demo"\n\n[tool.lossguard]\nextend-exclude = ["dist"]\n')
    _commit(repo, "dist/ is generated")
    git("branch", "-f", "base", cwd=repo)
    (repo / "src" / "dist").mkdir(parents=True)
    (repo / "src" / "dist" / "ddp.py").write_text(BUG)
    _commit(repo, "distributed training")
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 0 and json.loads(r.stdout) == [] and "excluded by default" not in r.stderr, r.stdout + r.stderr
    # A file REF already had under a default-excluded folder is not the change's.
    git("reset", "-q", "--hard", "base~1", cwd=repo)
    (repo / "build").mkdir()
    (repo / "build" / "old.py").write_text(BUG)
    _commit(repo, "an old build script")
    git("branch", "-f", "base", cwd=repo)
    (repo / "build" / "old.py").write_text(BUG + "\n")
    _commit(repo, "touched")
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 0 and json.loads(r.stdout) == [], r.stdout + r.stderr


VENDORED = "import torch.nn.functional as F\n\n\ndef bce(probs, target):\n    return F.binary_cross_entropy(probs, target)\n"
USES_VENDORED = """import torch

from vendor.losses import bce

net = torch.nn.Linear(4, 1)


def step(x, y):
    loss = bce(torch.sigmoid(net(x)), y)
    loss.backward()
"""


def test_a_bug_a_checked_file_causes_in_an_excluded_file_fails_the_gate(tmp_path: Path):
    """REF excludes `vendor/` (a vendored loss helper that wants probabilities). The change makes
    train.py pass logits: the finding is at the helper's loss call, in the excluded file, and was
    dropped with the file's own findings: exit 0. Under --diff it is kept when REF's check of the
    same files does not have it; the look-alike (REF already passed logits there) stays hidden,
    and a run without --diff leaves excluded files out as before."""
    git("init", "-q", "-b", "main", cwd=tmp_path)
    _write(
        tmp_path,
        {
            "vendor/__init__.py": "",
            "vendor/losses.py": VENDORED,
            "train.py": USES_VENDORED,
            "pyproject.toml": '[tool.lossguard]\nextend-exclude = ["vendor"]\n',
        },
    )
    _commit(tmp_path, "a vendored helper, excluded")
    git("branch", "base", cwd=tmp_path)
    _write(tmp_path, {"train.py": USES_VENDORED.replace("bce(torch.sigmoid(net(x)), y)", "bce(net(x), y)")})
    _commit(tmp_path, "logits into the helper")
    assert cli("check", cwd=tmp_path).returncode == 0
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _found(r) == [("vendor/losses.py", "LG002")] and "passed in by the call at train.py:9" in json.loads(r.stdout)[0]["message"]
    git("branch", "-f", "base", cwd=tmp_path)
    _write(tmp_path, {"train.py": "import logging\n" + USES_VENDORED.replace("bce(torch.sigmoid(net(x)), y)", "bce(net(x), y)")})
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 0 and _found(r) == [], r.stdout + r.stderr


def test_renaming_the_function_around_an_accepted_silenced_line_keeps_it_silent(repo: Path):
    """The look-alike of the blanket-noqa test: REF silenced LG006 on `total += loss  # noqa: LG006`
    in `train`; the change renames `train` to `fit` and leaves the silenced line alone. The
    comment is REF's and silenced this code at REF: still silent (matched without the scope)."""
    silenced = BUG.replace("total += loss\n", "total += loss  # noqa: LG006\n")
    (repo / "train.py").write_text(silenced)
    _commit(repo, "an accepted LG006")
    git("branch", "-f", "base", cwd=repo)
    (repo / "train.py").write_text(silenced.replace("def train(", "def fit("))
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 0 and _found(r) == [], r.stdout + r.stderr


def test_a_configuration_named_through_a_link_to_the_repository_is_still_refs(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    """`--config` names the repository's pyproject.toml through a link outside it (a checkout
    under a linked folder): it is still the repository's file, read as REF has it."""
    (repo / "train.py").write_text(BUG)
    (repo / "pyproject.toml").write_text('[project]\nname = "demo"\n\n[tool.lossguard]\nignore = ["LG006"]\n')
    _commit(repo, "a bug, and the configuration that hides it")
    outside = tmp_path_factory.mktemp("outside")
    os.symlink(repo, outside / "checkout")
    r = cli("check", "--format", "json", "--diff", "base", "--config", str(outside / "checkout" / "pyproject.toml"), cwd=repo)
    assert r.returncode == 1 and _found(r) == [("train.py", "LG006")], r.stdout + r.stderr
