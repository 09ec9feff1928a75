"""Jupyter notebooks as Python: code cells joined into one module, with lines mapped back to cells.

A notebook is checked as one virtual module so that names flow across cells (a model defined
in cell 2 and trained in cell 5). Each code cell first goes through what IPython does to a cell
before running it: a cell whose first line is indented loses that indentation on every line;
``%magic``, ``%%cell magic``, ``!shell``, ``x = !ls``, ``x = %magic`` and ``obj?`` lines become
``pass`` at the same indentation, so line numbers stay put. The body of ``%%time``-like magics
stays IPython code; the body of a magic that takes it as a Python program of its own
(``%%writefile x.py``, ``%%script python``, ``%%python3``) is kept verbatim and checked in
place; cell magics of other languages (``%%bash``, ``%%writefile notes.txt``) become ``pass``,
and the body of a magic lossguard does not know (an extension's) is checked if it parses. As in IPython, only a line
that starts a logical line can be a magic: a ``%`` line inside brackets, a triple-quoted string or
after a backslash is Python (old-style ``"..." % args`` formatting), while the backslash-continued
lines of a magic or shell line belong to it. ``pip install ...`` / ``conda install ...`` without
``%`` run as automagics and become ``pass`` too. In a cell that does not parse, a line where the
parse fails and that reads as a command (a word, a space, arguments: IPython's automagics ``cd
RNAPro``, ``ls data/``, ``mkdir -p out``, or a shell line typed without ``!``, ``python convert.py
--ckpt x``) becomes ``pass`` too, with its backslash-continued lines, until the cell parses or the
failing line is not one; Python keywords and Python 2's ``print`` / ``exec`` statements are never
read as commands. A block the cell indents under its first lines (a paste) is moved back as in a
``.py`` file (``pasted.parse_as_pasted``). A cell that still does not
parse is left out (its lines become empty) and reported with its cell number; the other cells
are checked. Cells are numbered from 1 by their position in the notebook, markdown cells
included, which is how ruff numbers them.
"""

from __future__ import annotations

import json
import keyword
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lossguard.static import sources

NOTEBOOK_SUFFIX = ".ipynb"

# Cell magics that run their body in the kernel, as IPython code (its transforms apply to it).
_IPYTHON_BODY_CELL_MAGICS = {"time", "timeit", "capture", "prun", "debug"}
# Cell magics whose body is not Python run by the kernel (IPython's own and common extensions'):
# another language, never read as Python even when it parses (`%%bash` `model=resnet50`), or a
# cell that is not run (`%%skip`). The body of a cell magic in neither set (an extension's:
# `%%wandb`, `%%memit`, `%%px`) is checked when it parses as Python.
_UNCHECKED_CELL_MAGICS = {
    "bash", "sh", "script", "system", "sx", "perl", "ruby", "html", "javascript", "js", "latex", "markdown",
    "svg", "writefile", "file", "sql", "R", "octave", "julia", "cython", "fortran", "dot", "mermaid", "configure",
    "skip",
}  # fmt: skip
# Cell magics whose body is a Python program of its own, taken verbatim: see _verbatim_python.
_PYTHON_PROGRAM_CELL_MAGICS = {"python", "python3", "pypy", "pypy3"}
_PYTHON_PROGRAM = re.compile(r"(?:.*/)?(?:python|pypy)3?(?:\.\d+)?")
_SCRIPT_OPTIONS_WITH_VALUE = {"--out", "--err", "--proc"}
_LINE_MAGIC = re.compile(r"^(?P<indent>\s*)(?:[%!]|[A-Za-z_][\w.]*\s*=\s*[%!])")
_HELP = re.compile(r"^(?P<indent>\s*)(?:\?\??[\w.*]+|[\w.*]+\?\??)\s*$")  # obj?, ??obj, torch.*Tensor? (psearch)
# IPython's automagic (on by default in Jupyter): `pip install x` runs %pip; never valid Python
_AUTOMAGIC = re.compile(r"^(?P<indent>\s*)(?:pip|conda|mamba)\s+(?:install|uninstall|list|show|freeze|download|update|remove|create)\b")
# A command line: a word, white space and an argument that does not start a Python operator (the
# characters IPython's automagic leaves to Python: `cd = 3`, `ls(x)`, `pwd != x`); read as one only
# where the cell fails to parse (see _without_commands)
_COMMAND = re.compile(r"^(?P<indent>\s*)(?P<word>[A-Za-z_][\w.-]*)\s+(?![!=()<>,+*/%^&|])\S")
# Words that start Python (or Python 2) statements: a line that starts with one and does not parse
# is a syntax error, never a command
_NOT_COMMANDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"print", "exec"}
_MAX_COMMANDS = 100  # per cell


class NotebookError(ValueError):
    """A file that is not a readable notebook; the message says why."""


@dataclass(frozen=True)
class CellError:
    """A code cell that does not parse even after IPython's transforms: left out of the check."""

    cell: int
    line: int  # within the cell
    col: int
    message: str

    def __str__(self) -> str:
        return f"syntax error at cell {self.cell}, line {self.line}, column {self.col}: {self.message}; this cell was not checked"


@dataclass(frozen=True)
class Notebook:
    """The virtual module of a notebook and where each of its lines came from."""

    source: str
    cells: tuple[int, ...]  # per virtual line (index 0 = line 1): the 1-based cell number
    cell_lines: tuple[int, ...]  # per virtual line: the 1-based line within the cell
    cell_sources: dict[int, str]  # cell number -> the cell's original text
    indents: tuple[int, ...] = ()  # per virtual line: characters of leading indentation IPython removed
    errors: tuple[CellError, ...] = ()  # cells left out
    language: str = "python"  # the kernel's language, as its metadata writes it

    @property
    def is_python(self) -> bool:
        """Whether its kernel runs Python: a cell that does not parse is then a cell left unchecked,
        and in a notebook of another language (R) a cell of that language."""
        return self.language.lower() in ("python", "python3", "ipython", "ipython3")

    def locate(self, line: int) -> tuple[int, int]:
        """The (cell, line in cell) of a 1-based line of the virtual module."""
        if not self.cells:
            return 1, line
        i = min(max(line, 1), len(self.cells)) - 1
        return self.cells[i], self.cell_lines[i]

    def indent(self, line: int) -> int:
        """How many characters IPython's transform removed from the start of a virtual line."""
        return self.indents[line - 1] if 1 <= line <= len(self.indents) else 0

    def describe(self, line: int) -> str:
        """``cell C, line L`` for a virtual line, as messages name places in a notebook."""
        cell, in_cell = self.locate(line)
        return f"cell {cell}, line {in_cell}"


def is_notebook(path: Path | str) -> bool:
    return str(path).endswith(NOTEBOOK_SUFFIX)


def read(path: Path) -> Notebook:
    """Read a notebook file (plain JSON, nbformat 4) into its virtual module."""
    try:
        text = sources.read_bytes(path).decode("utf-8")
    except sources.SourceError as exc:
        raise NotebookError(str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise NotebookError(f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    return parse(text)


def _load_json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # an empty file, or a notebook a merge left unfinished (git writes its markers into the JSON), is named as
        # such: the JSON error's position says nothing to the user there
        if not text.strip():
            raise NotebookError("not a valid notebook: the file is empty") from exc
        conflict = sources.conflict_marker_line(text)
        if conflict is not None:
            raise NotebookError(f"not a valid notebook: {sources.conflict_markers_hint(conflict)}") from exc
        raise NotebookError(f"not a valid notebook: JSON error at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise NotebookError("not a valid notebook: its JSON is nested too deeply") from exc


def _cell_text(raw: object, number: int) -> str:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, list) and all(isinstance(s, str) for s in raw):
        return "".join(raw)
    raise NotebookError(f"not a valid notebook: the source of cell {number} must be a string or a list of strings")


def _code_cells(text: str) -> tuple[dict[str, Any], dict[int, str]]:
    """A notebook's JSON and the sources of its code cells by cell number (every cell counts, as the
    reports name them). Raises NotebookError for what is no nbformat 4 notebook."""
    data = _load_json(text)
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("not a valid notebook: no list of cells (only nbformat 4 notebooks are supported)")
    code = {
        number: _cell_text(cell.get("source", ""), number)
        for number, cell in enumerate(data["cells"], start=1)
        if isinstance(cell, dict) and cell.get("cell_type") == "code"
    }
    return data, code


def code_text(text: str) -> str:
    """The text of a notebook's code cells, joined, as written (no input transforms, no parse):
    enough to read its import lines. Raises NotebookError as :func:`parse` does."""
    return "".join(src + "\n" for src in _code_cells(text)[1].values())


def parse(text: str) -> Notebook:
    data, code = _code_cells(text)
    lines: list[str] = []
    cells: list[int] = []
    cell_lines: list[int] = []
    indents: list[int] = []
    cell_sources: dict[int, str] = {}
    errors: list[CellError] = []
    size = sum(len(src) for src in code.values())
    if size > sources.MAX_CHECKED_BYTES:  # what a Python file may hold (outputs do not count)
        raise NotebookError(f"its code cells are too large to check ({size:,} characters; the limit is {sources.MAX_CHECKED_BYTES:,})")
    for number, src in code.items():
        cell_sources[number] = src
        py, removed = python_lines(src)
        error = _cell_error(py)
        if error is not None:
            py, error = _without_commands(py, error)
        if error is not None:
            at, col, msg = error
            errors.append(CellError(number, at, col + (removed[at - 1] if 0 < at <= len(removed) else 0), msg))
            py = [""] * len(py)
        for i, line in enumerate(py, start=1):
            lines.append(line)
            cells.append(number)
            cell_lines.append(i)
            indents.append(removed[i - 1])
    source = "".join(line + "\n" for line in lines)
    return Notebook(source, tuple(cells), tuple(cell_lines), cell_sources, tuple(indents), tuple(errors), _language(data))


def _language(data: dict[str, Any]) -> str:
    """The language of the notebook's kernel (``metadata.kernelspec.language``, else
    ``metadata.language_info.name``); "python" when it does not say."""
    metadata = data.get("metadata")
    if isinstance(metadata, dict):
        for key, field_name in (("kernelspec", "language"), ("language_info", "name")):
            section = metadata.get(key)
            value = section.get(field_name) if isinstance(section, dict) else None
            if isinstance(value, str) and value.strip():
                return value.strip()
    return "python"


def _without_commands(lines: list[str], error: tuple[int, int, str] | None) -> tuple[list[str], tuple[int, int, str] | None]:
    """A cell's lines with the command lines where its parse fails made ``pass``, one at a time,
    and the error that is left (None when the cell now parses). IPython runs ``cd RNAPro`` as the
    ``%cd`` magic (in a one-line cell); a shell line typed without ``!`` (``python convert.py``)
    fails in the kernel but is no Python either: neither is a reason to leave the cell's other
    lines unchecked."""
    out = list(lines)
    for _ in range(_MAX_COMMANDS):  # each one parses the cell again
        if error is None:
            break
        at = error[0] - 1
        if not 0 <= at < len(out) or not _logical_line_starts(out)[at]:
            break
        m = _COMMAND.match(out[at])
        if m is None or m.group("word") in _NOT_COMMANDS:
            break
        continued = out[at].endswith("\\")
        out[at] = f"{m.group('indent')}pass"
        while continued and at + 1 < len(out):
            at += 1
            continued = out[at].endswith("\\")
            out[at] = ""
        error = _cell_error(out)
    return out, error


def _cell_error(lines: list[str]) -> tuple[int, int, str] | None:
    try:
        sources.parse("\n".join(lines) + "\n")
    except ValueError as exc:
        m = re.match(r"syntax error at line (\d+), column (\d+): (.*)", str(exc))
        if m:
            return int(m.group(1)), int(m.group(2)), m.group(3)
        return 1, 0, str(exc)
    return None


def python_lines(src: str) -> tuple[list[str], list[int]]:
    """A cell's lines after IPython's input transforms, and the indentation removed from each."""
    lines = sources.physical_lines(src)
    if not lines:
        return [], []
    removed = [0] * len(lines)
    first_code = next((line for line in lines if line.strip()), "")
    indent = first_code[: len(first_code) - len(first_code.lstrip(" \t"))]
    if indent:  # IPython's leading_indent: the first line's indentation goes from every line
        for i, line in enumerate(lines):
            if line.startswith(indent):
                lines[i] = line[len(indent) :]
                removed[i] = len(indent)
    _strip_prompts(lines, removed)
    head = next((i for i, line in enumerate(lines) if line.strip()), 0)
    first = lines[head].lstrip()
    if first.startswith("%%"):
        words = first[2:].split()
        if _verbatim_python(words):
            return [*[""] * head, "pass", *lines[head + 1 :]], removed  # (the first code line has no indentation left)
        skipped = ["pass" if line.strip() else "" for line in lines]
        if not words or words[0] in _UNCHECKED_CELL_MAGICS:
            return skipped, removed
        if words[0] not in _IPYTHON_BODY_CELL_MAGICS:  # an extension's magic: Python only if it parses
            out = _ipython_lines(lines)
            return (out if _cell_error(out) is None else skipped), removed
    return _ipython_lines(lines), removed


def _ipython_lines(lines: list[str]) -> list[str]:
    """Lines of IPython code with its magic, shell and help lines made ``pass``."""
    out = []
    in_magic = False  # a magic or shell line continued with a backslash: its next lines are its own
    for line, starts in zip(lines, _logical_line_starts(lines)):
        if in_magic:
            out.append("")
            in_magic = line.endswith("\\")
            continue
        m = _magic(line) if starts else None
        out.append(f"{m.group('indent')}pass" if m else line)
        in_magic = m is not None and line.endswith("\\")
    return out


def _verbatim_python(words: list[str]) -> bool:
    """Whether a cell magic (its words after ``%%``) takes its body as a Python program of its
    own, verbatim: ``%%python3`` and ``%%script python`` run it in another interpreter,
    ``%%writefile x.py`` (or ``%%file``) writes it to a Python file the notebook goes on to run
    or import. It is checked in the notebook's module, where it is."""
    if not words:
        return False
    name, args = words[0], words[1:]
    if name in _PYTHON_PROGRAM_CELL_MAGICS:
        return True
    if name == "script":
        program = iter(args)
        for arg in program:
            if arg in _SCRIPT_OPTIONS_WITH_VALUE:
                next(program, None)
            elif not arg.startswith("-"):
                return _PYTHON_PROGRAM.fullmatch(arg) is not None
        return False
    if name in ("writefile", "file"):
        names = [a for a in args if not a.startswith("-")]
        return len(names) == 1 and names[0].strip("'\"").endswith(".py")
    return False


# IPython's classic_prompt and ipython_prompt transforms: code pasted from a doctest or a console
_CLASSIC_FIRST = re.compile(r">>>( |$)")
_CLASSIC = re.compile(r"(>>>|\.\.\.)( |$)")
_IPYTHON_FIRST = re.compile(r"In \[\d+\]: ")
_IPYTHON = re.compile(r"(In \[\d+\]: |\s*\.\.\.+: )")


def without_outputs(src: str) -> str:
    """A console session pasted as it ran, its printed results blanked (the line count kept): where
    the first code line carries a ``>>>`` or ``In [n]:`` prompt, a line without one is what the
    session printed (``(2, 3)``, ``tensor([0.52, ...], grad_fn=<SigmoidBackward0>)``), never code.
    Text that is no session comes back as it is."""
    lines = sources.physical_lines(src)
    head = next((line.lstrip() for line in lines if line.strip()), "")
    for first_re, each_re in ((_CLASSIC_FIRST, _CLASSIC), (_IPYTHON_FIRST, _IPYTHON)):
        if first_re.match(head):
            return "".join((line if each_re.match(line.lstrip()) else "") + "\n" for line in lines)
    return src


def _strip_prompts(lines: list[str], removed: list[int]) -> None:
    """Remove ``>>> `` / ``... `` (or ``In [1]: `` / ``   ...: ``) prompts from every line when
    the cell starts with one, as IPython does; ``removed`` grows by the characters taken."""
    code = [i for i, line in enumerate(lines) if line.strip()]
    if not code:
        return
    head = lines[code[0]]
    for first_re, each_re in ((_CLASSIC_FIRST, _CLASSIC), (_IPYTHON_FIRST, _IPYTHON)):
        if first_re.match(head):
            for i, line in enumerate(lines):
                m = each_re.match(line)
                if m:
                    lines[i] = line[m.end() :]
                    removed[i] += m.end()
            return


def _magic(line: str) -> re.Match[str] | None:
    return _LINE_MAGIC.match(line) or _HELP.match(line) or _AUTOMAGIC.match(line)


def _logical_line_starts(lines: list[str]) -> list[bool]:
    """For each physical line, whether it starts a logical line: not inside brackets, a
    triple-quoted string or after a backslash. IPython only takes a line for a magic there, so
    ``print("epoch %d" \n      % epoch)`` is old-style string formatting, not a ``%`` magic."""
    starts: list[bool] = []
    depth = 0
    triple: str | None = None
    continued = magic = False
    for line in lines:
        start = depth == 0 and triple is None and not continued
        starts.append(start)
        if continued and magic:
            continued = line.endswith("\\")
            continue  # the continuation of a magic line: not Python either
        continued = magic = False
        if start and _magic(line):
            continued = magic = line.endswith("\\")
            continue  # not Python: its brackets and quotes do not count
        i, n = 0, len(line)
        while i < n:
            if triple is not None:
                end = line.find(triple, i)
                if end < 0:
                    break
                i, triple = end + 3, None
                continue
            ch = line[i]
            if ch == "#":
                break
            if ch in "\"'":
                if line.startswith(ch * 3, i):
                    triple = ch * 3
                    i += 3
                    continue
                i += 1
                while i < n and line[i] != ch:
                    i += 2 if line[i] == "\\" else 1
                i += 1
                continue
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth = max(depth - 1, 0)
            i += 1
        else:
            continued = line.endswith("\\") and triple is None
    return starts


def load_all(paths: list[Path]) -> tuple[dict[Path, Notebook], dict[Path, str]]:
    """Notebooks among ``paths`` that could be read, and the reason for each that could not."""
    books: dict[Path, Notebook] = {}
    failed: dict[Path, str] = {}
    for p in paths:
        if not is_notebook(p):
            continue
        try:
            books[p] = read(p)
        except NotebookError as exc:
            failed[p] = str(exc)
    return books, failed


def write_fixed(path: Path, book: Notebook, fixed_source: str) -> bool:
    """Write a notebook back with the fixed lines of its virtual module put into their cells.

    Only the ``source`` of the changed cells is rewritten, in place in the file's own JSON text:
    outputs, metadata, the other cells and the file's layout stay byte for byte. Returns False
    (and writes nothing) when the fix changed the number of lines, which cannot be mapped back."""
    new_lines = sources.physical_lines(fixed_source)
    if len(new_lines) != len(book.cells):
        return False
    old_lines = sources.physical_lines(book.source)
    changed: dict[int, list[str]] = {}
    for i, (old, new) in enumerate(zip(old_lines, new_lines)):
        if old != new:
            cell = book.cells[i]
            lines = changed.setdefault(cell, sources.split_lines(book.cell_sources[cell]))
            lines[book.cell_lines[i] - 1] = _reindent(book, i + 1, new)
    if not changed:
        return True
    text = path.read_text(encoding="utf-8")
    try:
        spans = _source_spans(text)
    except (ValueError, IndexError):
        return False
    for number in sorted(changed, reverse=True):
        if number not in spans:
            return False
        start, end = spans[number]
        old_value = json.loads(text[start:end])
        new_text = _join_like(book.cell_sources[number], changed[number])
        text = text[:start] + _render_like(text[start:end], old_value, new_text) + text[end:]
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
    return True


def _reindent(book: Notebook, line: int, text: str) -> str:
    n = book.indent(line)
    if not n:
        return text
    cell, in_cell = book.locate(line)
    original = sources.split_lines(book.cell_sources[cell])[in_cell - 1]
    return original[:n] + text


def _join_like(original: str, lines: list[str]) -> str:
    """``lines`` joined with the line endings of ``original`` (a cell keeps its own)."""
    table = sources.LineTable(original)
    out = []
    for i, line in enumerate(lines):
        end = table.endings[i] if i < len(table.endings) else ""
        out.append(line + end)
    return "".join(out)


def _render_like(old_json: str, old_value: object, new_text: str) -> str:
    """The JSON for a cell's new source in the layout of the old one (a string or a list of lines)."""
    ascii_only = "\\u" in old_json
    if isinstance(old_value, str):
        return json.dumps(new_text, ensure_ascii=ascii_only)
    items = new_text.splitlines(keepends=True)
    m = re.match(r"\[(\s*)", old_json)
    lead = m.group(1) if m else ""
    tail_m = re.search(r"(\s*)\]$", old_json)
    tail = tail_m.group(1) if tail_m else ""
    sep_m = re.search(r'"\s*(,\s*)"', old_json)
    sep = sep_m.group(1) if sep_m else ", "
    if not items:
        return "[]"
    return "[" + lead + sep.join(json.dumps(s, ensure_ascii=ascii_only) for s in items) + tail + "]"


def _source_spans(text: str) -> dict[int, tuple[int, int]]:
    """Where each cell's ``source`` value lies in the notebook's JSON text (cell number -> span)."""
    decoder = json.JSONDecoder()
    ws = re.compile(r"\s*")
    spans: dict[int, tuple[int, int]] = {}

    def skip(i: int) -> int:
        m = ws.match(text, i)
        return m.end() if m else i

    def value_end(i: int) -> int:
        _, end = decoder.raw_decode(text, i)
        return end

    def past_comma(i: int) -> int:
        """Past the white space and the comma, if there is one, after a value that ends at ``i``."""
        i = skip(i)
        return i + 1 if text[i] == "," else i

    i = skip(0)
    if text[i : i + 1] != "{":
        return spans
    i += 1
    while True:
        i = skip(i)
        if text[i] == "}":
            return spans
        key, i = decoder.raw_decode(text, i)
        i = skip(i) + 1  # the colon
        i = skip(i)
        if key != "cells":
            i = past_comma(value_end(i))
            continue
        i += 1  # the [
        number = 0
        while True:
            i = skip(i)
            if text[i] == "]":
                return spans
            number += 1
            if text[i] != "{":
                i = past_comma(value_end(i))
                continue
            i += 1  # the { of a cell
            while True:
                i = skip(i)
                if text[i] == "}":
                    i += 1
                    break
                ckey, i = decoder.raw_decode(text, i)
                i = skip(skip(i) + 1)
                end = value_end(i)
                if ckey == "source":
                    spans[number] = (i, end)
                i = past_comma(end)
            i = past_comma(i)
