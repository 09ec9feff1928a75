"""`lossguard check`, `rules` and `explain` through the real command line: the exit statuses in a
subprocess, what is printed in-process (tests/cli_support.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_support import TRAIN, cli, run

CLEAN = "import torch\nprint(torch.softmax(torch.zeros(2), dim=0))\n"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "train.py").write_text(TRAIN)
    (tmp_path / "clean.py").write_text(CLEAN)
    return tmp_path


def test_text_output_exit_1(project):
    r = run("check", ".", cwd=project)
    assert r.returncode == 1, r.stderr
    assert "train.py:13:26: LG001 [double-softmax]" in r.stdout
    assert "train.py:16:9: LG006 [graph-retention]" in r.stdout
    assert "= fix:" in r.stdout and "^^^^^" in r.stdout
    assert "Found 2 problems in 1 file (2 files checked)" in r.stdout


def test_json_output(project):
    r = cli("check", "--format", "json", cwd=project)
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert [d["code"] for d in data] == ["LG001", "LG006"]
    assert set(data[0]) >= {"code", "name", "severity", "path", "line", "col", "end_line", "end_col", "message", "fix"}
    assert data[0]["path"] == "train.py"


def test_clean_file_exit_0(project):
    r = run("check", "clean.py", cwd=project)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "All checks passed" in r.stdout


def test_select_and_ignore(project):
    assert [d["code"] for d in json.loads(cli("check", "--format", "json", "--select", "LG006", cwd=project).stdout)] == ["LG006"]
    assert [d["code"] for d in json.loads(cli("check", "--format", "json", "--ignore", "double-softmax", cwd=project).stdout)] == ["LG006"]
    r = cli("check", "--select", "LG999", cwd=project)
    assert r.returncode == 2 and "unknown rule code 'LG999'" in r.stderr


def test_unparseable_file_exit_2_others_checked(project):
    (project / "broken.py").write_text("def f(:\n  loss.backward()\n")
    r = run("check", "--format", "json", cwd=project)
    assert r.returncode == 2
    assert [(d["code"], d["kind"]) for d in json.loads(r.stdout)] == [("LG001", "finding"), ("LG006", "finding"), (None, "not-checked")]
    assert "broken.py: syntax error at line 1" in r.stderr


def test_the_findings_line_counts_only_the_files_that_were_checked(project):
    """With one file unparseable, the findings line said "(3 files checked)" and the next line "1 of 3
    files could not be checked": the count in the findings line is of the files read and analysed."""
    (project / "broken.py").write_text("def f(:\n  loss.backward()\n")
    r = run("check", ".", cwd=project)
    assert r.returncode == 2
    assert "Found 2 problems in 1 file (2 files checked)" in r.stdout, r.stdout
    assert "1 of 3 files could not be checked" in r.stdout, r.stdout


def test_file_that_could_not_be_checked_is_not_reported_as_passing(project):
    (project / "clean.py").unlink()
    (project / "train.py").write_text("def f(:\n  loss.backward()\n")
    r = cli("check", ".", cwd=project)
    assert r.returncode == 2
    assert "All checks passed" not in r.stdout
    assert "1 of 1 file could not be checked" in r.stdout


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the syntax is valid for the running Python")
def test_syntax_newer_than_the_running_python_is_named(project):
    """PEP 695 generics parse only on Python >= 3.12 (ast uses the running interpreter's grammar)."""
    (project / "new.py").write_text("def first[T](xs: list[T]) -> T:\n    return xs[0]\n\nloss.backward()\n")
    r = cli("check", "new.py", cwd=project)
    assert r.returncode == 2
    assert "new.py: syntax error at line 1" in r.stderr
    assert "uses syntax newer than Python 3." in r.stderr and "newer Python" in r.stderr
    # Python 2 is read as Python 2 (lossguard.static.python2); text broken for both is named without the hint
    (project / "old.py").write_text("print 'python 2'\nloss.backward()\n")
    r = cli("check", "old.py", cwd=project)
    assert r.returncode == 0 and "1 file checked" in r.stdout, r.stdout + r.stderr
    (project / "broken.py").write_text("print 'python 2' x\nloss.backward()\n")
    r = cli("check", "broken.py", cwd=project)
    assert r.returncode == 2 and "broken.py: syntax error" in r.stderr and "newer than" not in r.stderr


def test_missing_path_exit_2(project):
    r = cli("check", "nope.py", cwd=project)
    assert r.returncode == 2 and "nope.py: no such file or directory" in r.stderr


def test_pyproject_config(project):
    (project / "pyproject.toml").write_text('[tool.lossguard]\nignore = ["LG001"]\nper-file-ignores = { "train.py" = ["LG006"] }\n')
    r = cli("check", cwd=project)
    assert r.returncode == 0, r.stdout
    (project / "pyproject.toml").write_text('[tool.lossguard]\nselect = ["LG0"]\nexclude = ["train.py"]\n')
    assert cli("check", ".", cwd=project).returncode == 0
    assert cli("check", "train.py", cwd=project).returncode == 1, "a file named explicitly is always checked"
    (project / "pyproject.toml").write_text('[tool.lossguard]\nselct = ["LG001"]\n')
    r = cli("check", cwd=project)
    assert r.returncode == 2 and "unknown key(s) in [tool.lossguard]: selct" in r.stderr
    assert cli("check", "--isolated", cwd=project).returncode == 1


def test_gitignore_is_honoured(project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    (project / ".gitignore").write_text("train.py\n")
    r = cli("check", ".", cwd=project)
    assert r.returncode == 0, r.stdout


def test_rules_and_explain(project):
    r = cli("rules", "--format", "json", cwd=project)
    codes = [d["code"] for d in json.loads(r.stdout)]
    assert codes == [f"LG0{n:02d}" for n in range(1, 19)]
    r = cli("explain", "LG005", cwd=project)
    assert r.returncode == 0
    for section in ("# LG005 shape-mismatch", "## Why is this bad?", "## Example", "## Use instead", "## When it can misfire"):
        assert section in r.stdout
    r = cli("explain", "LG777", cwd=project)
    assert r.returncode == 2 and "unknown code" in r.stderr


def test_folder_inside_an_excluded_folder_is_checked_when_named(project):
    inner = project / ".venv" / "lib" / "pkg"
    inner.mkdir(parents=True)
    (inner / "train.py").write_text(TRAIN)
    assert cli("check", ".", cwd=project).returncode == 1  # train.py at the top, .venv skipped
    (project / "train.py").unlink()
    assert cli("check", ".", cwd=project).returncode == 0, "files under .venv are excluded"
    r = cli("check", "--format", "json", str(inner), cwd=project)
    assert r.returncode == 1 and len(json.loads(r.stdout)) == 2, "a folder named on the command line is checked"


def test_a_committed_virtualenv_s_site_packages_is_not_checked(project):
    """A Windows virtualenv committed without its usual name (`env/Lib/site-packages`, beside `pyvenv.cfg`: prec29's
    Angel-dash/Deep-learning-, 713 of its 802 files) is third-party code: left out, as ruff's default list does."""
    lib = project / "env" / "Lib" / "site-packages" / "somepkg"
    lib.mkdir(parents=True)
    (project / "env" / "pyvenv.cfg").write_text("home = C:\\Python310\n")
    (lib / "train.py").write_text(TRAIN)
    (project / "train.py").unlink()
    r = cli("check", ".", cwd=project)
    assert r.returncode == 0, r.stdout
    r = cli("check", "--format", "json", str(lib), cwd=project)
    assert r.returncode == 1 and len(json.loads(r.stdout)) == 2, "a folder named on the command line is checked"


def test_a_script_that_drives_a_module_in_another_batch_still_drives_it(tmp_path: Path):
    """A large run is cut into batches of files. A script the prefilter skips (it mentions no
    loss) is analysed when it calls into a checked module (`z_train.fit(a_model.Classifier())`):
    that module was looked for in the script's batch only, so with enough files between them
    the finding was lost and the run said "All checks passed"."""
    (tmp_path / "a_model.py").write_text(
        "import torch.nn as nn\n\n\nclass Classifier(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.fc = nn.Linear(10, 3)\n\n    def forward(self, x):\n        return self.fc(x).softmax(dim=1)\n"
    )
    (tmp_path / "z_train.py").write_text(
        "import torch\nimport torch.nn.functional as F\n\n\ndef fit(model, loader):\n"
        "    opt = torch.optim.SGD(model.parameters(), lr=0.1)\n    for x, y in loader:\n        opt.zero_grad()\n"
        "        loss = F.cross_entropy(model(x), y)\n        loss.backward()\n        opt.step()\n"
    )
    (tmp_path / "a_main.py").write_text('import a_model\nimport z_train\n\nif __name__ == "__main__":\n    z_train.fit(a_model.Classifier(), [])\n')
    expected = [("z_train.py", "LG001", 9)]
    r = cli("check", "--format", "json", ".", cwd=tmp_path)
    assert [(d["path"], d["code"], d["line"]) for d in json.loads(r.stdout)] == expected
    for i in range(150):  # a_main.py and z_train.py now fall in different batches
        (tmp_path / f"b_{i:03d}.py").write_text("x = 1\n")
    for jobs in ("1", "2"):
        r = cli("check", "--format", "json", "--jobs", jobs, ".", cwd=tmp_path)
        assert r.returncode == 1, r.stdout + r.stderr
        assert [(d["path"], d["code"], d["line"]) for d in json.loads(r.stdout)] == expected


def test_the_summary_counts_paths_that_were_never_read_and_cells_apart_from_files(tmp_path: Path):
    """A path named on the command line that is not there, or not a regular file, is one of the
    paths considered ("1 of 0 files" before); a notebook's unparseable cells are cells of a notebook
    whose other cells were checked, not files ("2 of 1 file" before)."""
    r = cli("check", "missing.py", cwd=tmp_path)
    assert r.returncode == 2 and "missing.py: no such file or directory" in r.stderr
    assert "1 of 1 file could not be checked" in r.stdout, r.stdout
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None}
    cells = [{**cell, "source": src} for src in ("import torch\n", "x = (\n", "y = [\n")]
    notebook = {"cells": cells, "metadata": {"kernelspec": {"language": "python", "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "nb.ipynb").write_text(json.dumps(notebook))
    (tmp_path / "clean.py").write_text(CLEAN)
    r = cli("check", "nb.ipynb", cwd=tmp_path)
    assert r.returncode == 2
    assert "2 cells of 1 notebook could not be checked" in r.stdout, r.stdout
    r = cli("check", "nb.ipynb", "clean.py", "missing.py", cwd=tmp_path)
    assert r.returncode == 2
    assert "1 of 3 files and 2 cells of 1 notebook could not be checked" in r.stdout, r.stdout
