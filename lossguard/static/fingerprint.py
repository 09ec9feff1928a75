"""Stable identities for findings: the same problem keeps its identity when lines move.

An identity is the rule code, the file's root-relative path and the flagged source text with
whitespace collapsed, never a line number. Two identical findings in one file are told apart
by their order (occurrence 0, 1, ...).
"""

from __future__ import annotations

import hashlib
from collections import Counter

from lossguard.static.finding import Finding
from lossguard.static.sources import SourceSet


def content_hash(code: str, path: str, text: str) -> str:
    # surrogateescape: a file name that is not valid UTF-8 hashes as its bytes
    return hashlib.sha256(f"{code}\0{path}\0{text}".encode("utf-8", "surrogateescape")).hexdigest()[:32]


def fingerprints(findings: list[Finding], sources: SourceSet) -> list[str]:
    """``<hash>:<occurrence>`` for each finding, in the order given."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        h = content_hash(f.code, sources.relative(f.path), sources.flagged_text(f))
        out.append(f"{h}:{seen[h]}")
        seen[h] += 1
    return out
