"""Round 38's attempts to fool the gate (docs/ci.md, "Round 38: trying to fool the gate"): round
37's leftovers and what rounds 26-27 did not try. Each test builds a real git repository and runs
the real command (in a subprocess where time or the process matters)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.cli_support import FIXED, TRAIN, cli, git, run
from tests.test_cli_gate_red_team import BUG, MODEL, PLAIN_LOOP, SOFTMAX_MODEL, _commit, _found, _write


def _repo(top: Path, files: dict[str, str]) -> Path:
    git("init", "-q", "-b", "main", cwd=top)
    _write(top, {"pyproject.toml": '[project]\nname = "demo"\n', **files})
    _commit(top, "REF")
    git("branch", "base", cwd=top)
    return top


def test_a_one_line_change_to_a_file_of_many_equal_lines_does_not_stall_the_gate(tmp_path: Path):
    """--diff compared REF's text with the new one by difflib, whose time grows with the square of
    the number of equal lines: a training file with a 24,000-line function of one repeated line
    took minutes for a one-line change (54 s at 16,000 lines, about 4 minutes at 30,000; hours near
    the 10 MB limit), so a pull request could hold the gate until CI's timeout. The lines both
    texts start and end with are matched first; the rest in bounded time (3.3 s for the whole run
    at 16,000). The bug on the changed line is reported. (The look-alike, an old bug kept on an
    unchanged line, is test_line_diff's and test_cli_gate's.)"""
    filler = "\n\ndef count(x):\n" + "    x = x + 1\n" * 30_000 + "    return x\n"
    _repo(tmp_path, {"train.py": FIXED + filler})
    _write(tmp_path, {"train.py": BUG + filler})
    _commit(tmp_path, "one line")
    r = run("check", "--format", "json", "--diff", "base", cwd=tmp_path, timeout=90)
    assert r.returncode == 1 and _found(r) == [("train.py", "LG006")], r.stdout + r.stderr


def test_python_without_a_py_name_that_the_change_adds_or_edits_is_checked(tmp_path: Path):
    """A folder's run checks `.py` files (as ruff does): a pull request that renamed train.py to
    train.pyw, or moved its loop into `bin/train` behind `#!/usr/bin/env python3`, with a bug,
    passed the gate ("No Python files or notebooks to check.", exit 0). Under --diff, a file the
    change adds or edits that is Python by its shebang or `.pyw` is checked, with a warning.
    Look-alikes: a shell script the change adds is not read as Python; a script REF has that the
    change leaves alone is not checked (a run without --diff checks such files only when named);
    an unedited rename keeps REF's finding old."""
    _repo(tmp_path, {"train.py": FIXED, "tools/old": "#!/usr/bin/python3 -u\n" + BUG})
    git("mv", "train.py", "train.pyw", cwd=tmp_path)
    _write(tmp_path, {"train.pyw": BUG, "bin/train": "#!/usr/bin/env -S python3 -u\n" + BUG, "bin/setup": "#!/bin/sh\nexit 0\n"})
    _commit(tmp_path, "scripts")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1 and _found(r) == [("bin/train", "LG006"), ("train.pyw", "LG006")], r.stdout + r.stderr
    assert "checked 2 file(s) this change adds or edits that are Python without a .py name" in r.stderr
    assert cli("check", cwd=tmp_path).returncode == 0  # without --diff: .py files only, as before
    # an unedited rename of REF's buggy file: its finding is REF's
    git("reset", "-q", "--hard", "base", cwd=tmp_path)
    _write(tmp_path, {"train.py": BUG})
    _commit(tmp_path, "REF has the bug")
    git("branch", "-f", "base", cwd=tmp_path)
    git("mv", "train.py", "train.pyw", cwd=tmp_path)
    _commit(tmp_path, "renamed")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout) == [], r.stdout + r.stderr


def test_a_named_file_the_change_makes_a_link_out_of_the_repository_is_reported_not_a_traceback(tmp_path: Path):
    """`lossguard check --diff base train.py` where the change replaced train.py by a link to a file
    outside the repository (REF has a regular train.py) stopped on an internal error with a
    traceback ("is not in the subpath of"): nothing checked. The file is checked, as any file
    named; it has no name in REF's tree to compare with, so all of it counts as changed."""
    top = tmp_path / "repo"
    top.mkdir()
    _repo(top, {"train.py": FIXED})
    (tmp_path / "elsewhere.py").write_text(BUG)
    (top / "train.py").unlink()
    os.symlink(tmp_path / "elsewhere.py", top / "train.py")
    _commit(top, "train.py points elsewhere")
    r = cli("check", "--format", "json", "--diff", "base", "train.py", cwd=top)
    assert r.returncode == 1 and _found(r) == [("train.py", "LG006")], r.stdout + r.stderr
    assert "Traceback" not in r.stderr


def test_black_parentheses_around_a_right_hand_side_keep_a_baselined_finding_matched(tmp_path: Path):
    """black (and ruff format) put a right-hand side too long for a line in parentheses:
    `loss = (\\n    criterion(model(x), y) * weight\\n)`. Format 4 kept them in the key: the recorded
    finding became new, a false failure that pushes a maintainer to rewrite the baseline
    wholesale. Format 5 reads a statement without parentheses that wrap its whole right-hand
    side. Look-alikes: parentheses that do not wrap all of it (`(a) * w`) still make another
    statement; a second copy is still new; a format 4 file is read as it matched, with a warning."""
    weighted = TRAIN.replace("loss = criterion(model(x), y)", "loss = criterion(model(x), y) * weight").replace(
        "def train(loader):", "def train(loader, weight=1.0):"
    )
    _repo(tmp_path, {"train.py": weighted})
    assert cli("baseline", "-q", "-o", "b.json", cwd=tmp_path).returncode == 0
    assert json.loads((tmp_path / "b.json").read_text())["lossguard-baseline"] == 5
    wrapped = weighted.replace("loss = criterion(model(x), y) * weight", "loss = (\n                criterion(model(x), y) * weight\n            )")
    _write(tmp_path, {"train.py": wrapped})
    r = cli("check", "--format", "json", "--baseline", "b.json", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout) == [], r.stdout + r.stderr
    twice = wrapped.replace("        loss.backward()\n", "        loss = (criterion(model(x), y)) * weight\n        loss.backward()\n")
    _write(tmp_path, {"train.py": twice})
    r = cli("check", "--format", "json", "--baseline", "b.json", cwd=tmp_path)
    assert r.returncode == 1 and _found(r) == [("train.py", "LG001")], r.stdout + r.stderr
    doc = json.loads((tmp_path / "b.json").read_text())
    doc["lossguard-baseline"] = 4  # (these one-line findings have no parentheses: the same hashes in format 4)
    (tmp_path / "v4.json").write_text(json.dumps(doc))
    _write(tmp_path, {"train.py": wrapped})
    r = cli("check", "--format", "json", "--baseline", "v4.json", cwd=tmp_path)
    assert r.returncode == 1 and _found(r) == [("train.py", "LG001")], r.stdout + r.stderr
    assert "baseline format 4 matches a recorded finding only while its code keeps the parentheses" in r.stderr


def test_a_file_moved_with_an_edit_is_compared_with_the_file_it_came_from(tmp_path: Path):
    """`git mv pkg pkg2` with an import line edited in the moved train.py made both of its old
    findings new (a file REF does not have counts as changed throughout): a false failure for a
    move. A `.py` file the change adds is paired with the `.py` file REF has and the work tree no
    longer has that shares at least half its lines (git's rename detection: 50%), each of REF's
    files paired once; its lines are compared with that file's, and a finding on a line it kept
    is hidden only when REF's check of REF's tree had the same finding there. Look-alikes: a bug
    the move adds is reported; a moved loop that now imports a softmax model gets the new LG001;
    of two edited copies of one file, only one is paired: the other's findings are new."""
    loop = PLAIN_LOOP.replace("from model import", "from .model import")
    _repo(tmp_path, {"pkg/__init__.py": "", "pkg/train.py": TRAIN, "pkg/model.py": MODEL, "pkg/loop.py": loop})
    git("mv", "pkg", "pkg2", cwd=tmp_path)
    _write(tmp_path, {"pkg2/train.py": "import logging\n" + TRAIN})
    _commit(tmp_path, "moved, and logging")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout) == [], r.stdout + r.stderr
    # the move adds a bug: reported
    _write(tmp_path, {"pkg2/train.py": "import logging\n" + TRAIN.replace("        optimizer.zero_grad()\n", "")})
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1 and [c for _p, c in _found(r)] == ["LG014"], r.stdout + r.stderr
    # the moved, edited loop now imports a softmax model: its LG001 is new
    git("reset", "-q", "--hard", "base", cwd=tmp_path)
    _write(tmp_path, {"soft/__init__.py": "", "soft/model.py": SOFTMAX_MODEL})
    git("mv", "pkg/loop.py", "soft/loop.py", cwd=tmp_path)
    _write(tmp_path, {"soft/loop.py": "import logging\n" + loop})
    _commit(tmp_path, "the loop moves to the soft package")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1 and _found(r) == [("soft/loop.py", "LG001")], r.stdout + r.stderr
    # two edited copies of one file: one is the move, the other is new
    git("reset", "-q", "--hard", "base", cwd=tmp_path)
    git("rm", "-q", "pkg/train.py", cwd=tmp_path)
    _write(tmp_path, {"pkg/train_a.py": "import logging\n" + TRAIN, "pkg/train_b.py": "import os\n" + TRAIN})
    _commit(tmp_path, "two copies")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1 and sorted(c for _p, c in _found(r)) == ["LG001", "LG006"], r.stdout + r.stderr
    assert len({p for p, _c in _found(r)}) == 1


def test_a_link_the_change_points_out_of_the_repository_is_not_passed(tmp_path: Path):
    """A folder's run does not follow a link out of the folder (ruff's behaviour). A pull request
    that replaced train.py by a link to a file outside the repository, with a bug there, passed
    the gate with nothing checked ("No Python files or notebooks to check.", exit 0; beside other
    files, "All checks passed"). Under --diff such a link the change adds or re-points is named
    as not checked (exit 2) and says what to do; its target is never read. Look-alikes: a link
    REF already had, unchanged, is left out as before; a link to a file inside the repository is
    checked under the target's name; REF's `exclude` naming the link leaves it out."""
    top = tmp_path / "repo"
    top.mkdir()
    _repo(top, {"train.py": FIXED, "other.py": FIXED, "lib/shared.py": FIXED})
    (tmp_path / "elsewhere.py").write_text(BUG)
    (top / "train.py").unlink()
    os.symlink(tmp_path / "elsewhere.py", top / "train.py")
    _commit(top, "train.py points elsewhere")
    r = cli("check", "--format", "json", "--diff", "base", cwd=top)
    assert r.returncode == 2, r.stdout + r.stderr
    entries = json.loads(r.stdout)
    assert [(e["kind"], e["path"]) for e in entries] == [("not-checked", "train.py")]
    assert "a symbolic link this change adds (or points elsewhere) to a file outside the repository" in entries[0]["message"]
    assert cli("check", cwd=top).returncode == 0  # without --diff: left out, as before
    # REF's own link, unchanged: left out as before
    git("branch", "-f", "base", "HEAD", cwd=top)
    _write(top, {"other.py": FIXED + "\n"})
    _commit(top, "a blank line")
    assert cli("check", "--diff", "base", cwd=top).returncode == 0
    # a link into the repository: its target is checked
    git("reset", "-q", "--hard", "base", cwd=top)
    (top / "train.py").unlink()
    os.symlink("lib/shared.py", top / "train.py")
    _write(top, {"lib/shared.py": BUG})
    _commit(top, "a link inside")
    r = cli("check", "--format", "json", "--diff", "base", cwd=top)
    assert r.returncode == 1 and _found(r) == [("lib/shared.py", "LG006")], r.stdout + r.stderr
    # REF excludes the link: left out
    git("reset", "-q", "--hard", "base", cwd=top)
    _write(top, {"pyproject.toml": '[tool.lossguard]\nextend-exclude = ["train.py"]\n'})
    _commit(top, "train.py is left out")
    git("branch", "-f", "base", "HEAD", cwd=top)
    (tmp_path / "elsewhere2.py").write_text(BUG)
    (top / "train.py").unlink()
    os.symlink(tmp_path / "elsewhere2.py", top / "train.py")
    _commit(top, "re-pointed")
    assert cli("check", "--diff", "base", cwd=top).returncode == 0


def test_tricks_the_gate_already_sees_through(tmp_path: Path):
    """Tried this round and already handled (each a row of docs/ci.md's round 38 table): REF given
    as an annotated or a lightweight tag; a `# lossguard: disable=LG006` comment (not a lossguard
    directive: nothing silenced); `[tool:lossguard]` in setup.cfg or `[lossguard]` in tox.ini
    (not read: only pyproject.toml, REF's under --diff); `.gitattributes` marking the file
    `binary linguist-generated` (nothing lossguard runs reads attributes); a file re-saved in
    latin-1 with a coding cookie, CRLF line endings and tabs (decoded as Python does)."""
    bug_latin1 = ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + BUG.replace("    ", "\t")).replace("\n", "\r\n").encode("latin-1")
    cases = {
        "tag": {},
        "disable": {"train.py": BUG.replace("total += loss\n", "total += loss  # lossguard: disable=LG006\n")},
        "setup.cfg": {"setup.cfg": "[tool:lossguard]\nignore = LG006\n", "tox.ini": "[lossguard]\nignore = LG006\n"},
        "binary": {".gitattributes": "train.py binary linguist-generated=true -diff\n"},
        "latin-1": {"train.py": bug_latin1},
    }
    for name, files in cases.items():
        top = tmp_path / name
        top.mkdir()
        _repo(top, {"train.py": FIXED})
        git("tag", "-a", "v1", "-m", "release", cwd=top)
        git("tag", "v1-light", cwd=top)
        _write(top, {"train.py": BUG, **files})
        _commit(top, name)
        for ref in ("base", "v1", "v1-light") if name == "tag" else ("base",):
            r = cli("check", "--format", "json", "--diff", ref, cwd=top)
            assert r.returncode == 1 and _found(r) == [("train.py", "LG006")], (name, ref, r.stdout + r.stderr)
