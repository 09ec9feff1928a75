"""Source text: the one place that decodes files, splits lines and parses Python.

Every consumer (the analysis, code frames, suppression comments, ``--add-noqa``, ``--fix``,
fingerprints) counts lines with :class:`LineTable`, which breaks lines exactly where Python's
own parser does: at ``\\r\\n``, ``\\r`` and ``\\n``. A form feed or U+2028 inside a line is not
a line break (``str.splitlines`` says it is, which put code frames and noqa comments on the
wrong line). Files are decoded as Python does (PEP 263: a BOM, or a ``coding`` cookie on one of
the first two lines, else UTF-8).

It also maps a finding's display path back to the file on disk and to the text the engine
checked (for a notebook, its virtual module of code cells).
"""

from __future__ import annotations

import ast
import codecs
import gc
import io
import os
import re
import stat
import sys
import tokenize
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from lossguard.static.finding import Finding

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.notebook import Notebook

_BREAK = re.compile(r"\r\n|\r|\n")
# Deeper bracket nesting than this is never handed to libcst's native parser (2,000 levels crash
# the process); Python's own parser stops at 200.
MAX_NATIVE_DEPTH = 150
# A checked file larger than this is not read: parsing and analysing a 4.75 MB module of torch
# calls took 1.25 GB (a 50 MB one: about 13 GB, enough to get a CI job killed and every other
# file's findings lost). It is reported as not checked (exit 2).
MAX_CHECKED_BYTES = 10_000_000
# Recursion allowed while parsing, analysing and rendering (Python's default, 1,000, is too low
# for a 3,000-deep attribute chain that ast accepts). Every use catches RecursionError.
RECURSION_LIMIT = 20_000


class SourceError(ValueError):
    """A file whose text cannot be read or decoded; the message says why."""


class LineTable:
    """The lines of a text as Python's parser counts them, with their endings and offsets."""

    __slots__ = ("text", "lines", "endings", "offsets")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.endings: list[str] = []
        self.offsets: list[int] = []  # character offset of the start of each line
        pos = 0
        for m in _BREAK.finditer(text):
            self.offsets.append(pos)
            self.lines.append(text[pos : m.start()])
            self.endings.append(m.group())
            pos = m.end()
        self.offsets.append(pos)
        self.lines.append(text[pos:])  # the text after the last break ("" when it ends with one)
        self.endings.append("")

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, lineno: int) -> str:
        """Line ``lineno`` (1-based) without its ending; "" past the end."""
        return self.lines[lineno - 1] if 1 <= lineno <= len(self.lines) else ""

    def offset(self, lineno: int, column: int) -> int:
        """The character offset of (1-based line, 0-based character column)."""
        return self.offsets[min(max(lineno, 1), len(self.offsets)) - 1] + column

    def keepends(self) -> list[str]:
        """The lines with their endings, as ``str.splitlines(keepends=True)`` would give for ``\\n``."""
        out = [line + end for line, end in zip(self.lines, self.endings)]
        if out and out[-1] == "":
            out.pop()
        return out

    def newline(self, lineno: int = 1) -> str:
        """The line ending used at ``lineno`` (or the file's first one; "\\n" when it has none)."""
        for end in (self.endings[lineno - 1] if 1 <= lineno <= len(self.endings) else "", *self.endings):
            if end:
                return end
        return "\n"


def as_python_reads(text: str) -> str:
    """``text`` with its identifiers as Python reads them: in their NFKC form (PEP 3131), as the
    parse the analysis uses has them (``nn.CrossEntropyＬoss()`` with a fullwidth ``Ｌ`` is
    CrossEntropyLoss, ``from ｍodel import Net`` imports ``model``). For the text searches that
    decide what to analyse (lossguard.static.prefilter, lossguard.static.files.importers)."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


_CONTINUATION = re.compile(r"\\[ \t]*\n")
_SPACE = re.compile(r"\s+")
_SPACE_BY_PUNCTUATION = re.compile(r" (?=\W)|(?<=\W) ")
_TRAILING_COMMA = re.compile(r",(?=[)\]}])")


def code_form(text: str) -> str:
    """Lines of code with what formatters change removed: whitespace, except one space between
    two words (``not x``, ``x if y else z``), a backslash that continues a line, and a comma
    before a closing bracket. ``criterion(\\n    model(x),\\n    y,\\n)`` and
    ``criterion(model(x), y)`` read the same. (Inside a string literal spaces are removed too:
    this names code, it does not run it.)"""
    text = _SPACE.sub(" ", _CONTINUATION.sub(" ", text)).strip()
    return _TRAILING_COMMA.sub("", _SPACE_BY_PUNCTUATION.sub("", text))


_ASSIGNMENT = frozenset({"=", "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**="})
_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")


def unwrapped(text: str) -> str:
    """``text`` (whole statements) without the parentheses that black and ruff format put around a
    right-hand side too long for a line: in each statement, a ``(`` right after its last
    assignment operator outside brackets (``=``, ``+=``, ...) or after a leading ``return``, whose
    ``)`` ends the statement, is blanked. ``loss = (\n    a + b\n)`` and ``loss = a + b`` then
    read the same in :func:`code_form`; ``x = (a) + (b)`` and ``f(a=(b))`` keep theirs (the first
    ``)`` is not the end; the ``=`` is inside brackets). Text that does not tokenize is returned
    as it is."""
    offsets = line_offsets(text)
    blank: list[tokenize.TokenInfo] = []
    statement: list[tokenize.TokenInfo] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING):
                continue
            if tok.type not in (tokenize.NEWLINE, tokenize.ENDMARKER):
                statement.append(tok)
                continue
            blank += _wrapping_parentheses(statement)
            statement = []
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return text
    blank += _wrapping_parentheses(statement)
    chars = list(text)
    for row, col in ((t.start[0], t.start[1]) for t in blank):
        at = offsets[row - 1] + col
        if at < len(chars):
            chars[at] = " "
    return "".join(chars)


def _wrapping_parentheses(statement: list[tokenize.TokenInfo]) -> list[tokenize.TokenInfo]:
    """The ``(`` and ``)`` tokens that wrap the whole right-hand side of ``statement`` (see
    :func:`unwrapped`), or none."""
    depth = 0
    after = 1 if statement and statement[0].string == "return" else -1
    for i, tok in enumerate(statement):
        if tok.type != tokenize.OP:
            continue
        if tok.string in _OPEN:
            depth += 1
        elif tok.string in _CLOSE:
            depth -= 1
        elif depth == 0 and tok.string in _ASSIGNMENT:
            after = i + 1
    if after < 0 or after >= len(statement) or statement[after].string != "(" or statement[-1].string != ")":
        return []
    depth = 0
    for i in range(after, len(statement)):
        tok = statement[i]
        if tok.type == tokenize.OP and tok.string in _OPEN:
            depth += 1
        elif tok.type == tokenize.OP and tok.string in _CLOSE:
            depth -= 1
            if depth == 0:
                return [statement[after], tok] if i == len(statement) - 1 else []
    return []


def logical_lines(lines: list[str]) -> dict[int, tuple[int, int]]:
    """For each line of code (1-based) that belongs to a statement spanning several lines (a
    bracket left open, a backslash, a string over lines), the first and last line of that
    logical line; the lines read before a text that does not tokenize stops the reading."""
    spans: dict[int, tuple[int, int]] = {}
    start: int | None = None
    skip = (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING, tokenize.ENDMARKER)
    try:
        for tok in tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline):
            if tok.type in skip and (start is None or tok.type != tokenize.COMMENT):
                continue
            if start is None:
                start = tok.start[0]
            if tok.type == tokenize.NEWLINE:
                end = tok.start[0]
                if end > start:
                    spans.update({n: (start, end) for n in range(start, end + 1)})
                start = None
    except (tokenize.TokenError, SyntaxError):
        pass
    return spans


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as Python counts them, without endings (the last may be "")."""
    return _BREAK.split(text)


def line_offsets(text: str) -> list[int]:
    """Where each line of ``text`` starts, as :class:`LineTable` counts lines (without building
    the lines themselves)."""
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def split_lines_join(text: str, newline: str) -> str:
    """``text`` with every line break made ``newline``."""
    return newline.join(_BREAK.split(text))


def physical_lines(text: str) -> list[str]:
    """Lines for display: like :func:`split_lines`, without the empty line after a final break."""
    lines = split_lines(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def decode(data: bytes) -> str:
    """Decode a Python file as Python does (PEP 263). Raises SourceError with the reason."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:  # no usable cookie and not UTF-8, or an unknown codec in the cookie
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as utf8:
            if b"coding" not in data[:400]:
                raise SourceError(f"not valid UTF-8 ({utf8.reason} at byte {utf8.start}) and no coding declaration (PEP 263)") from exc
        raise SourceError(f"cannot decode it: {exc.msg if hasattr(exc, 'msg') else exc}") from exc
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig") else encoding
        raise SourceError(f"not valid {name} ({exc.reason} at byte {exc.start})") from exc
    except LookupError as exc:  # pragma: no cover - detect_encoding already checks the name
        raise SourceError(f"unknown encoding {encoding!r}") from exc
    return text[1:] if text.startswith("\ufeff") else text


def encoding_of(data: bytes) -> str:
    """The codec a file's bytes declare (PEP 263); "utf-8" for UTF-8 with or without a BOM."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        return "utf-8"
    return "utf-8" if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig") else encoding


def encode_like(text: str, original: bytes) -> bytes:
    """``text`` encoded as ``original`` was: same codec, and its BOM kept."""
    bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
    return bom + text.encode(encoding_of(original))


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(name: str) -> str:
    """A file name (or a message naming one) as one line of text any stream can write: bytes
    that are not UTF-8 (surrogate escapes) become ``\\xNN`` and control characters are escaped
    (``\\n``, ``\\x1b``): a name with a newline in it must not start a line of its own, which
    GitHub would read as a workflow command (``::error ...``), nor send terminal escapes."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def read(path: Path) -> str:
    """The decoded text of a Python file. Raises SourceError saying why it cannot be read
    (also when it is larger than ``MAX_CHECKED_BYTES``)."""
    return decode(read_bytes(path, MAX_CHECKED_BYTES))


NOT_REGULAR = "not a regular file (a FIFO, a device or a socket); not read"


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``). Raises SourceError saying why
    not: a FIFO would block the run for ever and a device (a link to /dev/zero) never ends, so
    neither is read; the limit holds while reading, not only by the size the file had."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # (opening a FIFO blocks without it)
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as stream:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise SourceError(NOT_REGULAR)
            if limit is not None and info.st_size > limit:
                raise SourceError(f"too large to check ({info.st_size:,} bytes; the limit is {limit:,})")
            data = stream.read() if limit is None else stream.read(limit + 1)
        except OSError as exc:
            raise SourceError(f"cannot read file: {exc.strerror or exc}") from exc
    if limit is not None and len(data) > limit:
        raise SourceError(f"too large to check (more than {limit:,} bytes)")
    return data


def bracket_depth(text: str) -> int:
    """The deepest bracket nesting in ``text``, counted on the raw characters (strings and
    comments included, so it over-counts: a safe bound). Linear."""
    depth = deepest = 0
    for c in text:
        if c in "([{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif c in ")]}" and depth:
            depth -= 1
    return deepest


def parse_quietly(source: str, **options: Any) -> ast.Module:
    """``ast.parse`` with the parser's warnings about the checked code switched off.

    Python warns about code it still accepts (an invalid escape such as ``"x \\in A"`` in a
    docstring: a DeprecationWarning, a SyntaxWarning from 3.12 on, printed by default). Those are
    the checked code's business, not the checker's output; and where warnings are errors
    (``PYTHONWARNINGS=error``, ``-W error`` in a CI job) they made the parse fail, so that the file
    was reported as a syntax error and never checked.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(source, **options)


#: how code copied from a console or a notebook starts a line: Python's and IPython's prompts,
#: IPython's shell escapes and magics (a notebook's cells are read with those; a .py file is not)
_PASTED_STARTS = (
    (">>>", "an interactive prompt `>>>`"),
    ("In [", "an IPython prompt `In [n]:`"),
    ("!", "an IPython shell command `!`"),
    ("%", "an IPython magic `%`"),
)


#: a line git writes around both sides of a merge it could not finish (``<<<<<<< HEAD``, ``=======``,
#: ``>>>>>>> <commit>``); ``>>>>>>>`` also starts like a console prompt
_CONFLICT_MARKER = re.compile(r"^(?:<{7}|>{7})(?: |$)|^={7}$", re.MULTILINE)


def conflict_marker_line(text: str) -> int | None:
    """The line of the first merge conflict marker git left in ``text`` (an unfinished merge), or None."""
    conflict = _CONFLICT_MARKER.search(text)
    return None if conflict is None else text.count("\n", 0, conflict.start()) + 1


def conflict_markers_hint(line: int) -> str:
    return f"the file holds git's merge conflict markers from line {line} on (`<<<<<<<`, `=======`, `>>>>>>>`): resolve the merge to check it"


def pasted_code_hint(source: str, lineno: int) -> str:
    """Why a file does not parse when it holds an unfinished merge, or when the line Python stops
    at starts the way code copied from a console session or a notebook does; empty otherwise."""
    line = conflict_marker_line(source)
    if line is not None:
        return conflict_markers_hint(line)
    lines = source.splitlines()
    text = lines[lineno - 1].lstrip() if 0 < lineno <= len(lines) else ""
    for start, what in _PASTED_STARTS:
        if text.startswith(start) and (start != "In [" or "]:" in text):
            return f"the line starts with {what}: code copied from a console or a notebook; remove the prompts and shell lines to check it"
    return ""


def parse(source: str) -> ast.Module:
    """Parse with Python's own parser. Raises ValueError with a readable reason, never
    RecursionError, and never crashes the process on deep input."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, RECURSION_LIMIT))
    try:
        with gc_paused():
            return parse_quietly(source[1:] if source.startswith("\ufeff") else source)
    except SyntaxError as err:
        old_code = _parse_before_async_keyword(source)
        if old_code is not None:
            return old_code
        from lossguard.static.python2 import as_python3, looks_like_python2  # only for text Python 3 refuses

        if looks_like_python2(err.msg):
            python2 = as_python3(source[1:] if source.startswith("\ufeff") else source, parse_quietly)
            if python2 is not None:
                return python2
        from lossguard.static.pasted import parse_as_pasted  # only for text Python 3 and 2 refuse

        pasted = parse_as_pasted(source[1:] if source.startswith("\ufeff") else source)
        if pasted is not None:
            return pasted
        if err.lineno is None:  # no place to name (a null byte, on Python 3.11)
            raise ValueError(f"cannot parse: {err.msg}") from err
        reason = f"syntax error at line {err.lineno}, column {err.offset or 0}: {err.msg}"
        hint = pasted_code_hint(source, err.lineno)
        if hint:
            reason += f" ({hint})"
        elif "nested" not in err.msg and _valid_for_newer_python(source, err.lineno):
            running = f"{sys.version_info.major}.{sys.version_info.minor}"
            reason += f" (the file uses syntax newer than Python {running}, which runs lossguard; run lossguard under a newer Python to check it)"
        raise ValueError(reason) from err
    except ValueError as err:  # e.g. null bytes
        raise ValueError(f"cannot parse: {err}") from err
    except (RecursionError, MemoryError) as err:
        raise ValueError("the file is nested too deeply to parse") from err
    finally:
        sys.setrecursionlimit(old)


class gc_paused:  # noqa: N801 - used as a context manager, like contextlib's
    """No cyclic garbage collection inside: the parser creates no cycles, but the hundreds of
    thousands of nodes it makes trigger full collections that rescan every tree already held
    (up to 5x the parse itself in a large run; docs/performance.md, "Scale")."""

    __slots__ = ("_enabled",)

    def __enter__(self) -> None:
        self._enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._enabled:
            gc.enable()


def _parse_before_async_keyword(source: str) -> ast.Module | None:
    """Code written for Python 3.6 and torch 0.4 uses ``async`` as a name (``x.cuda(async=True)``,
    a keyword only since 3.7); Python's parser still reads that grammar on request."""
    if not re.search(r"\basync\s*=|\.async\b|\bawait\s*=", source):
        return None
    try:
        return parse_quietly(source[1:] if source.startswith("\ufeff") else source, feature_version=(3, 6))
    except (SyntaxError, ValueError):
        return None


_CONTINUES = re.compile(r"(?:else|elif|except|finally)\b|[)\]}#]|[ \t\f]|$")  # a line at column 0 that does not start a statement
NEWER_SYNTAX_WINDOW = 200_000  # characters of the statement around a syntax error that libcst is asked about


def _statement_around(source: str, lineno: int) -> str | None:
    """The top-level statement holding line ``lineno`` (from the last line at or before it that
    starts one at column 0, to the next), as its own text; None when it is longer than
    ``NEWER_SYNTAX_WINDOW``. A wrong guess (a string spanning lines at column 0) gives a text
    that does not parse alone, and no hint."""
    lines = source.splitlines(keepends=True)
    start = min(lineno, len(lines)) - 1
    while start > 0 and _CONTINUES.match(lines[start]):
        start -= 1
    end = lineno
    while end < len(lines) and _CONTINUES.match(lines[end]):
        end += 1
    if sum(len(line) for line in lines[start:end]) > NEWER_SYNTAX_WINDOW:
        return None
    return "".join(lines[start:end])


def _valid_for_newer_python(source: str, lineno: int) -> bool:
    """Whether libcst, whose grammar follows newer Python releases, accepts the top-level
    statement where ``ast`` stopped, which ``ast`` rejects on its own too. Only that statement
    is given to libcst: its parse of a whole 1 MB file with a syntax error took 7 to 27 s and
    650 MB only to word this hint. Deeply nested text is never given to it: its native parser
    crashes the process on it."""
    statement = _statement_around(source, lineno)
    if statement is None or bracket_depth(statement) > MAX_NATIVE_DEPTH:
        return False
    try:
        parse_quietly(statement)
        return False  # (the statement parses alone: the error comes from around it)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    try:
        import libcst as cst

        cst.parse_module(statement)
    except Exception:  # noqa: BLE001 - any failure means: not known to be valid
        return False
    return True


def native_parse_safe(source: str) -> bool:
    """Whether ``source`` may be handed to libcst (shallow enough not to crash it)."""
    return bracket_depth(source) <= MAX_NATIVE_DEPTH


@dataclass
class SourceSet:
    """Display path -> file and text, filled as the run reads files."""

    root: Path  # paths in SARIF and baselines are relative to this folder
    paths: dict[str, Path] = field(default_factory=dict)
    notebooks: dict[str, Notebook] = field(default_factory=dict)
    _lines: dict[str, list[str]] = field(default_factory=dict)
    _scopes: dict[str, list[tuple[int, int, str, bool]]] = field(default_factory=dict)
    _logical: dict[str, dict[int, tuple[int, int]]] = field(default_factory=dict)

    def add(self, display: str, path: Path, notebook: Notebook | None = None) -> None:
        self.paths[display] = path
        if notebook is not None:
            self.notebooks[display] = notebook

    def lines(self, display: str) -> list[str]:
        """The checked text of a file, split in lines (empty when it cannot be read)."""
        cached = self._lines.get(display)
        if cached is None:
            book = self.notebooks.get(display)
            if book is not None:
                text = book.source
            else:
                try:
                    text = read(self.paths.get(display, Path(display)))
                except SourceError:
                    text = ""
            cached = self._lines[display] = physical_lines(text)
        return cached

    def flagged_text(self, finding: Finding) -> str:
        """The flagged line(s) with all whitespace collapsed: stable when code moves or is re-indented."""
        lines = self.lines(finding.path)
        picked = lines[finding.line - 1 : finding.end_line]
        return " ".join(" ".join(picked).split())

    def flagged_code(self, finding: Finding, unwrap: bool = True) -> str:
        """The statement(s) holding the flagged lines (their logical lines: a call split over
        several lines is one), as :func:`code_form` writes them: stable when code moves, is
        re-indented, or is reformatted (``loss = criterion(model(x), y)`` split over four lines
        with a trailing comma, as black and ruff format write it, or joined back; and, unless
        ``unwrap`` is False, as baseline format 4 read it, the parentheses they put around a
        long right-hand side: :func:`unwrapped`)."""
        lines = self.lines(finding.path)
        spans = self._logical.get(finding.path)
        if spans is None:
            spans = self._logical[finding.path] = logical_lines(lines)
        start = spans.get(finding.line, (finding.line, finding.line))[0]
        end = spans.get(finding.end_line, (finding.end_line, finding.end_line))[1]
        text = "\n".join(lines[start - 1 : end])
        return code_form(unwrapped(text) if unwrap else text)

    def scope(self, display: str, line: int) -> str:
        """Where ``line`` of the checked text is: the names of the classes and functions around
        it, outermost first, joined by dots (``Trainer.fit``, ``train.step``); "" at module
        level or when the text does not parse."""
        names = [name for start, end, name, _ in self._spans(display) if start <= line <= end]  # outer before inner
        return ".".join(names)

    def function(self, display: str, line: int) -> str:
        """The name of the innermost function around ``line`` (``fit``, whatever class it is in), "" outside functions."""
        names = [name for start, end, name, is_function in self._spans(display) if is_function and start <= line <= end]
        return names[-1] if names else ""

    def scopes(self, display: str) -> set[str]:
        """Every scope (:meth:`scope`) of the file that has a class or function."""
        spans = self._spans(display)
        return {self.scope(display, start) for start, _, _, _ in spans}

    def _spans(self, display: str) -> list[tuple[int, int, str, bool]]:
        spans = self._scopes.get(display)
        if spans is None:
            spans = self._scopes[display] = _scopes("\n".join(self.lines(display)))
        return spans

    def relative(self, display: str) -> str:
        """The file's path relative to the root, in POSIX form (absolute when outside it)."""
        path = self.paths.get(display, Path(display)).resolve()
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return PurePosixPath(path.as_posix()).as_posix()


def _scopes(text: str) -> list[tuple[int, int, str, bool]]:
    """(first line, last line, name, whether a function) of every class and function, outer before inner."""
    try:
        tree = parse(text)
    except ValueError:
        return []
    out = [
        (node.lineno, node.end_lineno or node.lineno, node.name, not isinstance(node, ast.ClassDef))
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    ]
    out.sort(key=lambda s: (s[0], -s[1]))
    return out


def project_root(start: Path) -> Path:
    """The top of the git work tree holding ``start``, or ``start`` itself outside git."""
    from lossguard.static.gitdiff import toplevel

    return toplevel(start) or start.resolve()
