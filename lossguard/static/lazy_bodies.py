"""Function bodies of imported modules, parsed on first use.

A module that a checked file imports is interpreted at its top level (its classes, functions and
globals), but only the few functions the analysis calls are ever entered: on the torch package,
93% of the syntax-tree nodes of imported modules lie in function bodies that are never read, and
those trees are most of a large run's memory (docs/performance.md, "Scale"). So the body of each
function of an imported module is parsed only when something reads it: ``defer_bodies`` replaces
every such ``body`` list with a :class:`LazyBody`, a ``list`` that fills itself from the module's
text on first access. The function node itself, its arguments, decorators and positions stay, so
node identity (memo keys, ``covered``) and positions are the same as with an eager parse, and a
body is parsed at most once.

Filling a body re-parses only the function's own lines: the text before them is replaced by blank
lines (and an ``if 1:`` for an indented function), so line numbers and columns come out as in the
whole file. When that does not give back the same function, the whole module is parsed again and
the function is looked up by position.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from lossguard.static.sources import gc_paused, line_offsets, parse, parse_quietly

_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)
MIN_LINES = 3  # a function spanning fewer lines is kept as parsed: re-parsing it would cost more than it saves


class _Text:
    """A module's text and (on first need) where each of its lines starts."""

    __slots__ = ("source", "_offsets")

    def __init__(self, source: str) -> None:
        self.source = source
        self._offsets: list[int] | None = None

    def offsets(self) -> list[int]:
        if self._offsets is None:
            self._offsets = line_offsets(self.source)
        return self._offsets


def defer_bodies(tree: ast.Module, source: str) -> int:
    """Make the body of every function of ``tree`` that is not inside another function (module
    level, in classes, under ``if``/``try``/...) a :class:`LazyBody`; returns how many."""
    text = _Text(source)
    count = 0
    stack: list[list[Any]] = [tree.body]
    while stack:
        for stmt in stack.pop():
            if isinstance(stmt, _DEFS):
                end = getattr(stmt, "end_lineno", None)
                if end is not None and end - stmt.lineno + 1 >= MIN_LINES and type(stmt.body) is list:
                    stmt.body = LazyBody(text, stmt)
                    count += 1
            elif isinstance(stmt, ast.ClassDef):
                stack.append(stmt.body)
            elif isinstance(stmt, (ast.If, ast.For, ast.AsyncFor, ast.While)):
                stack.extend((stmt.body, stmt.orelse))
            elif isinstance(stmt, (ast.With, ast.AsyncWith)):
                stack.append(stmt.body)
            elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
                stack.extend((stmt.body, stmt.orelse, stmt.finalbody, *(h.body for h in stmt.handlers)))
            elif isinstance(stmt, ast.Match):
                stack.extend(case.body for case in stmt.cases)
    return count


def _segment(text: _Text, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    """The lines of the module's text that ``fn`` spans."""
    offsets = text.offsets()
    last = fn.end_lineno or fn.lineno
    end = offsets[last] if last < len(offsets) else len(text.source)
    return text.source[offsets[fn.lineno - 1] : end]


def _parse_body(text: _Text, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    """The statements of ``fn``'s body, parsed from its own lines, with the whole file's positions."""
    first = fn.lineno
    segment = _segment(text, fn)
    new: ast.AST | None
    try:
        with gc_paused():
            if fn.col_offset:
                tree = parse_quietly("\n" * (first - 2) + "if 1:\n" + segment)
                block = tree.body[0]
                new = block.body[0] if isinstance(block, ast.If) and len(tree.body) == 1 and len(block.body) == 1 else None
            else:
                tree = parse_quietly("\n" * (first - 1) + segment)
                new = tree.body[0] if len(tree.body) == 1 else None
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        new = None  # e.g. code for Python 3.6 (``async`` as a name), which only the whole-file parse reads
    if not _same(new, fn):
        new = _find(parse(text.source), fn)
    assert isinstance(new, _DEFS)  # the module parsed once already: the function is in it
    return new.body


def _same(new: ast.AST | None, fn: ast.AST) -> bool:
    return (
        new is not None
        and type(new) is type(fn)
        and (new.lineno, new.col_offset, new.end_lineno, new.end_col_offset, new.name)  # type: ignore[attr-defined]
        == (fn.lineno, fn.col_offset, fn.end_lineno, fn.end_col_offset, fn.name)  # type: ignore[attr-defined]
    )


def _find(tree: ast.Module, fn: ast.AST) -> ast.AST | None:
    for node in ast.walk(tree):
        if _same(node, fn):
            return node
    return None


class LazyBody(list):  # type: ignore[type-arg]
    """A function's body that parses itself on first access (see the module's docstring)."""

    __slots__ = ("_text", "_fn")

    def __init__(self, text: _Text, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        super().__init__()
        self._text: _Text | None = text
        self._fn: Any = fn

    def _fill(self) -> None:
        if self._text is not None:
            body = _parse_body(self._text, self._fn)
            self._text = self._fn = None
            list.extend(self, body)

    @property
    def loaded(self) -> bool:
        return self._text is None

    def may_hold(self, word: re.Pattern[str]) -> bool:
        """Whether the body may hold what ``word`` finds: false only when it is not parsed yet and its
        function's text has no match (a cheap look before a walk that would parse it)."""
        return self._text is None or word.search(_segment(self._text, self._fn)) is not None

    def __bool__(self) -> bool:
        self._fill()
        return list.__len__(self) > 0

    __hash__ = None  # type: ignore[assignment]

    def __reduce_ex__(self, protocol: Any) -> Any:
        self._fill()
        return (list, (list(list.__iter__(self)),))


def _filling(name: str) -> Any:
    base = getattr(list, name)

    def method(self: LazyBody, *args: Any) -> Any:
        self._fill()
        return base(self, *args)

    method.__name__ = method.__qualname__ = name
    return method


# every way to read or change the list fills it first (setting a special method on the class
# updates its C slot, so len(), iteration, indexing and comparisons all come through here)
for _name in (
    "__iter__", "__reversed__", "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__",
    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__iadd__", "__mul__", "__imul__",
    "__rmul__", "__repr__", "__sizeof__", "append", "extend", "insert", "pop", "remove", "clear", "index",
    "count", "copy", "sort", "reverse",
):  # fmt: skip
    setattr(LazyBody, _name, _filling(_name))
