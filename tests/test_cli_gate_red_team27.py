"""Round 37's attempts to fool the gate (docs/ci.md, "Round 37: trying to fool the gate"): round
36's leftovers and what it did not try. Each test builds a real git repository and runs the real
command (in a subprocess where the process matters: standard input, a file size limit).
"""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
from pathlib import Path

from tests.cli_support import FIXED, TRAIN, cli, git, run
from tests.test_cli_gate_red_team import BUG, MODEL, PLAIN_LOOP, SOFTMAX_MODEL, USES_VENDORED, VENDORED, _commit, _found, _write


def _repo(top: Path, files: dict[str, str]) -> Path:
    git("init", "-q", "-b", "main", cwd=top)
    _write(top, {"pyproject.toml": '[project]\nname = "demo"\n', **files})
    _commit(top, "REF")
    git("branch", "base", cwd=top)
    return top


def test_a_file_the_change_edits_under_a_folder_excluded_by_default_is_checked(tmp_path: Path):
    """`build/`, `dist/`, `venv/` are left out wherever they are (ruff's list). Round 36 checked a
    file a change adds there; one it edits stayed left out: a pull request writing a bug into a
    `build/train.py` REF has passed "All checks passed". The change's own objects tell which files
    it edits (the index's object is not REF's, or the size is not), without reading the others:
    an edited file is checked, REF's findings in it stay hidden as in any file."""
    _repo(tmp_path, {"build/train.py": FIXED, "build/old.py": BUG, "venv/lib/site.py": BUG, "train.py": FIXED})
    _write(tmp_path, {"build/train.py": BUG})
    _commit(tmp_path, "a bug in the build script")
    assert cli("check", cwd=tmp_path).returncode == 0  # without --diff: left out, as ruff does
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert _found(r) == [("build/train.py", "LG006")]
    assert "checked 1 file(s) this change adds or edits under folders excluded by default (`build`)" in r.stderr
    # An edit not committed yet that changes the file's size is the change's too.
    git("reset", "-q", "--hard", "base", cwd=tmp_path)
    _write(tmp_path, {"build/train.py": BUG})
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1 and _found(r) == [("build/train.py", "LG006")], r.stdout + r.stderr
    # Look-alikes: an edit of a file whose old bug it leaves alone is checked and passes (REF's
    # finding is REF's); the untouched files of the folder (a committed venv) are not checked.
    git("reset", "-q", "--hard", "base", cwd=tmp_path)
    _write(tmp_path, {"build/old.py": "import logging\n" + BUG})
    _commit(tmp_path, "logging in an old script")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout) == [], r.stdout + r.stderr
    assert "checked 1 file(s) this change adds or edits" in r.stderr and "venv" not in r.stderr


def test_a_lookalike_module_name_in_an_import_line_is_found_by_a_run_on_the_imported_file(tmp_path: Path):
    """pre-commit names the staged files only: `lossguard check model.py` analyses model.py with
    the files that import it. `from ｍodel import Net` (a fullwidth ｍ) imports model.py, since
    Python reads identifiers in NFKC; the import search read the bytes and missed it, so the
    softmax the change adds to the model passed. Look-alike: the ASCII import, found as before."""
    _repo(tmp_path, {"model.py": MODEL, "train.py": PLAIN_LOOP.replace("from model import", "from ｍodel import")})
    _write(tmp_path, {"model.py": SOFTMAX_MODEL})
    r = cli("check", "--format", "json", "model.py", cwd=tmp_path)
    assert r.returncode == 1 and _found(r) == [("train.py", "LG001")], r.stdout + r.stderr
    _write(tmp_path, {"train.py": PLAIN_LOOP})
    r = cli("check", "--format", "json", "model.py", cwd=tmp_path)
    assert r.returncode == 1 and _found(r) == [("train.py", "LG001")], r.stdout + r.stderr


def test_a_finding_left_out_in_an_excluded_file_is_said(tmp_path: Path):
    """Without --diff there is no REF to tell the change's findings in an excluded file from the
    file's own, so a finding a checked file causes there (logits passed to a vendored helper
    that wants probabilities) is left out, as before; it used to be left out silently. The run
    now says which file and code it left out, and how to see it. Look-alike: the caller passes
    probabilities, nothing is left out, nothing said."""
    files = {"vendor/__init__.py": "", "vendor/losses.py": VENDORED, "train.py": USES_VENDORED}
    _repo(tmp_path, {**files, "pyproject.toml": '[tool.lossguard]\nextend-exclude = ["vendor"]\n'})
    r = cli("check", cwd=tmp_path)
    assert r.returncode == 0 and "left out" not in r.stderr, r.stdout + r.stderr
    _write(tmp_path, {"train.py": USES_VENDORED.replace("bce(torch.sigmoid(net(x)), y)", "bce(net(x), y)")})
    r = cli("check", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (
        "left out 1 finding that the checked files cause in files the configuration excludes: vendor/losses.py (LG002); "
        "name such a file to check it, or run with --diff REF" in r.stderr
    )
    r = cli("check", "--format", "json", "train.py", "vendor/losses.py", cwd=tmp_path)
    assert r.returncode == 1 and ("vendor/losses.py", "LG002") in _found(r)


def test_a_reformatted_finding_stays_matched_by_the_baseline(tmp_path: Path):
    """The baseline matched a finding by its line's text with whitespace collapsed: a pull request
    that runs black over the file, splitting `loss = criterion(model(x), y)` over four lines with
    a trailing comma, made the recorded finding new (a false failure, or a baseline rewritten
    wholesale, which then hides what it should not). Format 4 matches the flagged statement as a
    formatter cannot change it. Look-alikes: a second copy is still new; a format 3 baseline is
    still read, as it matched, with a warning."""
    _repo(tmp_path, {"train.py": TRAIN})
    assert cli("baseline", "-q", "-o", "b.json", cwd=tmp_path).returncode == 0
    assert json.loads((tmp_path / "b.json").read_text())["lossguard-baseline"] >= 4
    split = TRAIN.replace("loss = criterion(model(x), y)", "loss = criterion(\n                model(x),\n                y,\n            )")
    _write(tmp_path, {"train.py": split})
    r = cli("check", "--format", "json", "--baseline", "b.json", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout) == [], r.stdout + r.stderr
    twice = split.replace("        loss.backward()\n", "        loss = criterion(model(x), y)\n        loss.backward()\n")
    _write(tmp_path, {"train.py": twice})
    r = cli("check", "--format", "json", "--baseline", "b.json", cwd=tmp_path)
    assert r.returncode == 1 and _found(r) == [("train.py", "LG001")], r.stdout + r.stderr
    doc = json.loads((tmp_path / "b.json").read_text())
    doc["lossguard-baseline"] = 3  # (format 3's text of these one-line findings hashes differently)
    (tmp_path / "v3.json").write_text(json.dumps(doc))
    _write(tmp_path, {"train.py": TRAIN})
    r = cli("check", "--baseline", "v3.json", cwd=tmp_path)
    assert "baseline format 3 matches a recorded finding only while its code keeps its line breaks" in r.stderr


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing the process


def test_a_report_that_cannot_be_written_whole_leaves_no_file(tmp_path: Path):
    """A write that fails part way (here a real file size limit: EFBIG after 2,000 bytes) left
    the first 2,000 bytes of the SARIF report in place, which the action's upload step (run
    whenever the file exists) sent on. The report is written beside the file and moved into
    place once whole: a failed write leaves nothing, and two runs given the same file leave one
    whole report, never the two interleaved."""
    _repo(tmp_path, {"train.py": TRAIN})
    r = subprocess.run(
        [sys.executable, "-m", "lossguard", "check", "--format", "sarif", "-o", "out.sarif"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_file_size,
        check=False,
    )
    assert r.returncode == 2, r.stdout + r.stderr
    assert "lossguard: error: --output-file out.sarif: cannot write it (File too large)" in r.stderr
    assert "Traceback" not in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".git")) == ["pyproject.toml", "train.py"]
    # Concurrent runs: each report whole (the last one to finish is kept).
    procs = [
        subprocess.Popen([sys.executable, "-m", "lossguard", "check", "--format", "sarif", "-o", "out.sarif", *paths], cwd=tmp_path)
        for paths in ([], ["train.py"], ["pyproject.toml", "train.py"])
    ]
    assert [p.wait(timeout=120) for p in procs] == [1, 1, 1]
    assert len(json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"]) == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_reading_standard_input_is_refused_with_what_to_do(tmp_path: Path):
    """`lossguard check -` (ruff's and black's way to check standard input) said "-: no such file
    or directory". lossguard checks files: the error now says so and what to do, and the other
    paths are still checked and reported."""
    _repo(tmp_path, {"train.py": TRAIN})
    r = subprocess.run(
        [sys.executable, "-m", "lossguard", "check", "-q", "-", "train.py"],
        cwd=tmp_path,
        input=TRAIN,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 2, r.stdout + r.stderr
    assert "lossguard: error: -: lossguard does not read code from standard input (`-`); name the files" in r.stderr
    assert r.stdout.count("train.py:") == 2 and "Traceback" not in r.stderr
    assert run("check", "-q", "--", "-", cwd=tmp_path).returncode == 2


def test_a_submodule_the_change_moves_that_is_not_checked_out_is_not_passed(tmp_path: Path):
    """actions/checkout leaves submodules out unless told: a pull request that points the
    submodule `vendor` at a commit with a bug (or adds a submodule) passed under --diff with a
    warning, exit 0, its code never read. The index says which submodules the change moves:
    such a one not checked out is not checked, exit 2, saying what to do. Look-alikes: a
    submodule the change leaves alone keeps its warning (exit 0); REF's `exclude` naming the
    folder says it is meant to be left out. (Checked out, a bump is compared with REF's commit:
    test_cli_gate.py::test_submodules_and_nested_repositories_are_checked_and_diffed_against_their_own_commit.)"""
    from tests.test_cli_gate import _repository_with_a_submodule

    top = _repository_with_a_submodule(tmp_path)
    git("branch", "base", cwd=top)
    clone = tmp_path / "clone"
    git("clone", "-q", str(top), str(clone), cwd=tmp_path)  # without --recurse-submodules
    git("branch", "base", "origin/HEAD", cwd=clone)
    r = cli("check", "--diff", "base", cwd=clone)
    assert r.returncode == 0 and "vendor: a submodule that is not checked out" in r.stderr, r.stdout + r.stderr
    sub = tmp_path / "sub"
    (sub / "train.py").write_text(TRAIN.replace("import torch\n", "import torch\nimport logging\n"))
    _commit(sub, "a newer vendored trainer")
    new = git("rev-parse", "HEAD", cwd=sub).strip()
    git("update-index", "--cacheinfo", f"160000,{new},vendor", cwd=clone)  # the bump, as a pull request's merge commit has it
    _commit(clone, "bump vendor")
    r = cli("check", "--format", "json", "--diff", "base", cwd=clone)
    assert r.returncode == 2, r.stdout + r.stderr
    assert f"lossguard: error: vendor: a submodule this change moves to {new[:12]} (at REF: " in r.stderr
    assert "actions/checkout with submodules: true" in r.stderr and "Traceback" not in r.stderr
    assert [e["path"] for e in json.loads(r.stdout) if e["kind"] == "not-checked"] == ["vendor"]
    (clone / "pyproject.toml").write_text('[tool.lossguard]\nextend-exclude = ["vendor"]\n')
    _commit(clone, "vendor is left out")
    git("branch", "-f", "base", "HEAD", cwd=clone)
    git("update-index", "--cacheinfo", f"160000,{git('rev-parse', 'HEAD~1', cwd=sub).strip()},vendor", cwd=clone)
    _commit(clone, "vendor back")
    r = cli("check", "--diff", "base", cwd=clone)
    assert r.returncode == 0 and "a submodule that is not checked out" in r.stderr, r.stdout + r.stderr


def test_a_package_moved_unedited_keeps_its_old_findings_old(tmp_path: Path):
    """`git mv pkg pkg2` made every finding of the moved files new (a file REF does not have counts
    as changed throughout): exit 1 on a pure move of code REF accepted. A file whose bytes are
    those of a REF file the work tree no longer has is that file moved: no line of it changed,
    and its findings are matched with REF's under the old name. Look-alikes: a file moved next
    to a model with a softmax gets the new LG001 (REF's check of the old file in REF's tree did
    not have it); a file moved and edited is new throughout, as before."""
    loop = PLAIN_LOOP.replace("from model import", "from .model import")
    _repo(tmp_path, {"pkg/__init__.py": "", "pkg/train.py": TRAIN, "pkg/model.py": MODEL, "pkg/loop.py": loop})
    git("mv", "pkg", "pkg2", cwd=tmp_path)
    _commit(tmp_path, "pkg is now pkg2")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout) == [], r.stdout + r.stderr
    assert "Not shown: 2 on lines unchanged since base" in cli("check", "--diff", "base", cwd=tmp_path).stdout
    # moved beside a softmax model: its bug is new
    git("reset", "-q", "--hard", "base", cwd=tmp_path)
    _write(tmp_path, {"soft/__init__.py": "", "soft/model.py": SOFTMAX_MODEL})
    git("mv", "pkg/loop.py", "soft/loop.py", cwd=tmp_path)
    _commit(tmp_path, "the loop moves to the soft package")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1 and _found(r) == [("soft/loop.py", "LG001")], r.stdout + r.stderr
    # moved and rewritten (fewer than half its lines kept: not paired, round 38): new throughout
    git("reset", "-q", "--hard", "base", cwd=tmp_path)
    git("mv", "pkg", "pkg2", cwd=tmp_path)
    _write(tmp_path, {"pkg2/train.py": "".join(f"import m{i}\n" for i in range(20)) + TRAIN})
    _commit(tmp_path, "moved and edited")
    r = cli("check", "--format", "json", "--diff", "base", cwd=tmp_path)
    assert r.returncode == 1 and _found(r) == [("pkg2/train.py", "LG001"), ("pkg2/train.py", "LG006")], r.stdout + r.stderr


def test_a_file_of_unclosed_from_imports_does_not_stall_a_run_on_a_named_file(tmp_path: Path):
    """`lossguard check model.py` (pre-commit) reads the work tree's other files for imports of
    model.py. A 640 kB file of `from a import (` lines with no `)` (and the word `model` once)
    made the import search look for each `(`'s `)` afresh, to the end of the file: minutes for
    one file, hours for a file near the 10 MB limit. The search is linear: the run takes
    seconds, and the file, which imports nothing, changes nothing."""
    _repo(tmp_path, {"model.py": MODEL, "train.py": PLAIN_LOOP, "gen.py": "model = 1\n" + "from a import (\n" * 40_000})
    _write(tmp_path, {"model.py": SOFTMAX_MODEL})
    r = run("check", "--format", "json", "model.py", cwd=tmp_path, timeout=60)
    assert r.returncode == 1 and _found(r) == [("train.py", "LG001")], r.stdout + r.stderr
