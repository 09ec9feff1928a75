"""``--add-noqa``: write ``# noqa: LGxxx`` on the lines of current findings.

Each comment goes on the finding's first line, or its last when the first one ends inside a
multi-line string or a backslash continuation. An existing ``# noqa: CODES`` comment on that
line gets the new codes merged in. Every other byte of the file stays as it was, line endings
included. Notebooks are left alone (their cells live inside JSON).
"""

from __future__ import annotations

import io
import re
import tokenize
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lossguard.static.finding import Finding

_NOQA = re.compile(r"#\s*noqa(?P<colon>:\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*))?", re.IGNORECASE)


@dataclass
class NoqaResult:
    added: int = 0  # codes written
    files: int = 0  # files changed
    skipped: list[str] = field(default_factory=list)  # "path:line: why" where no comment could be written


def add_noqa(findings: list[Finding], paths: dict[str, Path]) -> NoqaResult:
    """Add noqa comments for ``findings`` (display path -> file on disk in ``paths``)."""
    result = NoqaResult()
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_file[f.path].append(f)
    for display, group in sorted(by_file.items()):
        path = paths.get(display, Path(display))
        if path.suffix == ".ipynb":
            result.skipped.extend(f"{display}: cell {f.cell}:{f.line}: notebooks are not edited by --add-noqa" for f in group)
            continue
        data = path.read_bytes()
        text = data.decode("utf-8")
        lines = text.splitlines(keepends=True)
        unsafe = _unsafe_lines(text)
        wanted: dict[int, set[str]] = defaultdict(set)
        for f in group:
            target = next((n for n in (f.line, f.end_line) if n not in unsafe and 1 <= n <= len(lines)), None)
            if target is None:
                result.skipped.append(f"{display}:{f.line}: the line ends inside a string or continuation")
                continue
            wanted[target].add(f.code)
        changed = 0
        for lineno, codes in wanted.items():
            new_line, n = _merge(lines[lineno - 1], codes)
            if n:
                lines[lineno - 1] = new_line
                changed += n
        if changed:
            path.write_bytes("".join(lines).encode("utf-8"))
            result.added += changed
            result.files += 1
    return result


def _merge(line: str, codes: set[str]) -> tuple[str, int]:
    body = line.rstrip("\r\n")
    ending = line[len(body):]
    m = _noqa_comment(body)
    if m is not None and m.group("codes") is None:
        return line, 0  # a bare noqa comment already silences every code
    if m is not None:
        present = [c.strip() for c in m.group("codes").split(",")]
        new = sorted(c for c in codes if c.upper() not in {p.upper() for p in present})
        if not new:
            return line, 0
        merged = f"# noqa: {', '.join(present + new)}"
        return body[: m.start()] + merged + body[m.end():] + ending, len(new)
    new = sorted(codes)
    stripped = body.rstrip()
    return f"{stripped}  # noqa: {', '.join(new)}{body[len(stripped):]}{ending}", len(new)


def _noqa_comment(body: str) -> re.Match[str] | None:
    """The noqa comment of a line, if it has one outside strings."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(body + "\n").readline))
    except (tokenize.TokenError, SyntaxError):
        tokens = []
    for tok in tokens:
        if tok.type == tokenize.COMMENT:
            m = _NOQA.search(tok.string)
            if m:
                offset = tok.start[1]
                return _NOQA.search(body, offset + m.start())
    return None


def _unsafe_lines(text: str) -> set[int]:
    """Lines whose end lies inside a multi-line string or ends with a backslash continuation."""
    unsafe: set[int] = set()
    physical = text.splitlines()
    for i, line in enumerate(physical, start=1):
        if line.endswith("\\"):
            unsafe.add(i)
    try:
        starts: list[int] = []
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            name = tokenize.tok_name[tok.type]
            if name == "FSTRING_START":
                starts.append(tok.start[0])
            elif name == "FSTRING_END" and starts:
                unsafe.update(range(starts.pop(), tok.end[0]))
            elif tok.type == tokenize.STRING and tok.end[0] > tok.start[0]:
                unsafe.update(range(tok.start[0], tok.end[0]))
    except (tokenize.TokenError, SyntaxError):
        pass
    return unsafe
