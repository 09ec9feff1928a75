"""lossguard.static.fixer: one analysis per pass, on the files the previous pass changed."""

from __future__ import annotations

from pathlib import Path

from lossguard.static import fixer
from tests.cli_support import FIXED, TRAIN


def test_analysis_runs_once_per_pass_on_changed_files(tmp_path: Path):
    (tmp_path / "train.py").write_text(TRAIN)  # LG006 has a safe fix, LG001 none
    (tmp_path / "other.py").write_text(FIXED)
    files = [tmp_path / "other.py", tmp_path / "train.py"]
    run = fixer.run_fixes(files, display=lambda p: p.name)
    assert run.passes == 2 and run.analysed == 3  # pass 1: both files; pass 2: train.py only
    assert [f.path.name for f in run.fixes] == ["train.py"] and run.fixes[0].applied == 1
    assert [(f.path, f.code) for f in run.result.findings] == [("train.py", "LG001")]  # what --fix then reports
    assert run.result.files_checked == 2
    assert (tmp_path / "train.py").read_text() == TRAIN, "run_fixes computes, it never writes"


def test_fix_types_do_not_import_the_engine():
    from lossguard.static import fix

    source = Path(fix.__file__).read_text(encoding="utf-8")
    assert "lossguard.static.engine" not in source and "lossguard.static.fixer import fix_files" in source  # lazy shim only
