"""lossguard.static.baseline: content keys, counting, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lossguard.errors import UsageError
from lossguard.static import baseline
from lossguard.static.finding import Finding
from lossguard.static.sources import SourceSet


def _finding(path: str, line: int) -> Finding:
    return Finding(path, line, 1, line, 2, "LG006", "graph-retention", "warning", "m", "f")


def test_round_trip_counts_occurrences_and_survives_moves(tmp_path: Path):
    (tmp_path / "t.py").write_text("total += loss\ntotal += loss\n")
    sources = SourceSet(root=tmp_path)
    sources.add("t.py", tmp_path / "t.py")
    doc = baseline.dump([_finding("t.py", 1)], sources)
    (tmp_path / "b.json").write_text(doc)
    recorded = baseline.load(tmp_path / "b.json")
    assert baseline.new_findings([_finding("t.py", 1), _finding("t.py", 2)], recorded, sources) == [_finding("t.py", 2)]


def test_file_name_that_is_not_utf8(tmp_path: Path):
    sources = SourceSet(root=tmp_path)
    sources.add("tr\udce9in.py", tmp_path / "tr\udce9in.py")
    doc = json.loads(baseline.dump([_finding("tr\udce9in.py", 1)], sources))
    assert doc["findings"][0]["path"] == "tr\\xe9in.py"


@pytest.mark.parametrize(
    "content, why",
    [
        ("{", "not valid JSON"),
        ("[]", "not a lossguard baseline"),
        ('{"lossguard-baseline": 9}', "format 9"),
        ('{"lossguard-baseline": 1, "findings": [1]}', "must be a list"),
    ],
)
def test_bad_files(tmp_path: Path, content: str, why: str):
    (tmp_path / "b.json").write_text(content)
    with pytest.raises(UsageError, match=why):
        baseline.load(tmp_path / "b.json")
