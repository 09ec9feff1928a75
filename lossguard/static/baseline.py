"""Baselines: record today's findings, then report only the ones a change adds.

A finding matches a recorded one by content (code, root-relative path and flagged text), not by
line, so moving code does not bring an old finding back. Matching counts: with one recorded
occurrence and two current ones, one is new.
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

FORMAT_VERSION = 1
DEFAULT_FILE = "lossguard-baseline.json"


def _key(f: Finding, sources: SourceSet) -> str:
    return content_hash(f.code, sources.relative(f.path), sources.flagged_text(f))


def dump(findings: list[Finding], sources: SourceSet, located: list[Finding] | None = None) -> str:
    """The baseline file's text for ``findings`` (sorted, so it diffs well under version control).
    ``located`` are the same findings as reported (notebook lines within cells), for the
    informative ``line``/``cell``/``message``; matching uses only the hash."""
    entries = [
        {
            "code": f.code,
            "path": printable(sources.relative(f.path)),
            "hash": _key(f, sources),
            "line": shown.line,  # informative only; matching ignores it
            **({"cell": shown.cell} if shown.cell is not None else {}),
            "message": shown.message,
        }
        for f, shown in zip(findings, located if located is not None else findings)
    ]
    entries.sort(key=lambda e: (e["path"], e["line"], e["code"], e["hash"]))
    doc = {"lossguard-baseline": FORMAT_VERSION, "generated-by": f"lossguard {__version__}", "findings": entries}
    return json.dumps(doc, indent=2) + "\n"


def load(path: Path) -> Counter[str]:
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
    if doc["lossguard-baseline"] != FORMAT_VERSION:
        raise UsageError(
            f"--baseline {path}: baseline format {doc['lossguard-baseline']!r} is not supported "
            f"(this lossguard reads format {FORMAT_VERSION}); {redo}"
        )
    entries = doc.get("findings")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("hash"), str) for e in entries):
        raise UsageError(f'--baseline {path}: its "findings" must be a list of objects with a "hash"; {redo}')
    return Counter(e["hash"] for e in entries)


def new_findings(findings: list[Finding], recorded: Counter[str], sources: SourceSet) -> list[Finding]:
    """The findings not in the baseline (each recorded occurrence absorbs one current finding)."""
    left = Counter(recorded)
    out = []
    for f in findings:
        key = _key(f, sources)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(f)
    return out
