"""The judged sweep's scripts: the repository list, the extraction from git, and the NEW and LOST report.

``bench/survey_repos.py`` derives the list from docs/survey.md, ``bench/survey_extract.py`` writes each
repository's Python files at its commit from a real git directory, and ``bench/survey.py`` reads the judged rows
back against real ``lossguard check`` runs. Each runs here as the command a person types.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli_support import TRAIN

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

from survey import ROW, folder_name  # noqa: E402
from survey_repos import LIST, read_list  # noqa: E402


def _bench(script: str, *args: object, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, str(BENCH / script), *map(str, args)]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def _git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    return subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True).stdout


def test_the_repository_list_is_what_docs_survey_md_gives():
    """Regenerate bench/survey_repos.txt after a round adds judged rows: `python bench/survey_repos.py > ...`."""
    proc = _bench("survey_repos.py", "--check")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_judged_row_names_a_listed_repository():
    listed = {j.repo for j in read_list(LIST)}
    judged = set()
    for line in (ROOT / "docs" / "survey.md").read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            judged.add(folder_name(m.group(1)))
    assert judged, "no judged row read from docs/survey.md"
    assert judged - listed == set()


def test_the_rounds_commits_are_taken_from_their_tables():
    """A repository table's commit, a whole-tree check's `HEAD` commit, an `owner/name@commit` row; none from prose."""
    listed = {j.repo: j for j in read_list(LIST)}
    assert (listed["pytorch+examples"].commit, listed["pytorch+examples"].round) == ("77f55b9121", "2")
    assert listed["L1aoXingyu+pytorch-beginner"].commit == "a57dd7ea35"  # round 7's table
    assert listed["lucidrains+ppo"].commit == "efe9f2143e"  # "| lucidrains/ppo | `HEAD` efe9f2143e (...) |"
    assert "d1cd5e1957".startswith(listed["bamos+densenet.pytorch"].commit)  # round 27: "bamos/densenet.pytorch@d1cd5e19"
    # fix-history prose names fix commits and parents ("longcw/faster_rcnn_pytorch 1e5e70d225 ..."): not the HEAD judged
    assert listed["longcw+faster_rcnn_pytorch"].commit == "-"


def _project(tmp_path: Path) -> tuple[Path, str]:
    """A git repository with a training script in a folder whose name has a space; returns it and its first commit."""
    repo = tmp_path / "work"
    (repo / "Char03 Actor-Critic").mkdir(parents=True)
    (repo / "Char03 Actor-Critic" / "train.py").write_text(TRAIN, encoding="utf-8")
    nb = {"cells": [{"cell_type": "code", "source": ["import torch\n"], "metadata": {}, "outputs": []}]}
    (repo / "demo.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (repo / "README.md").write_text("# not Python\n", encoding="utf-8")
    (repo / "big.ipynb").write_text(json.dumps({"cells": [], "note": "x" * 5000}), encoding="utf-8")
    (repo / "shared.py").symlink_to("Char03 Actor-Critic/train.py")  # a recipe linking a shared file
    (repo / "escape.py").symlink_to("../../outside.py")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first")
    first = _git(repo, "rev-parse", "HEAD").strip()
    (repo / "later.py").write_text("x = 1\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "second")
    return repo, first


def test_extract_writes_the_commits_python_files_and_names_a_missing_blob(tmp_path):
    repo, first = _project(tmp_path)
    mirrors = tmp_path / "mirrors"
    bare = mirrors / "someone+project" / "repo"
    subprocess.run(["git", "clone", "-q", "--bare", "--local", str(repo), str(bare)], check=True)
    # a snapshot without its large blobs: the loose object of big.ipynb removed from the bare repository
    big = _git(repo, "rev-parse", f"{first}:big.ipynb").strip()
    (bare / "objects" / big[:2] / big[2:]).unlink()
    assert subprocess.run(["git", "-C", str(bare), "cat-file", "-e", big]).returncode != 0
    listing = tmp_path / "repos.txt"
    listing.write_text(f"someone/project {first[:10]} 7\nother/absent 0123456789 7\nthird/unwritten - 9\n", encoding="utf-8")
    out = tmp_path / "trees"

    proc = _bench("survey_extract.py", mirrors, out, "--list", listing, "--rounds", "2-8")
    assert proc.returncode == 0, proc.stderr

    tree = out / "someone+project"
    written = sorted(str(p.relative_to(tree)) for p in tree.rglob("*") if p.is_file() or p.is_symlink())
    assert written == ["Char03 Actor-Critic/train.py", "demo.ipynb", "shared.py"]
    assert (tree / "Char03 Actor-Critic" / "train.py").read_text(encoding="utf-8") == TRAIN
    assert (tree / "shared.py").is_symlink() and (tree / "shared.py").read_text(encoding="utf-8") == TRAIN
    assert (out / "commits.txt").read_text() == f"someone+project {first} 7 3\n"
    missing = (out / "missing.txt").read_text()
    assert "someone+project: big.ipynb (blob not in the snapshot)" in missing
    assert "someone+project: escape.py (a link out of the tree)" in missing
    assert "other+absent: no mirror" in missing
    assert "third+unwritten" not in missing  # round 9 is outside --rounds 2-8


def test_survey_prints_new_findings_and_lost_true_rows(tmp_path):
    tree = tmp_path / "trees" / "someone+project"
    tree.mkdir(parents=True)
    (tree / "train.py").write_text(TRAIN, encoding="utf-8")
    found = subprocess.run(
        [sys.executable, "-m", "lossguard", "check", "--isolated", "--format", "json", "someone+project"],
        cwd=tree.parent,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
    )
    findings = sorted((f["line"], f["code"]) for f in json.loads(found.stdout) if f.get("kind", "finding") == "finding")
    assert len(findings) >= 2, found.stdout
    (line, code), (new_line, new_code) = findings[0], findings[1]
    survey = tmp_path / "survey.md"
    survey.write_text(
        "| repository | path:line | code | verdict | reason |\n|---|---|---|---|---|\n"
        f"| someone/project@0123456 | train.py:{line} | {code} | true | reported |\n"
        "| someone+project | train.py:2 | LG011 | true | no longer reported |\n"
        "| someone+project | train.py:3 | LG004 | false alarm, fixed | gone |\n"
        "| other+project | train.py:3 | LG004 | true | another repository's row |\n",
        encoding="utf-8",
    )

    proc = _bench("survey.py", tmp_path / "trees", "--judged", survey)

    assert proc.returncode == 0, proc.stderr
    assert f"NEW someone+project train.py:{new_line} {new_code}" in proc.stdout
    assert "LOST someone+project train.py:2 LG011" in proc.stdout.splitlines()
    assert "LOST other+project" not in proc.stdout
    assert "judged rows not reported: 1 true (LOST below), 1 false alarms (fixed)" in proc.stdout
