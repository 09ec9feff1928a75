"""``--fix`` and ``--diff``: check, apply the fixes, check again what changed, until stable.

Each pass runs the analysis once, on the files the previous pass changed (the first pass on
every file); the findings of the last pass, merged with those of files no fix touched, are what
``check --fix`` then reports, so the analysis is not run again to report. A fixed text that no
longer parses (with Python's parser, and with libcst where it is safe to call) is not kept.
Line endings, encoding and BOM are kept: the edits work on the decoded text as it is, and the
caller writes it back with lossguard.static.sources.encode_like.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lossguard.static import sources as text
from lossguard.static.engine import CheckResult, check_files
from lossguard.static.finding import Finding
from lossguard.static.fix import ResolvedFix, apply


@dataclass(frozen=True)
class FileFix:
    path: Path
    original: str
    fixed: str
    applied: int  # how many fixes were applied over all passes


@dataclass
class FixRun:
    fixes: list[FileFix] = field(default_factory=list)  # the files whose text changed
    result: CheckResult = field(default_factory=CheckResult)  # findings and errors for the fixed texts
    passes: int = 0
    analysed: int = 0  # file analyses over all passes (for tests and benchmarks)


def run_fixes(
    files: list[Path],
    select: set[str] | None = None,
    unsafe: bool = False,
    per_file_ignores: Callable[[Path], set[str]] | None = None,
    max_passes: int = 10,
    sources: dict[Path, str] | None = None,
    display: Callable[[Path], str] = str,
    places: Mapping[Path, Callable[[int], str]] | None = None,
    jobs: int | None = None,
    context: list[Path] | None = None,
    skip_files: bool = True,
) -> FixRun:
    """Compute the fixed text of every file (nothing is written) and the findings that remain.

    ``sources`` gives the text to fix for files that are not Python source (notebooks)."""
    texts: dict[Path, str] = {}
    for f in files:
        if sources is not None and f in sources:
            texts[f] = sources[f]
            continue
        try:
            texts[f] = text.read(f)
        except text.SourceError:
            continue  # reported by check_files
    originals = dict(texts)
    applied = {p: 0 for p in texts}
    allowed = {"safe", "unsafe"} if unsafe else {"safe"}
    by_display = {display(f): f for f in files}
    findings: dict[Path, list] = {}
    errors: dict[Path, list] = {}
    silenced: dict[Path, list] = {}

    def owner(finding: Finding) -> Path:
        """A finding in a file that was not checked belongs to the checked file whose call raised it."""
        return by_display.get(finding.path) or by_display.get(finding.via or "") or Path(finding.path)

    run = FixRun()
    todo = list(files)
    files_checked = 0
    for _ in range(max_passes):
        result = check_files(
            todo,
            select=select,
            display=display,
            sources=texts,
            per_file_ignores=per_file_ignores or (lambda p: set()),
            places=places,
            jobs=jobs,
            context=context or (),
            skip_files=skip_files,
        )
        run.passes += 1
        run.analysed += len(todo)
        if run.passes == 1:
            files_checked = result.files_checked
        for f in todo:
            findings[f], errors[f], silenced[f] = [], [], []
        for finding in result.findings:
            findings.setdefault(owner(finding), []).append(finding)
        for finding, line in result.silenced:
            silenced.setdefault(owner(finding), []).append((finding, line))
        for error in result.errors:
            errors.setdefault(by_display.get(error.path, Path(error.path)), []).append(error)
        changed: list[Path] = []
        for path in todo:
            fixes: list[ResolvedFix] = [f.autofix for f in findings.get(path, ()) if f.autofix is not None and f.autofix.applicability in allowed]
            if not fixes or path not in texts:
                continue
            new, n = apply(texts[path], fixes)
            if n and new != texts[path] and _parses(new, texts[path]):  # never keep a text that no longer parses
                texts[path] = new
                applied[path] += n
                changed.append(path)
        if not changed:
            break
        todo = changed
    run.result = CheckResult(
        findings=sorted((f for group in findings.values() for f in group), key=lambda f: (f.path, f.line, f.col, f.code)),
        errors=[e for group in errors.values() for e in group],
        files_checked=files_checked,
        silenced=[s for group in silenced.values() for s in group],
    )
    run.fixes = [FileFix(p, originals[p], texts[p], applied[p]) for p in texts if texts[p] != originals[p]]
    return run


def fix_files(files: Iterable[str | Path], *args: Any, **kwargs: Any) -> list[FileFix]:
    """The fixed text of every file a fix changes (nothing is written); the options are :func:`run_fixes`'s."""
    return run_fixes([Path(f) for f in files], *args, **kwargs).fixes


def _parses(source: str, before: str) -> bool:
    """Whether fixed text is still valid Python, for both parsers the fixes rely on. Code that only
    Python 2 accepts (read by ``text.parse`` as such, never by libcst) need only stay readable to the former:
    the text before the fix is asked of libcst only when the fixed one fails it."""
    try:
        text.parse(source)
    except ValueError:
        return False
    return _native_parses(source) or not _native_parses(before)


def _native_parses(source: str) -> bool:
    if not text.native_parse_safe(source):
        return True  # too deep for libcst's native parser; Python's parser accepted it
    import libcst as cst

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, text.RECURSION_LIMIT))
    try:
        cst.parse_module(source)
    except (SyntaxError, ValueError, cst.ParserSyntaxError, RecursionError):
        return False
    finally:
        sys.setrecursionlimit(old)
    return True
