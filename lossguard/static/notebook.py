"""Jupyter notebooks as Python: code cells joined into one module, with lines mapped back to cells.

A notebook is checked as one virtual module so that names flow across cells (a model defined
in cell 2 and trained in cell 5). IPython syntax that is not Python (``%magic``, ``%%cell
magic``, ``!shell``, ``x = !ls``, ``obj?``) becomes ``pass`` at the same indentation, so line
numbers stay put. Cells are numbered from 1 by their position in the notebook, markdown
cells included, which is how ruff numbers them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

NOTEBOOK_SUFFIX = ".ipynb"

# Cell magics whose body is Python; every other cell magic (%%bash, %%writefile, ...) is not.
_PYTHON_BODY_CELL_MAGICS = {"time", "timeit", "capture", "prun", "debug", "pypy", "python", "python3"}
_LINE_MAGIC = re.compile(r"^(?P<indent>\s*)(?:[%!]|[A-Za-z_][\w.]*\s*=\s*[%!])")
_HELP = re.compile(r"^(?P<indent>\s*)(?:\?\??[\w.]+|[\w.]+\?\??)\s*$")


class NotebookError(ValueError):
    """A file that is not a readable notebook; the message says why."""


@dataclass(frozen=True)
class Notebook:
    """The virtual module of a notebook and where each of its lines came from."""

    source: str
    cells: tuple[int, ...]  # per virtual line (index 0 = line 1): the 1-based cell number
    cell_lines: tuple[int, ...]  # per virtual line: the 1-based line within the cell
    cell_sources: dict[int, str]  # cell number -> the cell's original text

    def locate(self, line: int) -> tuple[int, int]:
        """The (cell, line in cell) of a 1-based line of the virtual module."""
        if not self.cells:
            return 1, line
        i = min(max(line, 1), len(self.cells)) - 1
        return self.cells[i], self.cell_lines[i]

    def remap_reason(self, reason: str) -> str:
        """Rewrite ``line N`` (virtual) in an error or message to ``cell C, line L``."""

        def sub(m: re.Match[str]) -> str:
            cell, line = self.locate(int(m.group(1)))
            return f"cell {cell}, line {line}"

        return re.sub(r"\bline (\d+)", sub, reason)


def is_notebook(path: Path | str) -> bool:
    return str(path).endswith(NOTEBOOK_SUFFIX)


def read(path: Path) -> Notebook:
    """Read a notebook file (plain JSON, nbformat 4) into its virtual module."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise NotebookError(f"cannot read file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise NotebookError(f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    return parse(text)


def parse(text: str) -> Notebook:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotebookError(f"not a valid notebook: JSON error at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("not a valid notebook: no list of cells (only nbformat 4 notebooks are supported)")
    lines: list[str] = []
    cells: list[int] = []
    cell_lines: list[int] = []
    cell_sources: dict[int, str] = {}
    for number, cell in enumerate(data["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        raw = cell.get("source", "")
        src = "".join(raw) if isinstance(raw, list) else str(raw)
        cell_sources[number] = src
        for i, line in enumerate(_python_lines(src), start=1):
            lines.append(line)
            cells.append(number)
            cell_lines.append(i)
    source = "".join(line + "\n" for line in lines)
    return Notebook(source, tuple(cells), tuple(cell_lines), cell_sources)


def _python_lines(src: str) -> list[str]:
    lines = src.splitlines()
    if not lines:
        return []
    first = lines[0].lstrip()
    if first.startswith("%%"):
        name = first[2:].split(maxsplit=1)[0] if first[2:].strip() else ""
        if name not in _PYTHON_BODY_CELL_MAGICS:
            return ["pass"] * len(lines)
    out = []
    for line in lines:
        m = _LINE_MAGIC.match(line) or _HELP.match(line)
        out.append(f"{m.group('indent')}pass" if m else line)
    return out


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

    Outputs, metadata and every other cell stay as they are. Returns False (and writes
    nothing) when the fix changed the number of lines, which cannot be mapped back."""
    new_lines = fixed_source.splitlines()
    if len(new_lines) != len(book.cells):
        return False
    old_lines = book.source.splitlines()
    changed: dict[int, list[str]] = {}
    for i, (old, new) in enumerate(zip(old_lines, new_lines)):
        if old != new:
            cell = book.cells[i]
            lines = changed.setdefault(cell, book.cell_sources[cell].splitlines())
            lines[book.cell_lines[i] - 1] = new
    if not changed:
        return True
    data = json.loads(path.read_text(encoding="utf-8"))
    for number, cell in enumerate(data["cells"], start=1):
        if number in changed:
            text = "\n".join(changed[number])
            if book.cell_sources[number].endswith("\n"):
                text += "\n"
            raw = cell.get("source", "")
            cell["source"] = text.splitlines(keepends=True) if isinstance(raw, list) else text
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return True
