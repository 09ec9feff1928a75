"""Baselines: record today's findings, then report only the ones a change adds.

A finding matches a recorded one by content (code, root-relative path, the name of the
function it is in, and flagged text), not by line, so moving code does not bring an old finding back,
while the same text written in another function is a new finding. Matching counts: with one
recorded occurrence and two current ones, one is new. Format 1 (before the function was part
of the key) is still read, and matched as it was, with a warning.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from lossguard import __version__
from lossguard.errors import UsageError
from lossguard.static.finding import Finding
from lossguard.static.fingerprint import content_hash
from lossguard.static.sources import SourceSet, printable

FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
DEFAULT_FILE = "lossguard-baseline.json"


class Recorded(Counter[str]):
    """The recorded finding keys, counted, and the format they were written in."""

    version: int = FORMAT_VERSION


def content_key(f: Finding, path: str, sources: SourceSet) -> str:
    """What identifies a finding across versions of its file: code, ``path``, the function it is
    in and the flagged text (also how ``--diff REF`` matches REF's findings)."""
    return content_hash(f.code, path, f"{sources.scope(f.path, f.line)}\0{sources.flagged_text(f)}")


def _key(f: Finding, sources: SourceSet, version: int = FORMAT_VERSION) -> str:
    if version == 1:
        return content_hash(f.code, sources.relative(f.path), sources.flagged_text(f))
    return content_key(f, sources.relative(f.path), sources)


def dump(findings: list[Finding], sources: SourceSet, located: list[Finding] | None = None) -> str:
    """The baseline file's text for ``findings`` (sorted, so it diffs well under version control).
    ``located`` are the same findings as reported (notebook lines within cells), for the
    informative ``line``/``cell``/``message``; matching uses only the hash."""
    entries = [
        {
            "code": f.code,
            "path": printable(sources.relative(f.path)),
            "hash": _key(f, sources),
            "scope": sources.scope(f.path, f.line),  # informative; the hash covers it
            "line": shown.line,  # informative only; matching ignores it
            **({"cell": shown.cell} if shown.cell is not None else {}),
            "message": shown.message,
        }
        for f, shown in zip(findings, located if located is not None else findings)
    ]
    entries.sort(key=lambda e: (e["path"], e["line"], e["code"], e["hash"]))
    doc = {"lossguard-baseline": FORMAT_VERSION, "generated-by": f"lossguard {__version__}", "findings": entries}
    return json.dumps(doc, indent=2) + "\n"


def load(path: Path) -> Recorded:
    """The recorded finding keys, counted. Raises UsageError saying how to fix a bad file."""
    redo = f"write a new one with `lossguard baseline -o {path}`"
    if not path.is_file():
        raise UsageError(f"--baseline {path}: no such file; {redo}")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--baseline {path}: cannot read it ({exc}); {redo}") from exc
    except json.JSONDecodeError as exc:
        raise UsageError(f"--baseline {path}: not valid JSON (line {exc.lineno}: {exc.msg}); {redo}") from exc
    if not isinstance(doc, dict) or "lossguard-baseline" not in doc:
        raise UsageError(f"--baseline {path}: not a lossguard baseline file; {redo}")
    version = doc["lossguard-baseline"]
    if type(version) is not int or version not in READABLE_VERSIONS:  # (JSON `true` equals 1 in Python)
        raise UsageError(
            f"--baseline {path}: baseline format {json.dumps(version)} is not supported "
            f"(this lossguard reads formats {', '.join(map(str, READABLE_VERSIONS))}); {redo}"
        )
    entries = doc.get("findings")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("hash"), str) for e in entries):
        raise UsageError(f'--baseline {path}: its "findings" must be a list of objects with a "hash"; {redo}')
    recorded = Recorded(e["hash"] for e in entries)
    recorded.version = version
    return recorded


def new_findings(findings: list[Finding], recorded: Recorded, sources: SourceSet) -> list[Finding]:
    """The findings not in the baseline (each recorded occurrence absorbs one current finding)."""
    left = Counter(recorded)
    out = []
    for f in findings:
        key = _key(f, sources, recorded.version)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(f)
    return out
