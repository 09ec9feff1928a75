"""Automatic fixes: text edits that rules attach to their findings, and applying them.

A rule describes a fix with :class:`Fix` (edits on libcst nodes); the engine turns the nodes
into character offsets once positions are known. Edits are applied from the end of the file
backwards; a fix that overlaps one already applied waits for the next pass, and passes repeat
until nothing changes, so running ``--fix`` twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Literal

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

import libcst as cst

Applicability = Literal["safe", "unsafe"]


@dataclass(frozen=True)
class Edit:
    """Replace ``node``'s source text with ``text`` (``node`` is None for an insertion after ``after``)."""

    node: cst.CSTNode
    text: str
    insert_after: bool = False  # insert ``text`` right after the node instead of replacing it


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = "safe"


@dataclass(frozen=True)
class TextEdit:
    """An edit on the file's text: replace [start, end) (character offsets) with ``text``."""

    start: int
    end: int
    text: str
    start_line: int
    start_col: int
    end_line: int
    end_col: int


@dataclass(frozen=True)
class ResolvedFix:
    title: str
    applicability: Applicability
    edits: tuple[TextEdit, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "applicability": self.applicability,
            "edits": [
                {"content": e.text, "location": {"line": e.start_line, "col": e.start_col}, "end_location": {"line": e.end_line, "col": e.end_col}}
                for e in self.edits
            ],
        }


def line_offsets(source: str) -> list[int]:
    """Offset of the first character of each line (1-based lines map to index line-1)."""
    offsets = [0]
    for i, ch in enumerate(source):
        if ch == "\n":
            offsets.append(i + 1)
    return offsets


def apply(source: str, fixes: list[ResolvedFix]) -> tuple[str, int]:
    """Apply non-overlapping fixes; return the new text and how many fixes were applied."""
    chosen: list[ResolvedFix] = []
    taken: list[tuple[int, int]] = []
    for fx in sorted(fixes, key=lambda f: min(e.start for e in f.edits)):
        spans = [(e.start, e.end) for e in fx.edits]
        if any(s < te and ts < e or (s == e == ts) for s, e in spans for ts, te in taken):
            continue
        chosen.append(fx)
        taken.extend(spans)
    edits = sorted((e for fx in chosen for e in fx.edits), key=lambda e: (e.start, e.end), reverse=True)
    out = source
    for e in edits:
        out = out[: e.start] + e.text + out[e.end :]
    return out, len(chosen)


# ---------------------------------------------------------------- helpers for rules

_ATOMS = (cst.Name, cst.Attribute, cst.Call, cst.Subscript)


def with_method(module: cst.Module, node: cst.BaseExpression, method: str) -> str:
    """Source for ``node.<method>()``, parenthesised when needed."""
    text = module.code_for_node(node)
    if isinstance(node, _ATOMS) and not node.lpar:
        return f"{text}.{method}()"
    return f"({text}).{method}()"


def call_with_keyword(
    module: cst.Module, call: cst.Call, keyword: str, value: str, remove: tuple[str, ...] = ()
) -> str:
    """Source for ``call`` with ``keyword=value`` set (replacing or appending) and ``remove`` dropped."""
    new_value = cst.parse_expression(value)
    args = [a for a in call.args if not (a.keyword is not None and a.keyword.value in remove)]
    replaced = False
    for i, a in enumerate(args):
        if a.keyword is not None and a.keyword.value == keyword:
            args[i] = a.with_changes(value=new_value)
            replaced = True
    if not replaced:
        args.append(
            cst.Arg(
                value=new_value,
                keyword=cst.Name(keyword),
                equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
            )
        )
    fixed: list[cst.Arg] = []
    for i, a in enumerate(args):
        last = i == len(args) - 1
        if not last and not isinstance(a.comma, cst.Comma):
            a = a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        elif last and isinstance(a.comma, cst.Comma) and not isinstance(call.args[-1].comma, cst.Comma):
            a = a.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        fixed.append(a)
    return module.code_for_node(call.with_changes(args=fixed))


# ---------------------------------------------------------------- fixing files


@dataclass(frozen=True)
class FileFix:
    path: "Path"
    original: str
    fixed: str
    applied: int  # how many fixes were applied over all passes


def fix_files(
    files: "list[Path]",
    select: "set[str] | None" = None,
    unsafe: bool = False,
    per_file_ignores: "Callable[[Path], set[str]] | None" = None,
    max_passes: int = 10,
    virtual: "dict[Path, str] | None" = None,
) -> list[FileFix]:
    """Compute the fixed text of every file (nothing is written): repeat check-and-apply until stable.

    Files that cannot be read or parsed are left out (``check_files`` reports them).
    ``virtual`` gives the text to fix for files that are not Python source (notebooks)."""
    from pathlib import Path

    from lossguard.static.engine import check_files

    sources: dict[Path, str] = {}
    for f in files:
        if virtual is not None and Path(f) in virtual:
            sources[Path(f)] = virtual[Path(f)]
            continue
        try:
            sources[Path(f)] = Path(f).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    originals = dict(sources)
    applied = {p: 0 for p in sources}
    allowed = {"safe", "unsafe"} if unsafe else {"safe"}
    for _ in range(max_passes):
        result = check_files(
            list(sources),
            select=select,
            display=str,
            sources=sources,
            per_file_ignores=per_file_ignores or (lambda p: set()),
        )
        by_path: dict[Path, list[ResolvedFix]] = {}
        for finding in result.findings:
            if finding.autofix is not None and finding.autofix.applicability in allowed:
                by_path.setdefault(Path(finding.path), []).append(finding.autofix)
        changed = False
        for path, fixes in by_path.items():
            new, n = apply(sources[path], fixes)
            if n and new != sources[path]:
                try:
                    cst.parse_module(new)
                except cst.ParserSyntaxError:
                    continue  # never write a file that no longer parses
                sources[path] = new
                applied[path] += n
                changed = True
        if not changed:
            break
    return [FileFix(p, originals[p], sources[p], applied[p]) for p in sources if sources[p] != originals[p]]
