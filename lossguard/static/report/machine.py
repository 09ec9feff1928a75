"""Machine-readable output: JSON and JSON lines."""

from __future__ import annotations

import json

from lossguard.static.finding import FileError, Finding


def to_json(findings: list[Finding], errors: list[FileError]) -> str:
    return json.dumps([f.to_dict() for f in findings], indent=2)


def to_json_lines(findings: list[Finding], errors: list[FileError]) -> str:
    return "".join(json.dumps(f.to_dict()) + "\n" for f in findings)
