"""lossguard.static.noqa: suppression comments read from tokens, and --add-noqa."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static import noqa
from lossguard.static.finding import Finding


@pytest.mark.parametrize(
    "line, code, silenced",
    [
        ("x = f(y)  # noqa", "LG001", True),
        ("x = f(y)  # NOQA:LG001", "LG001", True),
        ("x = f(y)  # noqa: LG001, LG006", "LG006", True),
        ("x = f(y)  # noqa: LG006", "LG001", False),
        ("x = f(y)  # noqa: text", "LG001", False),
        ("x = f(y)  # noqa:LG001 because the paper says so", "LG001", True),
        ("x = f(y)  # noqafoo", "LG001", False),
        ("x = f(y)  # lossguard: ignore", "LG001", True),
        ("x = f(y)  # lossguard: ignore[LG001]", "LG001", True),
        ("x = f(y)  # lossguard: ignore[ LG006 , LG001 ]", "LG001", True),
        ("x = f(y)  # lossguard: ignore[LG001", "LG001", False),
        ("x = f(y)  # lossguard: ignore[LG001", "LG006", False),
        ("x = f(y)  # lossguard: ignore[text]", "LG001", False),
        ("x = f(y)  # type: ignore  # noqa: LG001", "LG001", True),
        ("x = f('# noqa')", "LG001", False),
        ("x = f(y)  # a comment about noqa", "LG001", False),
    ],
)
def test_suppression_grammar(line: str, code: str, silenced: bool):
    assert noqa.suppressions(line + "\n").silences(1, code) == silenced


def test_lines_counted_as_python_counts_them():
    text = "# one\rx = f(y)  # noqa: LG001\n# \x0c form feed\nz = g()  # noqa\n"
    marks = noqa.suppressions(text)
    assert marks.silences(2, "LG001") and marks.silences(4, "LG006")
    assert not marks.silences(3, "LG001")


def test_skip_file_only_as_a_comment_of_its_own():
    assert noqa.suppressions("# lossguard: skip-file\nx = 1\n").skip_file
    assert not noqa.suppressions('"""Docs.\n# lossguard: skip-file\n"""\nx = 1\n').skip_file
    assert not noqa.suppressions("x = 1  # lossguard: skip-file\n").skip_file


def _finding(path: str, line: int, code: str = "LG001") -> Finding:
    return Finding(path, line, 1, line, 2, code, "n", "error", "m", "f")


def test_add_noqa_keeps_endings_and_encoding(tmp_path: Path):
    path = tmp_path / "t.py"
    original = "# -*- coding: latin-1 -*-\r\n# é\x0c\r\nx = f(y)\r\ny = 2  # noqa: LG006\r\n"
    path.write_bytes(original.encode("latin-1"))
    result = noqa.add_noqa([_finding("t.py", 3), _finding("t.py", 4)], {"t.py": path})
    assert (result.added, result.files) == (2, 1)
    assert path.read_bytes().decode("latin-1") == original.replace("x = f(y)", "x = f(y)  # noqa: LG001").replace(
        "# noqa: LG006", "# noqa: LG006, LG001"
    )
