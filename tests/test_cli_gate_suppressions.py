"""`check --diff REF` is not fooled by the change it checks: a suppression comment, a
configuration edit or baseline entries that the change itself adds do not hide what it introduces.

Each test builds a real git repository whose REF commit is clean, then writes a change that adds
a bug and, with it, something that would hide the bug if the change were trusted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import FIXED, cli, git

BUG = FIXED.replace("total += loss.item()", "total += loss")  # LG006 on line 16


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    git("init", "-q", "-b", "main", cwd=tmp_path)
    (tmp_path / "train.py").write_text(FIXED)
    (tmp_path / "data.py").write_text("import torch\n\n\ndef batches(n):\n    return [torch.randn(8, 20) for _ in range(n)]\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "demo"\n')
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "clean code", cwd=tmp_path)
    return tmp_path


def _found(r) -> list[tuple[str, str, int, object]]:  # type: ignore[no-untyped-def]
    return [(d["path"], d["code"], d["line"], d.get("new_suppression")) for d in json.loads(r.stdout)]


def test_a_noqa_comment_the_change_adds_does_not_hide_its_bug(repo: Path):
    (repo / "train.py").write_text(BUG.replace("total += loss\n", "total += loss  # noqa: LG006\n"))
    r = cli("check", "--format", "json", "--diff", "main", cwd=repo)
    assert r.returncode == 1, r.stderr
    assert _found(r) == [("train.py", "LG006", 16, 16)]
    text = cli("check", "--diff", "main", cwd=repo)
    assert text.returncode == 1
    assert "silenced by a suppression comment this change adds (line 16)" in text.stdout
    # The same with the other spelling, and with a bare noqa comment on the line.
    bare = "# " + "noqa"  # (spelt whole, ruff would read this line as a malformed directive of its own)
    for comment in ("# lossguard: ignore[LG006]", bare):
        (repo / "train.py").write_text(BUG.replace("total += loss\n", f"total += loss  {comment}\n"))
        assert _found(cli("check", "--format", "json", "--diff", "main", cwd=repo)) == [("train.py", "LG006", 16, 16)], comment
    # A maintainer who accepts it says so on the command line.
    r = cli("check", "--format", "json", "--diff", "main", "--allow-new-suppressions", cwd=repo)
    assert r.returncode == 0 and _found(r) == []
    # Without --diff the comment is obeyed as always.
    assert cli("check", cwd=repo).returncode == 0


def test_a_skip_file_comment_the_change_adds_does_not_hide_the_file(repo: Path):
    (repo / "train.py").write_text("# lossguard: skip-file\n" + BUG)
    r = cli("check", "--format", "json", "--diff", "main", cwd=repo)
    assert r.returncode == 1, r.stderr
    assert _found(r) == [("train.py", "LG006", 17, 1)]


def test_a_suppression_that_ref_already_has_is_trusted(repo: Path):
    """Old findings silenced at REF stay silent, also when the change edits the silenced line."""
    (repo / "train.py").write_text(BUG.replace("total += loss\n", "total += loss  # noqa: LG006\n"))
    git("commit", "-q", "-am", "a known finding, silenced on purpose", cwd=repo)
    git("branch", "base", cwd=repo)
    assert cli("check", "--diff", "base", cwd=repo).returncode == 0
    # The silenced line is edited (a comment's text around the code changes): the same finding, silenced at REF.
    (repo / "train.py").write_text(BUG.replace("total += loss\n", "total += loss  # noqa: LG006  (kept: summed on purpose)\n"))
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 0, r.stdout + r.stderr
    # The same comment moved to a new bug elsewhere is new: REF silenced LG006 only at its old place.
    (repo / "train.py").write_text(
        BUG.replace("total += loss\n", "total += loss  # noqa: LG006\n")
        + "\n\ndef again(loader):\n    seen = 0\n    for x, y in loader:\n        loss = criterion(model(x), y)\n"
        "        loss.backward()\n        seen += loss  # noqa: LG006\n    return seen\n"
    )
    r = cli("check", "--format", "json", "--diff", "base", cwd=repo)
    assert r.returncode == 1
    assert [(p, c, line) for p, c, line, _ in _found(r)] == [("train.py", "LG006", 25)]


def test_a_configuration_edit_in_the_change_does_not_loosen_the_gate(repo: Path):
    (repo / "train.py").write_text(BUG)
    edits = {
        "ignore": '[tool.lossguard]\nignore = ["LG006"]\n',
        "per-file-ignores": '[tool.lossguard]\nper-file-ignores = { "train.py" = ["LG006"] }\n',
        "exclude": '[tool.lossguard]\nextend-exclude = ["train.py"]\n',
        "select": '[tool.lossguard]\nselect = ["LG001"]\n',
    }
    for what, section in edits.items():
        (repo / "pyproject.toml").write_text('[project]\nname = "demo"\n\n' + section)
        assert cli("check", cwd=repo).returncode == 0, what  # the edit hides the bug when trusted
        r = cli("check", "--format", "json", "--diff", "main", cwd=repo)
        assert r.returncode == 1, (what, r.stderr)
        assert [(p, c, line) for p, c, line, _ in _found(r)] == [("train.py", "LG006", 16)], what
        assert "this change edits the lossguard configuration in pyproject.toml" in r.stderr, what
        assert "--allow-new-suppressions" in r.stderr
        assert cli("check", "--diff", "main", "--allow-new-suppressions", cwd=repo).returncode == 0, what
    # A configuration REF already has is obeyed, and nothing is said about it.
    (repo / "pyproject.toml").write_text('[project]\nname = "demo"\n\n[tool.lossguard]\nper-file-ignores = { "train.py" = ["LG006"] }\n')
    git("commit", "-q", "-am", "a known bug and the configuration that accepts it", cwd=repo)
    (repo / "train.py").write_text(BUG.replace("    return total\n", "    total += loss\n    return total\n"))  # a second one, new
    (repo / "other.py").write_text(BUG)
    r = cli("check", "--format", "json", "--diff", "HEAD", cwd=repo)
    assert r.returncode == 1 and [(p, c) for p, c, *_ in _found(r)] == [("other.py", "LG006")]
    assert "configuration" not in r.stderr


def test_a_new_configuration_file_nearer_the_checked_folder_is_not_trusted(repo: Path):
    """A change that adds a pyproject.toml in a sub-folder with `[tool.lossguard]` would be the
    one found first from there; REF's search from the same folder finds the top one."""
    (repo / "pkg").mkdir()
    (repo / "pkg" / "fit.py").write_text(BUG)
    (repo / "pkg" / "pyproject.toml").write_text('[tool.lossguard]\nignore = ["LG006"]\n')
    assert cli("check", cwd=repo / "pkg").returncode == 0
    r = cli("check", "--format", "json", "--diff", "main", cwd=repo / "pkg")
    assert r.returncode == 1, r.stderr
    assert [(p, c) for p, c, *_ in _found(r)] == [("fit.py", "LG006")]
    assert "pkg/pyproject.toml" in r.stderr or "pyproject.toml" in r.stderr


def test_baseline_entries_the_change_adds_do_not_hide_its_bugs(repo: Path):
    (repo / "train.py").write_text(BUG)
    assert cli("baseline", "-o", "lg-baseline.json", cwd=repo).returncode == 0
    assert cli("check", "--baseline", "lg-baseline.json", cwd=repo).returncode == 0  # trusted without --diff
    r = cli("check", "--format", "json", "--diff", "main", "--baseline", "lg-baseline.json", cwd=repo)
    assert r.returncode == 1, r.stderr
    assert [(p, c) for p, c, *_ in _found(r)] == [("train.py", "LG006")]
    assert "lg-baseline.json" in r.stderr and "--allow-new-suppressions" in r.stderr
    # A baseline REF already has is REF's: its entries hide what they recorded there.
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "known bug, recorded", cwd=repo)
    (repo / "train.py").write_text("import logging\n" + BUG)  # the old bug moves down a line
    r = cli("check", "--format", "json", "--diff", "HEAD", "--baseline", "lg-baseline.json", cwd=repo)
    assert r.returncode == 0 and _found(r) == [], r.stdout + r.stderr


def test_new_suppressions_are_marked_in_every_report_format(repo: Path):
    (repo / "train.py").write_text(BUG.replace("total += loss\n", "total += loss  # noqa: LG006\n"))
    sarif = json.loads(cli("check", "--format", "sarif", "--diff", "main", cwd=repo).stdout)
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "LG006" and result["properties"]["newSuppression"] == {"line": 16}
    github = cli("check", "--format", "github", "--diff", "main", cwd=repo).stdout
    assert "::warning" in github or "::error" in github
    assert "silenced by a suppression comment this change adds (line 16)" in github
    lines = [json.loads(line) for line in cli("check", "--format", "json-lines", "--diff", "main", cwd=repo).stdout.splitlines()]
    assert [(d["code"], d["new_suppression"]) for d in lines if d.get("code")] == [("LG006", 16)]


def test_allow_new_suppressions_without_a_ref_is_a_usage_error(repo: Path):
    for args in (("--allow-new-suppressions",), ("--diff", "--allow-new-suppressions")):
        r = cli("check", *args, cwd=repo)
        assert r.returncode == 2, args
        assert "--allow-new-suppressions only changes what --diff REF trusts; add --diff REF" in r.stderr
        assert "Traceback" not in r.stderr
