"""The pre-commit hook, with the real pre-commit: it blocks a buggy commit and installs no torch.

The hook repository is this checkout, committed to a scratch git repository (no network, no
tag needed); pre-commit then pip-installs it with its dependencies from the configured package
index (PyPI, or the local index of an offline machine). These tests fail, never skip, when
that cannot happen: a CI that cannot install the hook has not tested it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_support import FIXED, TRAIN, git

REPO = Path(__file__).resolve().parents[2]
_NO_INDEX = (
    "Could not find a version",
    "No matching distribution",
    "Failed to establish",
    "NewConnectionError",
    "Temporary failure in name resolution",
)


def _require_pre_commit() -> None:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.fail("pre-commit is not installed: pip install -e '.[dev]' (scripts/setup.sh does)")


def _installed(r: subprocess.CompletedProcess[str]) -> None:
    """Fail with the reason when pre-commit could not install the hook's environment."""
    out = r.stdout + r.stderr
    if r.returncode != 0 and any(s in out for s in _NO_INDEX):
        pytest.fail(
            f"pre-commit could not install the hook's dependencies from the package index (configure pip's index for offline machines): {out[-600:]}"
        )


def _hook_repo(dest: Path) -> str:
    """This working tree's package and hook definition, committed to a scratch repository (pre-commit clones at a rev)."""
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, dest / name)
    shutil.copytree(REPO / "lossguard", dest / "lossguard", ignore=shutil.ignore_patterns("__pycache__"))
    git("init", "-q", cwd=dest)
    git("add", ".", cwd=dest)
    git("commit", "-q", "-m", "lossguard", cwd=dest)
    return git("rev-parse", "HEAD", cwd=dest).strip()


def _project_with_hook(tmp_path: Path, hook_id: str, install: bool = False) -> tuple[Path, dict[str, str], Path]:
    """A fresh git project whose .pre-commit-config.yaml runs ``hook_id`` from a scratch copy of
    this checkout (``install``: as its git hook too); its environment and pre-commit's cache folder."""
    hook_repo, project, home = tmp_path / "hook", tmp_path / "project", tmp_path / "cache"
    for d in (hook_repo, project):
        d.mkdir()
    _require_pre_commit()
    rev = _hook_repo(hook_repo)
    git("init", "-q", cwd=project)
    (project / ".pre-commit-config.yaml").write_text(f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: {hook_id}\n")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    if install:
        subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=project, env=env, check=True, capture_output=True, timeout=60)
    return project, env, home


def _run(command: list[str], project: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``command`` in the project (pre-commit may install the hook's environment first: 240 s)."""
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=240, check=False)


def _commit(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return _run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "commit", "-m", "train"], project, env)


def test_hook_blocks_buggy_commit_and_has_no_torch(tmp_path: Path):
    project, env, home = _project_with_hook(tmp_path, "lossguard", install=True)

    (project / "train.py").write_text(TRAIN)
    (project / "README.md").write_text("not Python: the hook does not look at it\n")
    git("add", ".", cwd=project)
    r = _commit(project, env)
    out = r.stdout + r.stderr
    _installed(r)
    assert r.returncode != 0, out
    assert "lossguard" in out and "Failed" in out
    assert "train.py:13:26: LG001 [double-softmax]" in out and "train.py:16:9: LG006 [graph-retention]" in out
    assert subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=project, capture_output=True, check=False).returncode != 0, (
        "nothing was committed"
    )

    (project / "train.py").write_text(FIXED)
    git("add", "train.py", cwd=project)
    r = _commit(project, env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "lossguard....." in r.stderr + r.stdout and "Passed" in r.stderr + r.stdout

    site_packages = list(home.glob("repo*/py_env-*/lib/python*/site-packages"))
    assert len(site_packages) == 1, list(home.iterdir())
    installed = {p.name.lower() for p in site_packages[0].iterdir()}
    assert "libcst" in installed and "lossguard" in installed
    assert not {n for n in installed if n == "torch" or n.startswith("torch-")}, "the hook must not install torch"


def test_fix_hook_rewrites_the_file_then_passes(tmp_path: Path):
    project, env, _ = _project_with_hook(tmp_path, "lossguard-fix")
    source = "import torch.nn as nn\n\ncriterion = nn.MSELoss(size_average=False)  # summed\n"
    (project / "train.py").write_text(source)
    git("add", ".", cwd=project)

    def run_hook() -> subprocess.CompletedProcess[str]:
        return _run([sys.executable, "-m", "pre_commit", "run", "lossguard-fix", "--files", "train.py"], project, env)

    r = run_hook()
    out = r.stdout + r.stderr
    _installed(r)
    assert r.returncode != 0 and "files were modified by this hook" in out, out
    assert (project / "train.py").read_text() == 'import torch.nn as nn\n\ncriterion = nn.MSELoss(reduction="sum")  # summed\n'
    r = run_hook()
    assert r.returncode == 0 and "Passed" in r.stdout + r.stderr, r.stdout + r.stderr


def test_hook_sees_a_bug_across_files_when_only_one_of_them_is_staged(tmp_path: Path):
    """pre-commit passes only the staged files. A loss helper in utils.py and its caller in
    train.py: changing either one alone so that BCE gets logits must block the commit."""
    project, env, _ = _project_with_hook(tmp_path, "lossguard", install=True)
    helper = "import torch.nn.functional as F\n\n\ndef loss_fn(x, y):\n    return F.{}(x, y)\n"
    caller = FIXED.replace("import torch.nn as nn\n", "import torch.nn as nn\n\nfrom utils import loss_fn\n").replace(
        "model = nn.Sequential(nn.Linear(20, 5))", "model = nn.Linear(20, 1)"
    )
    (project / "utils.py").write_text(helper.format("binary_cross_entropy_with_logits"))
    (project / "train.py").write_text(caller.replace("criterion(model(x), y)", "loss_fn(model(x), y)"))
    git("add", ".", cwd=project)
    r = _commit(project, env)
    _installed(r)
    assert r.returncode == 0, r.stdout + r.stderr

    # Only the helper is staged: its unchanged caller passes logits.
    (project / "utils.py").write_text(helper.format("binary_cross_entropy"))
    git("add", "utils.py", cwd=project)
    r = _commit(project, env)
    assert r.returncode != 0 and "utils.py:5:35: LG002" in r.stdout + r.stderr, r.stdout + r.stderr
    git("checkout", "-q", "HEAD", "--", "utils.py", cwd=project)

    # A helper that wants probabilities, then only the caller is staged: it dropped its sigmoid.
    (project / "utils.py").write_text(helper.format("binary_cross_entropy"))
    (project / "train.py").write_text(caller.replace("criterion(model(x), y)", "loss_fn(torch.sigmoid(model(x)), y)"))
    git("add", ".", cwd=project)
    r = _commit(project, env)
    assert r.returncode == 0, r.stdout + r.stderr
    (project / "train.py").write_text(caller.replace("criterion(model(x), y)", "loss_fn(model(x), y)"))
    git("add", "train.py", cwd=project)
    r = _commit(project, env)
    assert r.returncode != 0 and "utils.py:5:35: LG002" in r.stdout + r.stderr, r.stdout + r.stderr


def test_a_staged_file_named_like_an_option_does_not_turn_the_hook_off(tmp_path: Path):
    """pre-commit passes the staged files after the hook's arguments, and a file with a Python
    shebang is Python to it whatever its name: a staged `--exit-zero` made the hook pass a
    buggy commit. It is now an error that names the file."""
    project, env, home = _project_with_hook(tmp_path, "lossguard", install=True)
    (project / "train.py").write_text(TRAIN)
    trojan = project / "--exit-zero"
    trojan.write_text("#!/usr/bin/env python\nprint('tools')\n")
    trojan.chmod(0o755)
    git("add", "--", ".", cwd=project)
    r = _commit(project, env)
    out = r.stdout + r.stderr
    _installed(r)
    assert r.returncode != 0, out
    assert "--exit-zero is an option and also a file here" in out, out
    assert subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=project, capture_output=True, check=False).returncode != 0
