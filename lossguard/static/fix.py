"""Automatic fixes: text edits that rules attach to their findings, and applying them.

This module holds the fix types and the libcst rendering; the driver that runs the engine
pass after pass is lossguard.static.fixer (so this module never imports the engine).

A rule describes a fix with :class:`Fix` (edits on ast nodes, or on a :class:`Span`); the
engine turns the nodes into character offsets once positions are known. An edit's text may be
a function, called only when the fix's edits are needed (``--fix``, ``--diff``, machine
formats): rewriting a call keeps its formatting through libcst, which the plain check never
imports. Edits are applied from the end of the file backwards; a fix that overlaps one already
applied waits for the next pass, and passes repeat until nothing changes, so running ``--fix``
twice changes nothing the second time.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo

Applicability = Literal["safe", "unsafe"]


@dataclass(frozen=True)
class Span:
    """A stretch of source in ast's terms (1-based lines, UTF-8 byte columns)."""

    lineno: int
    col_offset: int
    end_lineno: int
    end_col_offset: int


def attr_name(node: ast.Attribute) -> Span:
    """The span of the attribute name in ``value.name``."""
    end = node.end_col_offset or 0
    return Span(node.end_lineno or node.lineno, end - len(node.attr.encode("utf-8")), node.end_lineno or node.lineno, end)


@dataclass(frozen=True)
class Edit:
    """Replace ``node``'s source text with ``text`` (or insert it right after the node)."""

    node: Any  # an ast node or a Span
    text: str | Callable[[], str]
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


class ResolvedFix:
    """A fix located in its file; its edits are computed on first use."""

    __slots__ = ("title", "applicability", "_edits", "_make")

    def __init__(self, title: str, applicability: Applicability, make: Callable[[], tuple[TextEdit, ...] | None]) -> None:
        self.title = title
        self.applicability = applicability
        self._make = make
        self._edits: tuple[TextEdit, ...] | None = None

    @property
    def edits(self) -> tuple[TextEdit, ...]:
        if self._edits is None:
            self._edits = self._make() or ()
        return self._edits

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "applicability": self.applicability,
            "edits": [
                {"content": e.text, "location": {"line": e.start_line, "col": e.start_col}, "end_location": {"line": e.end_line, "col": e.end_col}}
                for e in self.edits
            ],
        }


def apply(source: str, fixes: list[ResolvedFix]) -> tuple[str, int]:
    """Apply non-overlapping fixes; return the new text and how many fixes were applied."""
    chosen: list[ResolvedFix] = []
    taken: list[tuple[int, int]] = []
    for fx in sorted((f for f in fixes if f.edits), key=lambda f: min(e.start for e in f.edits)):
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

_ATOMS = (ast.Name, ast.Attribute, ast.Call, ast.Subscript)


def with_method(module: ModuleInfo, node: ast.expr, method: str) -> str:
    """Source for ``node.<method>()``, parenthesised when needed."""
    text = module.segment(node)
    if isinstance(node, _ATOMS):
        return f"{text}.{method}()"
    return f"({text}).{method}()"


def call_with_keyword(module: ModuleInfo, call: ast.Call, keyword: str, value: str, remove: tuple[str, ...] = ()) -> Callable[[], str]:
    """Source for ``call`` with ``keyword=value`` set (replacing or appending) and ``remove`` dropped,
    rewritten with libcst so the call keeps its layout and comments. Computed when first needed."""
    source = module.segment(call)
    return lambda: _rewrite_call(source, keyword, value, remove)


def _rewrite_call(source: str, keyword: str, value: str, remove: tuple[str, ...]) -> str:
    """The call with ``keyword=value`` set and ``remove`` dropped. A comment attached to a removed
    argument moves to the new one; if any comment of the call would still be lost, the rewrite is
    refused (ValueError: the finding stays, without a fix)."""
    import libcst as cst

    call = cst.parse_expression(source)
    if not isinstance(call, cst.Call):
        return source
    new_value = cst.parse_expression(value)
    removed = [a for a in call.args if a.keyword is not None and a.keyword.value in remove]
    carried = [c for a in removed for c in _arg_comments(a)]
    args = [a for a in call.args if not (a.keyword is not None and a.keyword.value in remove)]
    replaced = False
    for i, a in enumerate(args):
        if a.keyword is not None and a.keyword.value == keyword:
            args[i] = a.with_changes(value=new_value)
            replaced = True
    if not replaced:
        new_arg = cst.Arg(
            value=new_value,
            keyword=cst.Name(keyword),
            equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
        )
        if removed and carried:  # take the place (and the layout) of the first removed argument
            first, last_removed = removed[0], removed[-1]
            at = sum(1 for a in call.args[: call.args.index(first)] if a not in removed)
            new_arg = new_arg.with_changes(comma=last_removed.comma, whitespace_after_arg=last_removed.whitespace_after_arg)
            new_arg = _with_comment(new_arg, "  ".join(carried))
            args.insert(at, new_arg)
        else:
            args.append(new_arg)
    fixed: list[cst.Arg] = []
    for i, a in enumerate(args):
        last = i == len(args) - 1
        if not last and not isinstance(a.comma, cst.Comma):
            a = a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        elif last and isinstance(a.comma, cst.Comma) and not isinstance(call.args[-1].comma, cst.Comma):
            if _arg_comments(a):  # the comment after the comma stays, after the argument
                a = a.with_changes(whitespace_after_arg=a.comma.whitespace_after)
            a = a.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        fixed.append(a)
    out = cst.Module([]).code_for_node(call.with_changes(args=fixed))
    before = _comments_of(source)
    if before and any(c not in out for c in before):
        raise ValueError("the rewrite would drop a comment")
    return out


def _comments_of(source: str) -> list[str]:
    import io
    import tokenize

    try:
        return [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError):
        return []


def _arg_comments(arg: Any) -> list[str]:
    import libcst as cst

    out: list[str] = []
    spaces = [arg.whitespace_after_arg]
    if isinstance(arg.comma, cst.Comma):
        spaces += [arg.comma.whitespace_before, arg.comma.whitespace_after]
    for ws in spaces:
        if isinstance(ws, cst.ParenthesizedWhitespace):
            if ws.first_line.comment is not None:
                out.append(ws.first_line.comment.value)
            out.extend(e.comment.value for e in ws.empty_lines if e.comment is not None)
    return out


def _with_comment(arg: Any, comment: str) -> Any:
    """``arg`` with ``comment`` as the comment after it (after its comma when it has one)."""
    import libcst as cst

    def put(ws: Any) -> Any:
        if isinstance(ws, cst.ParenthesizedWhitespace):
            return ws.with_changes(first_line=ws.first_line.with_changes(comment=cst.Comment(comment)), empty_lines=[])
        return None

    if isinstance(arg.comma, cst.Comma):
        ws = put(arg.comma.whitespace_after)
        if ws is not None:
            return arg.with_changes(comma=arg.comma.with_changes(whitespace_after=ws))
    ws = put(arg.whitespace_after_arg)
    if ws is not None:
        return arg.with_changes(whitespace_after_arg=ws)
    return arg


# ---------------------------------------------------------------- fixing files


def fix_files(*args: Any, **kwargs: Any) -> Any:
    """Moved to lossguard.static.fixer (the driver that runs the engine); kept for callers."""
    from lossguard.static.fixer import fix_files as run

    return run(*args, **kwargs)
