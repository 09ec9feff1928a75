"""Reading training code written for Python 2.

Repositories from torch 0.1-0.4 (2017-2019) often ran under Python 2.7: ``print x``, ``except E, e:``,
``raise E, "why"``, ``0777``, ``10L``, parenthesized parameters (``def f(self, (a, b)):``) and indentation
that mixes tabs and spaces (a tab moved to the next multiple of 8 columns). Python 3's parser refuses the
whole file for one such line, so without this its losses would go unchecked.

:func:`as_python3` rewrites those statements, in place, into Python 3 text that means the same to the
analysis (a print is a call with no effect on any value the rules follow). Every line keeps its number,
and code keeps its column up to the rewritten spot (columns after expanded tabs are given back as written),
so findings point into the file as written. It only
runs after Python's parser has refused the text, and gives up (None) when an error is not one it knows:
the caller then reports the original syntax error.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Callable

#: how many syntax errors one file may need mended before it is given up on
MAX_MENDS = 100

#: the first parse's messages that mark Python 2 code; anything else is not tried
PYTHON2_MESSAGES = (
    "Missing parentheses in call to 'print'",
    "Missing parentheses in call to 'exec'",
    "multiple exception types must be parenthesized",
    "parameters cannot be parenthesized",
    "leading zeros in decimal integer literals",
    "invalid decimal literal",
    "invalid syntax",
    "inconsistent use of tabs and spaces in indentation",
    "unindent does not match any outer indentation level",
)

#: Python 2 read a tab in indentation as a move to the next multiple of 8 columns; Python 3 refuses a mix
_TAB_MESSAGES = PYTHON2_MESSAGES[-2:]

# the tokens a statement follows (comments and blank lines are passed over; generate_tokens makes no ENCODING token)
_STATEMENT_STARTS = frozenset({tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT})


def looks_like_python2(message: str) -> bool:
    return any(part in message for part in PYTHON2_MESSAGES)


def as_python3(source: str, parse: Callable[[str], ast.Module]) -> ast.Module | None:
    """The tree of ``source`` read as Python 2, or None when it still does not parse."""
    text = _print_statements_as_calls(source)
    shifts: dict[int, tuple[int, int]] | None = None
    for _ in range(MAX_MENDS):
        try:
            tree = parse(text)
        except SyntaxError as err:
            if shifts is None and any(part in err.msg for part in _TAB_MESSAGES):
                expanded, shifts = _tabs_expanded(source)
                text = _print_statements_as_calls(expanded)
                continue
            mended = _mend_line(text, err)
            if mended is None or mended == text:
                return None
            text = mended
        else:
            if shifts:
                _columns_as_written(tree, shifts)
            return tree
    return None


def _tabs_expanded(source: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """``source`` with the tabs of each line's indentation expanded as Python 2 read them, and for each line
    changed, the width of its new indentation and how many columns it gained."""
    lines = source.splitlines(keepends=True)
    shifts: dict[int, tuple[int, int]] = {}
    for number, line in enumerate(lines, 1):
        body = line.lstrip(" \t")
        indent = line[: len(line) - len(body)]
        if "\t" in indent:
            wide = indent.expandtabs(8)
            lines[number - 1] = wide + body
            shifts[number] = (len(wide), len(wide) - len(indent))
    return "".join(lines), shifts


def _columns_as_written(tree: ast.Module, shifts: dict[int, tuple[int, int]]) -> None:
    """Put back the columns of the file as written on the lines whose indentation was expanded."""
    for node in ast.walk(tree):
        for line_attr, col_attr in (("lineno", "col_offset"), ("end_lineno", "end_col_offset")):
            line, col = getattr(node, line_attr, None), getattr(node, col_attr, None)
            if line in shifts and col is not None and col >= shifts[line][0]:
                setattr(node, col_attr, col - shifts[line][1])


def _print_statements_as_calls(source: str) -> str:
    """``print x, y`` -> ``print(x, y)``; ``print >>f, x`` -> ``print(  f, x)``; ``exec code`` likewise;
    then ``except E, e:`` -> ``except E as e:`` on every line."""
    lines = source.splitlines(keepends=True)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        tokens = []
    edits: list[tuple[int, int, int, str]] = []  # (row, col, length replaced, new text)
    previous, previous_text, depth = tokenize.NEWLINE, "", 0
    for i, tok in enumerate(tokens):
        starts = depth == 0 and (previous in _STATEMENT_STARTS or (previous == tokenize.OP and previous_text in (";", ":")))
        if starts and tok.type == tokenize.NAME and tok.string in ("print", "exec") and i + 1 < len(tokens):
            edits.extend(_as_call(tokens, i))
        if tok.type == tokenize.OP and tok.string in "([{":
            depth += 1
        elif tok.type == tokenize.OP and tok.string in ")]}":
            depth = max(depth - 1, 0)
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            previous, previous_text = tok.type, tok.string
    for row, col, length, new in sorted(edits, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + new + line[col + length :]
    return "".join(_EXCEPT_COMMA.sub(r"\1 as \2:", line) for line in lines)


def _as_call(tokens: list[tokenize.TokenInfo], i: int) -> list[tuple[int, int, int, str]]:
    """The edits that make the statement starting at ``tokens[i]`` (``print``/``exec``) a call; none when
    it is one already (``print(x)``) or the name is used otherwise (``print = log``)."""
    keyword, first = tokens[i], tokens[i + 1]
    row, col = keyword.end
    bare = first.type in (tokenize.NEWLINE, tokenize.ENDMARKER, tokenize.COMMENT) or (first.type == tokenize.OP and first.string == ";")
    if bare:
        return [(row, col, 0, "()")] if keyword.string == "print" else []
    if first.type == tokenize.OP and first.string not in (">>", "-", "+", "~", "`", "[", "{"):
        return []
    end = _statement_end(tokens, i + 1)
    if end is None or first.start[0] != row:
        return []
    gap = first.start[1] - col
    if first.type == tokenize.OP and first.string == ">>":  # print >>stream, value: the stream is printed too
        opening = (row, col, gap + 2, "(" + " " * (gap + 1))
    elif gap:
        opening = (row, col, 1, "(")
    else:
        return []
    return [opening, (end[0], end[1], 0, ")")]


def _statement_end(tokens: list[tokenize.TokenInfo], i: int) -> tuple[int, int] | None:
    """Where the simple statement whose words start at ``tokens[i]`` ends (its last token's end)."""
    depth = 0
    last = tokens[i - 1].end
    for tok in tokens[i:]:
        if tok.type == tokenize.OP and tok.string in "([{":
            depth += 1
        elif tok.type == tokenize.OP and tok.string in ")]}":
            depth -= 1
        elif depth <= 0 and (tok.type in (tokenize.NEWLINE, tokenize.ENDMARKER) or (tok.type == tokenize.OP and tok.string == ";")):
            return last
        if tok.type not in (tokenize.NL, tokenize.COMMENT):
            last = tok.end
    return None


_EXCEPT_COMMA = re.compile(r"^(\s*except\s*\(?[\w.\s,]*?\)?)\s*,\s*(\w+)\s*:")
_RAISE_COMMA = re.compile(r"^(\s*raise\s+[\w.]+)\s*,\s*(.+?)\s*(#.*)?$")
_OCTAL = re.compile(r"(?<![\w.])0(\d+)(?![\w.])")
_LONG = re.compile(r"(?<![\w.])(\d+)[lL](?!\w)")
_BACKTICKS = re.compile(r"`([^`\n]*)`")


def _mend_line(text: str, err: SyntaxError) -> str | None:
    """``text`` with the Python 2 construct at ``err``'s line rewritten, or None."""
    if err.lineno is None:
        return None
    lines = text.splitlines(keepends=True)
    index = err.lineno - 1
    if not 0 <= index < len(lines):
        return None
    line = lines[index]
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    message = err.msg
    new = None
    if "parameters cannot be parenthesized" in message and err.offset:
        new = _unpack_parameter(body, err.offset - 1, lines, index)
    elif "exception types must be parenthesized" in message or _EXCEPT_COMMA.match(body):
        new = _EXCEPT_COMMA.sub(r"\1 as \2:", body, count=1)
    if new is None or new == body:
        candidates = (
            (_RAISE_COMMA, lambda m: f"{m.group(1)}({m.group(2)}){(' ' + m.group(3)) if m.group(3) else ''}"),
            (_LONG, lambda m: m.group(1) + " "),
            (_OCTAL, lambda m: "0o" + m.group(1)),
            (_BACKTICKS, lambda m: f"repr({m.group(1)})"),
        )
        for pattern, repl in candidates:
            new = pattern.sub(repl, body)
            if new != body:
                break
        else:
            new = body.replace("<>", "!=") if "<>" in body else None
    if new is None or new == body:
        return None
    lines[index] = new + ending
    return "".join(lines)


def _unpack_parameter(body: str, start: int, lines: list[str], index: int) -> str | None:
    """``def f(self, (a, b)):`` -> ``def f(self, _p1___):``: a tuple parameter becomes one name of the same
    width (the names inside it are then unknown to the analysis, as they would be to a reader)."""
    if start >= len(body) or body[start] != "(":
        return None
    depth = 0
    for end in range(start, len(body)):
        depth += {"(": 1, ")": -1}.get(body[end], 0)
        if depth == 0:
            break
    else:
        return None
    width = end + 1 - start
    taken = "".join(lines)
    for n in range(1, 1000):
        name = f"_p{n}"
        if name not in taken:
            break
    return body[:start] + name.ljust(width, "_") + body[end + 1 :]
