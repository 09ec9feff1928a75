"""docs/rules/ is generated from the catalog and must not go stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lossguard import catalog, docs_gen

REPO = Path(__file__).resolve().parents[1]


def test_committed_rule_pages_are_up_to_date():
    stale = docs_gen.stale(REPO / "docs" / "rules")
    assert not stale, "run `python -m lossguard.docs_gen` and commit docs/rules/:\n" + "\n".join(stale)
    assert {p.name for p in (REPO / "docs" / "rules").glob("LG*.md")} == {f"{code}.md" for code in catalog.PROBLEMS}


def test_check_mode_fails_on_stale_missing_and_extra_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """Through ``docs_gen.main`` in-process: what is tested is the comparison, not the process."""
    out = tmp_path / "rules"
    shutil.copytree(REPO / "docs" / "rules", out)
    page = out / "LG005.md"
    page.write_text(page.read_text().replace("## Why is this bad?", "## Why"))
    (out / "LG002.md").unlink()
    (out / "LG999.md").write_text("# gone\n")
    args = ["--out", str(out)]
    assert docs_gen.main([*args, "--check"]) == 1
    stderr = capsys.readouterr().err
    assert f"{page}: out of date" in stderr and f"{out / 'LG002.md'}: missing" in stderr
    assert f"{out / 'LG999.md'}: no such code in the catalog" in stderr
    assert docs_gen.main(args) == 0
    assert docs_gen.main([*args, "--check"]) == 0
    assert page.read_text().endswith(catalog.render_page(catalog.get("LG005")))
