"""One ``lossguard check``: find the files, read notebooks, run the engine, keep what to report.

Filtering by ``--diff`` and ``--baseline`` happens on the checked text's lines, before notebook
findings are moved to their cells.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from lossguard.config import Settings
from lossguard.static import notebook
from lossguard.static.baseline import load as load_baseline
from lossguard.static.baseline import new_findings
from lossguard.static.engine import check_files
from lossguard.static.files import discover
from lossguard.static.finding import FileError, Finding
from lossguard.static.gitdiff import changes_since
from lossguard.static.sources import SourceSet, project_root


@dataclass
class Outcome:
    findings: list[Finding]  # to report; notebook lines are cell lines
    virtual: list[Finding]  # the same findings, notebook lines still in the joined module
    errors: list[FileError]
    files_checked: int
    sources: SourceSet
    hidden_by_baseline: int = 0
    hidden_by_diff: int = 0
    all_findings: list[Finding] = field(default_factory=list)  # before --diff/--baseline, virtual lines


def run_check(
    paths: list[Path],
    settings: Settings,
    cwd: Path,
    baseline: Path | None = None,
    diff_ref: str | None = None,
) -> Outcome:
    recorded = load_baseline(baseline) if baseline is not None else None  # bad input fails before the work
    changes = changes_since(diff_ref, cwd) if diff_ref is not None else None
    files = discover(paths, settings)
    books, unreadable = notebook.load_all(files)

    def display(p: Path) -> str:
        try:
            return p.resolve().relative_to(cwd).as_posix()
        except ValueError:
            return str(p)

    sources = SourceSet(root=project_root(cwd))
    for f in files:
        sources.add(display(f), f, books.get(f))
    result = check_files(
        [f for f in files if f not in unreadable],
        select=settings.select,
        display=display,
        per_file_ignores=settings.ignored_codes,
        sources={p: b.source for p, b in books.items()},
    )
    errors = [
        dataclasses.replace(e, reason=sources.notebooks[e.path].remap_reason(e.reason)) if e.path in sources.notebooks else e
        for e in result.errors
    ]
    errors += [FileError(display(p), reason) for p, reason in unreadable.items()]
    errors.sort(key=lambda e: e.path)
    findings = result.findings
    outcome = Outcome([], [], errors, result.files_checked + len(unreadable), sources, all_findings=list(findings))
    if changes is not None:
        kept = [
            f for f in findings
            if changes.touches(sources.paths[f.path], f.line, f.end_line,
                               sources.notebooks[f.path].source if f.path in sources.notebooks else None)
        ]
        outcome.hidden_by_diff = len(findings) - len(kept)
        findings = kept
    if recorded is not None:
        kept = new_findings(findings, recorded, sources)
        outcome.hidden_by_baseline = len(findings) - len(kept)
        findings = kept
    outcome.virtual = findings
    outcome.findings = [to_cells(f, sources) for f in findings]
    return outcome


def to_cells(f: Finding, sources: SourceSet) -> Finding:
    """A notebook finding with its lines counted within its cell."""
    book = sources.notebooks.get(f.path)
    if book is None:
        return f
    cell, line = book.locate(f.line)
    end_cell, end_line = book.locate(f.end_line)
    if end_cell != cell:  # a span running into the next cell: stop at the end of this one
        end_line, end_col = line, f.col + 1
    else:
        end_col = f.end_col
    return dataclasses.replace(
        f, cell=cell, line=line, end_line=end_line, end_col=end_col, message=book.remap_reason(f.message)
    )
