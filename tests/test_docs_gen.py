"""docs/rules/ is generated from the catalog and must not go stale."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from lossguard import catalog, docs_gen

REPO = Path(__file__).resolve().parents[1]


def test_committed_rule_pages_are_up_to_date():
    stale = docs_gen.stale(REPO / "docs" / "rules")
    assert not stale, "run `python -m lossguard.docs_gen` and commit docs/rules/:\n" + "\n".join(stale)
    assert {p.name for p in (REPO / "docs" / "rules").glob("LG*.md")} == {f"{code}.md" for code in catalog.PROBLEMS}


def test_check_mode_fails_on_stale_missing_and_extra_pages(tmp_path: Path):
    out = tmp_path / "rules"
    shutil.copytree(REPO / "docs" / "rules", out)
    page = out / "LG005.md"
    page.write_text(page.read_text().replace("## Why is this bad?", "## Why"))
    (out / "LG002.md").unlink()
    (out / "LG999.md").write_text("# gone\n")
    cmd = [sys.executable, "-m", "lossguard.docs_gen", "--out", str(out)]
    r = subprocess.run([*cmd, "--check"], capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode == 1
    assert f"{page}: out of date" in r.stderr and f"{out / 'LG002.md'}: missing" in r.stderr
    assert f"{out / 'LG999.md'}: no such code in the catalog" in r.stderr
    assert subprocess.run(cmd, capture_output=True, timeout=60, check=False).returncode == 0
    assert subprocess.run([*cmd, "--check"], capture_output=True, timeout=60, check=False).returncode == 0
    assert page.read_text().endswith(catalog.render_page(catalog.get("LG005")))
