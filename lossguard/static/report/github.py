"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per finding.

Escaping follows the runner's rules: in the message ``%``, CR and LF are percent-encoded; in
properties ``:`` and ``,`` are too.
"""

from __future__ import annotations

from lossguard.static.finding import FileError, Finding

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: list[Finding], errors: list[FileError], paths: dict[str, str] | None = None) -> str:
    """Annotations; ``paths`` maps display paths to repository-relative ones (GitHub wants those)."""
    paths = paths or {}
    out = []
    for f in findings:
        where = f"{f.path}:cell {f.cell}:{f.line}:{f.col}" if f.cell is not None else f"{f.path}:{f.line}:{f.col}"
        props = {
            "file": paths.get(f.path, f.path),
            "line": str(f.line),
            "col": str(f.col),
            "endLine": str(f.end_line),
            "endColumn": str(f.end_col),
            "title": f.code,
        }
        prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
        message = f"{where}: {f.code} {f.message}"
        out.append(f"::{_COMMAND.get(f.severity, 'warning')} {prop_text}::{escape_data(message)}\n")
    for e in errors:
        props_e = f"file={escape_property(paths.get(e.path, e.path))},title={escape_property('lossguard: file not checked')}"
        out.append(f"::error {props_e}::{escape_data(f'{e.path}: {e.reason}')}\n")
    return "".join(out)
