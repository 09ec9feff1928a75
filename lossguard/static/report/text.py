"""Human output: ``path:line:col CODE message``, a code frame with the span marked, and the fix."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.text import Text

from lossguard.catalog import SEVERITY_STYLES
from lossguard.static.finding import FileError, Finding
from lossguard.static.sources import SourceError, physical_lines, printable, read


def render(
    console: Console,
    findings: list[Finding],
    files_checked: int,
    sources: dict[str, str] | None = None,
    show_source: bool = True,
    lines_of: Callable[[Finding], list[str]] | None = None,
    errors: Sequence[FileError] = (),
) -> None:
    """Findings with code frames, then a summary. ``errors``: the files, and notebook cells, that
    could not be checked (printed by the caller, on stderr); ``files_checked`` counts those files
    too. ``lines_of`` gives the text a finding's lines count in (a notebook finding's cell); by
    default the file is read."""
    cache: dict[str, list[str]] = {}
    for f in findings:
        head = Text()
        head.append(location(f), style="bold")
        head.append(": ")
        head.append(f.code, style=SEVERITY_STYLES.get(f.severity, "bold"))
        head.append(f" [{f.name}] ", style="dim")
        if f.autofix is not None and f.autofix.applicability == "safe":
            head.append("[*] ", style="cyan")
        head.append(printable(f.message))
        console.print(head, soft_wrap=True)
        if show_source:
            lines = lines_of(f) if lines_of is not None else cache.get(f.path)
            if lines is None:
                text = (sources or {}).get(f.path)
                if text is None:
                    try:
                        text = read(Path(f.path))
                    except SourceError:
                        text = ""
                lines = cache[f.path] = physical_lines(text)
            _frame(console, f, lines)
            console.print(Text.assemble(("   = fix: ", "cyan"), f.fix), soft_wrap=True)
            console.print()
    n = len(findings)
    files = len({f.path for f in findings})
    if n:
        # files_checked counts every file considered; the ones that could not be read or parsed are said apart
        analysed = max(files_checked - len({e.path for e in errors if e.cell is None}), files)
        console.print(
            f"Found {n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''} "
            f"({_plural(analysed, 'file')} checked). "
            "Run `lossguard explain CODE` for details.",
            style="bold",
        )
        if errors:
            console.print(f"{not_checked(errors, files_checked)} could not be checked (see the errors).", style="yellow")
        safe = sum(1 for f in findings if f.autofix is not None and f.autofix.applicability == "safe")
        unsafe = sum(1 for f in findings if f.autofix is not None and f.autofix.applicability == "unsafe")
        if safe:
            console.print(f"[*] {safe} fixable with `lossguard check --fix` (preview with `--diff`).", style="cyan")
        if unsafe:
            console.print(f"{unsafe} more fixable with `--fix --unsafe-fixes` (they change values: review them).", style="dim")
    elif not errors and not files_checked:
        console.print("No Python files or notebooks to check.", style="yellow")
    elif not errors:
        console.print(f"All checks passed ({files_checked} file{'s' if files_checked != 1 else ''} checked).", style="green")
    else:
        console.print(
            f"No problems found, but {not_checked(errors, files_checked)} could not be checked (see the errors).",
            style="yellow",
        )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def not_checked(errors: Sequence[FileError], files: int) -> str:
    """What ``errors`` left unchecked, for the summary: whole files out of the ``files``
    considered, and notebook cells (the notebooks' other cells were checked):
    "1 of 3 files and 2 cells of 1 notebook"."""
    whole = {e.path for e in errors if e.cell is None}
    cells = [e for e in errors if e.cell is not None]
    books = {e.path for e in cells} - whole
    parts = []
    if whole:
        parts.append(f"{len(whole)} of {_plural(max(files, len(whole)), 'file')}")
    if books:
        parts.append(f"{_plural(len({(e.path, e.cell) for e in cells if e.path in books}), 'cell')} of {_plural(len(books), 'notebook')}")
    return " and ".join(parts)


def _frame(console: Console, f: Finding, lines: list[str]) -> None:
    if not 1 <= f.line <= len(lines):
        return
    width = len(str(f.end_line + 1))
    first = max(1, f.line - 1)
    for lineno in range(first, min(f.end_line, f.line + 4) + 1):
        if lineno > len(lines):
            break
        console.print(Text.assemble((f"{lineno:>{width}} | ", "blue"), lines[lineno - 1]), soft_wrap=True)
        if lineno == f.line:
            start = f.col - 1
            end = f.end_col - 1 if f.end_line == f.line else len(lines[lineno - 1])
            marker = " " * start + "^" * max(1, end - start)
            console.print(Text.assemble((f"{'':>{width}} | ", "blue"), (marker, SEVERITY_STYLES.get(f.severity, "bold"))), soft_wrap=True)


def location(f: Finding) -> str:
    """``path:line:col``, or ``path:cell N:line:col`` in a notebook (the path on one line: :func:`printable`)."""
    if f.cell is not None:
        return f"{printable(f.path)}:cell {f.cell}:{f.line}:{f.col}"
    return f"{printable(f.path)}:{f.line}:{f.col}"


def concise(console: Console, findings: list[Finding]) -> None:
    """One line per finding (file errors go to stderr, printed by the caller)."""
    for f in findings:
        console.print(f"{location(f)}: {f.code} {printable(f.message)}", soft_wrap=True, markup=False, highlight=False)
