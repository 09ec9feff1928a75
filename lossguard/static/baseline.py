"""Baselines: record today's findings, then report only the ones a change adds.

A finding matches a recorded one by content (code, root-relative path, where it is: the
classes and functions around it, and flagged text as a formatter cannot change it), not by
line, so moving or reformatting code does not bring an old finding back, while the same text written in another function, or in a
same-named method of another class, is a new finding. Code that moves into a class (or whose
class is renamed) changes where it is: a recorded finding whose place no longer exists in the
file then matches by the innermost function's name alone. Matching counts: with one recorded
occurrence and two current ones, one is new. Formats 1 (no function in the key) and 2 (the
innermost function's name only) and 3 (the flagged text with its whitespace collapsed, so a
line split in two no longer matched) and 4 (with the parentheses black puts around a long
right-hand side) are still read, and matched as they were, with a warning.
The same matching tells ``--diff REF`` which findings REF already had (lossguard.static.run).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lossguard import __version__
from lossguard.errors import UsageError
from lossguard.static.finding import Finding
from lossguard.static.fingerprint import content_hash
from lossguard.static.sources import SourceSet, printable

FORMAT_VERSION = 5  # 5: without black's parentheses around a right-hand side; 4: as sources.code_form writes it; 3: whitespace collapsed only
READABLE_VERSIONS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Entry:
    """One recorded finding: its key, what matches it when its place is gone, and the code, path
    and scope a reviewer reads in the file. All must agree with a finding for it to match: an
    entry that names another file's finding while its hash is a new one's hides nothing."""

    key: str  # code, path, scope (``Trainer.fit``) and flagged text
    loose: str = ""  # code, path, innermost function (``fit``) and flagged text
    scope: str = ""
    code: str = ""
    path: str = ""  # relative to the root, as :func:`printable` writes it


@dataclass
class Recorded:
    """The recorded findings, counted, and the format they were written in."""

    entries: Counter[Entry] = field(default_factory=Counter)
    version: int = FORMAT_VERSION


def entry(f: Finding, path: str, sources: SourceSet, version: int = FORMAT_VERSION) -> Entry:
    """What identifies ``f`` across versions of its file, ``path`` being its name relative to the
    root: its flagged code as a formatter cannot change it (format 4: with the parentheses black
    puts around a long right-hand side, which made it new; format 3: with whitespace collapsed,
    so that a line split over several became a new finding)."""
    text = sources.flagged_code(f, unwrap=version >= 5) if version >= 4 else sources.flagged_text(f)
    scope = sources.scope(f.path, f.line)
    return Entry(
        content_hash(f.code, path, f"{scope}\0{text}"),
        content_hash(f.code, path, f"{sources.function(f.path, f.line)}\0{text}"),
        scope,
        f.code,
        printable(path),
    )


def _old_key(f: Finding, sources: SourceSet, version: int) -> str:
    """The key of formats 1 and 2."""
    path = sources.relative(f.path)
    if version == 1:
        return content_hash(f.code, path, sources.flagged_text(f))
    return content_hash(f.code, path, f"{sources.function(f.path, f.line)}\0{sources.flagged_text(f)}")


def dump(findings: list[Finding], sources: SourceSet, located: list[Finding] | None = None) -> str:
    """The baseline file's text for ``findings`` (sorted, so it diffs well under version control).
    ``located`` are the same findings as reported (notebook lines within cells), for the
    informative ``line``/``cell``/``message``; matching uses the hashes and the scope."""
    entries = []
    for f, shown in zip(findings, located if located is not None else findings):
        e = entry(f, sources.relative(f.path), sources)
        entries.append(
            {
                "code": e.code,
                "path": e.path,
                "hash": e.key,
                "loose-hash": e.loose,  # matches when the scope is gone from the file (code moved into a class)
                "scope": e.scope,
                "line": shown.line,  # informative only; matching ignores it
                **({"cell": shown.cell} if shown.cell is not None else {}),
                "message": shown.message,
            }
        )
    entries.sort(key=lambda e: (e["path"], e["line"], e["code"], e["hash"]))
    doc = {"lossguard-baseline": FORMAT_VERSION, "generated-by": f"lossguard {__version__}", "findings": entries}
    return json.dumps(doc, indent=2) + "\n"


def load(path: Path, text: str | None = None) -> Recorded:
    """The recorded findings, counted (``text``: the file's text, read elsewhere; by default
    read from ``path``). Raises UsageError saying how to fix a bad file."""
    redo = f"write a new one with `lossguard baseline -o {path}`"
    if text is None and not path.is_file():
        raise UsageError(f"--baseline {path}: no such file; {redo}")
    try:
        doc = json.loads(path.read_text(encoding="utf-8") if text is None else text)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--baseline {path}: cannot read it ({exc}); {redo}") from exc
    except json.JSONDecodeError as exc:
        raise UsageError(f"--baseline {path}: not valid JSON (line {exc.lineno}: {exc.msg}); {redo}") from exc
    except RecursionError as exc:
        raise UsageError(f"--baseline {path}: nested too deeply to read; {redo}") from exc
    if not isinstance(doc, dict) or "lossguard-baseline" not in doc:
        raise UsageError(f"--baseline {path}: not a lossguard baseline file; {redo}")
    version = doc["lossguard-baseline"]
    if type(version) is not int or version not in READABLE_VERSIONS:  # (JSON `true` equals 1 in Python)
        raise UsageError(
            f"--baseline {path}: baseline format {json.dumps(version)} is not supported "
            f"(this lossguard reads formats {', '.join(map(str, READABLE_VERSIONS))}); {redo}"
        )
    entries = doc.get("findings")
    fields = ("hash", "loose-hash", "scope", "code", "path") if version >= 3 else ("hash",)
    if not isinstance(entries, list) or not all(isinstance(e, dict) and all(isinstance(e.get(k), str) for k in fields) for e in entries):
        more = ', a "loose-hash", a "scope", a "code" and a "path"' if version >= 3 else ""
        raise UsageError(f'--baseline {path}: its "findings" must be a list of objects with a "hash"{more} (text); {redo}')
    if version >= 3:
        recorded = Counter(Entry(e["hash"], e["loose-hash"], e["scope"], e["code"], e["path"]) for e in entries)
    else:
        recorded = Counter(Entry(e["hash"]) for e in entries)
    return Recorded(recorded, version)


def unmatched(findings: list[Finding], recorded: Recorded, sources: SourceSet, path: Callable[[Finding], str] | None = None) -> list[bool]:
    """For each finding, whether no recorded finding matches it (each recorded one matches at
    most one). ``path``: a finding's path as recorded (by default relative to the root).
    First by key; then a finding left over matches a recorded one left over by its innermost
    function's name, when the recorded scope no longer exists in the file (moved into a class,
    class renamed)."""
    where = path or (lambda f: sources.relative(f.path))
    left = Counter(recorded.entries)
    if recorded.version < 3:
        old = Counter({e.key: n for e, n in left.items()})
        out = []
        for f in findings:
            key = _old_key(f, sources, recorded.version)
            out.append(old[key] <= 0)
            old[key] -= 1
        return out
    mine = [entry(f, where(f), sources, recorded.version) for f in findings]
    out = []
    for e in mine:
        if left[e] > 0:
            left[e] -= 1
            out.append(False)
        else:
            out.append(True)
    for i, (f, e) in enumerate(zip(findings, mine)):
        if not out[i]:
            continue
        present = sources.scopes(f.path) | {""}  # (module level is always there)
        for known, n in left.items():
            if n > 0 and (known.loose, known.code, known.path) == (e.loose, e.code, e.path) and known.scope not in present:
                left[known] -= 1
                out[i] = False
                break
    return out


def new_findings(findings: list[Finding], recorded: Recorded, sources: SourceSet) -> list[Finding]:
    """The findings not in the baseline."""
    return [f for f, new in zip(findings, unmatched(findings, recorded, sources)) if new]
