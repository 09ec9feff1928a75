"""Machine-readable output: JSON and JSON lines.

Each entry is an object with the keys of a finding (:meth:`Finding.to_dict`) and a ``kind``:
``"finding"``, or ``"not-checked"`` for a file or path that could not be checked (its
``reason`` says why; ``code``, ``col``, ``fix`` and ``autofix`` are null, and ``line`` too
unless the reason points at a line: a notebook cell left out adds ``cell``), so that a
script reading the report sees every file the exit status 2 stands for (docs/ci.md).
"""

from __future__ import annotations

import json

from lossguard.static.finding import REPORT_KEYS, FileError, Finding

NOT_CHECKED = "not-checked"


def entries(findings: list[Finding], errors: list[FileError]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = [{"kind": "finding", **f.to_dict()} for f in findings]
    for e in errors:
        out.append(
            {
                "kind": NOT_CHECKED,
                **dict.fromkeys(REPORT_KEYS),  # a finding's keys, in its order; null unless set here
                "name": NOT_CHECKED,
                "severity": "error",
                "path": e.path,
                "line": e.line,
                "message": f"not checked: {e.reason}",
                "autofix": None,
                "reason": e.reason,
                **({"cell": e.cell} if e.cell is not None else {}),
            }
        )
    return out


def to_json(findings: list[Finding], errors: list[FileError]) -> str:
    return json.dumps(entries(findings, errors), indent=2)


def to_json_lines(findings: list[Finding], errors: list[FileError]) -> str:
    return "".join(json.dumps(e) + "\n" for e in entries(findings, errors))
