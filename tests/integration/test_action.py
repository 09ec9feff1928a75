"""The GitHub Action's own command line, run as the runner would run it, in a git repository."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.cli_support import FIXED, TRAIN, git

REPO = Path(__file__).resolve().parents[2]
ACTION = yaml.safe_load((REPO / "action.yml").read_text())


def _step(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)


def _expand(value: str, inputs: dict[str, str]) -> str:
    """The runner's `${{ inputs.x }}` / `${{ github.action_path }}` substitution."""

    def sub(m: re.Match[str]) -> str:
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr.removeprefix("inputs.")]
        if expr == "github.action_path":
            return str(REPO)
        raise AssertionError(f"unexpected expression in action.yml: {expr}")

    return re.sub(r"\$\{\{(.*?)\}\}", sub, value)


def _run_check_step(workspace: Path, **with_: str) -> subprocess.CompletedProcess[str]:
    inputs = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
    inputs.update(with_)
    step = _step("Run lossguard")
    assert step["shell"] == "bash"
    env = {**os.environ, **{k: _expand(str(v), inputs) for k, v in step["env"].items()}}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"  # where `pip install` put lossguard
    assert "${{" not in step["run"], "inputs must reach the script through the environment"
    return subprocess.run(["bash", "-e", "-c", step["run"]], check=False, cwd=workspace, env=env, capture_output=True, text=True, timeout=120)


def test_action_writes_sarif_for_code_scanning(tmp_path: Path):
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "training").mkdir()
    (tmp_path / "training" / "train.py").write_text(TRAIN)
    (tmp_path / "training" / "eval.py").write_text(FIXED)

    r = _run_check_step(tmp_path)
    assert r.returncode == 1, r.stderr  # findings fail the job ...
    log = json.loads((tmp_path / "lossguard.sarif").read_text())  # ... and the report is there to upload
    results = log["runs"][0]["results"]
    assert [(res["ruleId"], res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for res in results] == [
        ("LG001", "training/train.py"),
        ("LG006", "training/train.py"),
    ]

    r = _run_check_step(tmp_path, paths="training/eval.py training/train.py", args="--select LG006", **{"sarif-file": "out/ci.sarif"})
    assert r.returncode == 2 and "out/ci.sarif: cannot write it" in r.stderr  # a missing folder is said plainly
    (tmp_path / "out").mkdir()
    r = _run_check_step(tmp_path, paths="training/eval.py training/train.py", args="--select LG006", **{"sarif-file": "out/ci.sarif"})
    assert r.returncode == 1
    assert [res["ruleId"] for res in json.loads((tmp_path / "out" / "ci.sarif").read_text())["runs"][0]["results"]] == ["LG006"]


def test_action_installs_from_its_own_path_and_uploads_always():
    install = _step("Install lossguard")
    assert _expand(install["env"]["LOSSGUARD_ACTION_PATH"], {}) == str(REPO)
    assert "pip install" in install["run"] and '"$LOSSGUARD_ACTION_PATH"' in install["run"]
    assert (REPO / "pyproject.toml").is_file()
    upload = next(s for s in ACTION["runs"]["steps"] if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@"))
    assert "always()" in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert ACTION["runs"]["using"] == "composite"


def test_installing_lossguard_runs_nothing_from_the_workspace(tmp_path: Path):
    """The install step runs in the checked-out repository: `python -m pip` there imported a
    `pip.py` of the pull request (the current folder comes first on Python's path)."""
    (tmp_path / "pip.py").write_text('import pathlib\npathlib.Path("PWNED").write_text("the workspace ran")\n')
    install = _step("Install lossguard")
    env = {**os.environ, **{k: _expand(str(v), {}) for k, v in install["env"].items()}}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    # what pip does next does not matter here (and must not touch this environment): a dry run
    env.update(PIP_DRY_RUN="1", PIP_NO_DEPS="1", PIP_NO_BUILD_ISOLATION="1", PIP_NO_INDEX="1")
    subprocess.run(["bash", "-e", "-c", install["run"]], check=False, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert not (tmp_path / "PWNED").exists()


def test_a_path_glob_that_matches_a_file_named_like_an_option_checks_it_as_a_file(tmp_path: Path):
    """`paths: "*.py"` in a repository with a file named `--ignore=LG001,LG006.py`: after `--`
    it is a file (checked, a syntax error here), never an option that hides the findings."""
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "train.py").write_text(TRAIN)
    (tmp_path / "--ignore=LG001,LG006.py").write_text("print('hello')\n")
    r = _run_check_step(tmp_path, paths="*.py")
    assert r.returncode == 1, r.stderr
    results = json.loads((tmp_path / "lossguard.sarif").read_text())["runs"][0]["results"]
    assert [res["ruleId"] for res in results] == ["LG001", "LG006"]


def test_a_report_the_pull_request_commits_is_never_the_one_uploaded(tmp_path: Path):
    """The upload step runs `always()` when the SARIF file exists. A pull request that commits a
    clean `lossguard.sarif` (no results: code scanning would close every open alert) and breaks
    the run before the report is written (here, a pyproject.toml that is not TOML) had its own
    report uploaded. The check step removes the file first, so only lossguard's report is there."""
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "train.py").write_text(TRAIN)
    clean = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lossguard"}}, "results": []}]}
    (tmp_path / "lossguard.sarif").write_text(json.dumps(clean))
    (tmp_path / "pyproject.toml").write_text("[tool.lossguard\n")
    r = _run_check_step(tmp_path)
    assert r.returncode == 2 and "not valid TOML" in r.stderr, r.stderr
    assert not (tmp_path / "lossguard.sarif").exists()
    (tmp_path / "pyproject.toml").unlink()
    r = _run_check_step(tmp_path)
    assert r.returncode == 1 and len(json.loads((tmp_path / "lossguard.sarif").read_text())["runs"][0]["results"]) == 2
