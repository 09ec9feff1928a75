"""Helpers to test rules against code annotated with ``# expect: LGxxx`` markers."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from lossguard.static.engine import check_files

_EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>LG\d{3}(?:\s*,\s*LG\d{3})*)")


def expected_findings(source: str) -> set[tuple[int, str]]:
    """(line, code) pairs marked in ``source``."""
    out: set[tuple[int, str]] = set()
    for lineno, text in enumerate(source.splitlines(), start=1):
        m = _EXPECT.search(text)
        if m:
            out |= {(lineno, c.strip()) for c in m.group("codes").split(",")}
    return out


def actual_findings(paths: list[Path]) -> dict[Path, set[tuple[int, str]]]:
    result = check_files(paths, display=str)
    if result.errors:
        raise AssertionError(f"lossguard could not check: {result.errors}")
    found: dict[Path, set[tuple[int, str]]] = {p: set() for p in paths}
    for f in result.findings:
        found.setdefault(Path(f.path), set()).add((f.line, f.code))
    return found


def check_example(code: str, directory: Path, name: str = "example.py") -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    """Write ``code`` to a file and return (expected, actual) findings."""
    source = textwrap.dedent(code).lstrip("\n")
    path = directory / name
    path.write_text(source)
    actual = actual_findings([path])[path]
    return expected_findings(source), actual
