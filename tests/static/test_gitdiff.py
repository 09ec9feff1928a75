"""lossguard.static.gitdiff: changed lines from `git cat-file`, git run with nothing executable."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.errors import UsageError
from lossguard.static import gitdiff
from tests.cli_support import git


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "a.py").write_text("one\ntwo\nthree\n")
    (tmp_path / "ignored.py").write_text("x\n")
    (tmp_path / ".gitignore").write_text("ignored.py\n")
    git("add", "a.py", ".gitignore", cwd=tmp_path)
    git("commit", "-q", "-m", "first", cwd=tmp_path)
    return tmp_path


def test_changed_lines_and_new_files(repo: Path):
    (repo / "a.py").write_text("zero\none\ntwo\nTHREE\n")
    (repo / "b.py").write_text("new\n")
    changes = gitdiff.changes_since("HEAD", repo)
    assert [n for n in range(1, 5) if changes.touches(repo / "a.py", n, n)] == [1, 4]
    assert changes.touches(repo / "b.py", 1, 1)  # untracked: every line is new
    assert not changes.touches(repo / "ignored.py", 1, 1)  # ignored: not a change


def test_bad_refs_are_usage_errors(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    with pytest.raises(UsageError, match="not a commit"):
        gitdiff.changes_since("no-such-branch", repo)
    with pytest.raises(UsageError, match="cannot start with '-'"):
        gitdiff.changes_since("--output=x", repo)
    with pytest.raises(UsageError, match="not inside a git repository"):
        gitdiff.changes_since("HEAD", tmp_path_factory.mktemp("plain"))


def test_git_runs_with_executing_settings_off(repo: Path):
    assert "core.fsmonitor=false" in gitdiff.SAFE_CONFIG and "core.hooksPath=/dev/null" in gitdiff.SAFE_CONFIG
    proc = gitdiff.git(["config", "--get", "core.fsmonitor"], repo)
    assert proc.stdout.strip() == b"false"
    assert gitdiff.list_files(repo) is not None and sorted(p.name for p in gitdiff.list_files(repo) or []) == [".gitignore", "a.py"]
