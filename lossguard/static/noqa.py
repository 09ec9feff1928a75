"""Suppression comments: the one place that reads them, and ``--add-noqa``, which writes them.

Comments are read from Python's tokens, never from the raw text, so a ``# noqa`` inside a
string literal or a ``skip-file`` inside a docstring does nothing. The grammar:

- ``# noqa`` or ``# lossguard: ignore`` on a finding's first or last line silences every code;
- ``# noqa: LG001, LG006`` or ``# lossguard: ignore[LG001, LG006]`` silences those codes;
- a malformed list (``# noqa: text``, an unclosed ``ignore[LG001``) silences nothing;
- ``# lossguard: skip-file`` on a line of its own skips the whole file.

``--add-noqa`` writes ``# noqa: LGxxx`` on the lines of current findings. Each comment goes on
the finding's first line, or its last when the first one ends inside a multi-line string or a
backslash continuation. An existing ``# noqa: CODES`` comment on that line gets the new codes
merged in. Every other byte of the file stays as it was, line endings included. Notebooks are
left alone (their cells live inside JSON).
"""

from __future__ import annotations

import io
import re
import tokenize
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lossguard.static import sources
from lossguard.static.finding import Finding
from lossguard.static.notebook import NOTEBOOK_SUFFIX

_CODE = r"[A-Za-z]+[0-9]+"
_CODES = rf"{_CODE}(?:\s*,\s*{_CODE})*"
_NOQA = re.compile(rf"#\s*noqa(?P<colon>:\s*(?P<codes>{_CODES}))?", re.IGNORECASE)
_DIRECTIVE = re.compile(r"#\s*(?:(?P<noqa>noqa)|lossguard\s*:\s*(?P<ignore>ignore)|lossguard\s*:\s*(?P<skip>skip-file)\b)", re.IGNORECASE)
_AFTER_NOQA = re.compile(rf"\s*(?P<colon>:)?\s*(?P<codes>{_CODES})?")
_AFTER_IGNORE = re.compile(rf"\[\s*(?P<codes>{_CODES})\s*,?\s*\]")
_ANY = re.compile(r"noqa|lossguard", re.IGNORECASE)
ALL = None  # a suppression of every code


@dataclass
class Suppressions:
    """The suppression comments of one module, by line."""

    by_line: dict[int, list[frozenset[str] | None]] = field(default_factory=dict)  # None: every code
    skip_file: bool = False
    skip_line: int = 0  # the line of the skip-file comment

    def silences(self, line: int, code: str) -> bool:
        for codes in self.by_line.get(line, ()):
            if codes is None or code.upper() in codes:
                return True
        return False

    def silenced_at(self, start: int, end: int, code: str) -> int | None:
        """The line of the comment that silences a finding of ``code`` on lines ``start..end``
        (a skip-file comment, or one on its first or last line), or None."""
        if self.skip_file:
            return self.skip_line
        return next((line for line in (start, end) if self.silences(line, code)), None)


def comments(text: str) -> list[tuple[int, int, str]]:
    """(line, column, text) of every comment, lines counted as Python counts them."""
    table = sources.LineTable(text)
    lines = iter(line + "\n" for line in table.lines)
    found: list[tuple[int, int, str]] = []
    try:
        for tok in tokenize.generate_tokens(lambda: next(lines, "")):
            if tok.type == tokenize.COMMENT:
                found.append((tok.start[0], tok.start[1], tok.string))
    except (tokenize.TokenError, SyntaxError, RecursionError):
        pass  # keep the comments read so far (the file parsed, so this is rare)
    return found


def _parse_directives(comment: str) -> tuple[list[frozenset[str] | None], bool]:
    out: list[frozenset[str] | None] = []
    skip = False
    for m in _DIRECTIVE.finditer(comment):
        rest = comment[m.end() :]
        if m.group("skip"):
            skip = skip or m.start() == 0
        elif m.group("noqa"):
            after = _AFTER_NOQA.match(rest)
            assert after is not None  # every part is optional
            if after.group("colon") is None:
                if rest[:1].isalnum():
                    continue  # a word that only starts with noqa: not a directive
                out.append(ALL)
            elif after.group("codes") is not None:
                out.append(frozenset(c.strip().upper() for c in after.group("codes").split(",")))
            # a colon followed by no code list is malformed and silences nothing
        else:
            stripped = rest.lstrip()
            if stripped.startswith("["):
                closed = _AFTER_IGNORE.match(stripped)
                if closed is not None:
                    out.append(frozenset(c.strip().upper() for c in closed.group("codes").split(",")))
                # `ignore[LG001` or `ignore[text]`: malformed, silences nothing
            elif not rest[:1].isalnum():
                out.append(ALL)
    return out, skip


def suppressions(text: str) -> Suppressions:
    """Read the suppression comments of a module's text."""
    result = Suppressions()
    if _ANY.search(text) is None:
        return result  # no directive anywhere: no need to tokenize
    for line, col, comment in comments(text):
        found, skip = _parse_directives(comment)
        if found:
            result.by_line.setdefault(line, []).extend(found)
        if skip and col == 0 and not result.skip_file:
            result.skip_file, result.skip_line = True, line
    return result


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
        if path.suffix == NOTEBOOK_SUFFIX:
            result.skipped.extend(f"{display}: cell {f.cell}:{f.line}: notebooks are not edited by --add-noqa" for f in group)
            continue
        data = path.read_bytes()
        try:
            text = sources.decode(data)
        except sources.SourceError as exc:
            result.skipped.extend(f"{display}:{f.line}: {exc}" for f in group)
            continue
        lines = sources.LineTable(text).keepends()
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
            path.write_bytes(sources.encode_like("".join(lines), data))
            result.added += changed
            result.files += 1
    return result


def _merge(line: str, codes: set[str]) -> tuple[str, int]:
    body = line.rstrip("\r\n")  # the line's own ending (see sources.LineTable.keepends)
    ending = line[len(body) :]
    m = _noqa_comment(body)
    if m is not None and m.group("codes") is None:
        return line, 0  # a bare noqa comment already silences every code
    if m is not None:
        present = [c.strip() for c in m.group("codes").split(",")]
        new = sorted(c for c in codes if c.upper() not in {p.upper() for p in present})
        if not new:
            return line, 0
        merged = f"# noqa: {', '.join(present + new)}"
        return body[: m.start()] + merged + body[m.end() :] + ending, len(new)
    new = sorted(codes)
    stripped = body.rstrip()
    return f"{stripped}  # noqa: {', '.join(new)}{body[len(stripped) :]}{ending}", len(new)


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
    physical = sources.split_lines(text)
    for i, line in enumerate(physical, start=1):
        if line.endswith("\\"):
            unsafe.add(i)
    try:
        starts: list[int] = []
        lines = iter(line + "\n" for line in physical)
        for tok in tokenize.generate_tokens(lambda: next(lines, "")):
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
