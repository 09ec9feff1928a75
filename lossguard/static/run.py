"""One ``lossguard check``: find the files, read notebooks, run the engine (or the fixer), keep
what to report.

Filtering by ``--diff`` and ``--baseline`` happens on the checked text's lines, before notebook
findings are moved to their cells. Every path that could not be listed, file that could not be
read or parsed, notebook cell left out, and internal error ends up in ``Outcome.errors``: the
command exits 2 when there is any.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypedDict

from lossguard.config import Settings
from lossguard.errors import UsageError
from lossguard.static import notebook, ref_trust
from lossguard.static import sources as text
from lossguard.static.baseline import FORMAT_VERSION, Recorded, entry, new_findings, unmatched
from lossguard.static.baseline import load as load_baseline
from lossguard.static.engine import check_files
from lossguard.static.files import NOT_CHECKED_OUT, PY_SUFFIXES, discover, importers, shown
from lossguard.static.finding import FileError, Finding
from lossguard.static.gitdiff import Changes
from lossguard.static.sources import SourceSet, project_root

FixMode = Literal["write", "preview"]


@dataclass
class Outcome:
    findings: list[Finding]  # to report; notebook lines are cell lines
    virtual: list[Finding]  # the same findings, notebook lines still in the joined module
    errors: list[FileError]
    files_checked: int
    sources: SourceSet
    hidden_by_baseline: int = 0
    hidden_by_diff: int = 0
    diff_base: str | None = None  # the commit --diff compared with, when it is not REF's own (REF...HEAD)
    all_findings: list[Finding] = field(default_factory=list)  # before --diff/--baseline, virtual lines
    fixes: list = field(default_factory=list)  # FileFix of each file --fix changed (or would change)
    fixed: int = 0  # fixes applied (or, in preview, that would be)
    warnings: list[str] = field(default_factory=list)
    silenced: list[tuple[Finding, int]] = field(default_factory=list)  # silenced by a suppression comment, with its line


class _EngineOptions(TypedDict):
    """What one ``lossguard check`` tells the engine: the same for :func:`check_files` and for
    ``--fix``'s :func:`~lossguard.static.fixer.run_fixes`."""

    select: set[str] | None
    display: Callable[[Path], str]
    per_file_ignores: Callable[[Path], set[str]]
    sources: dict[Path, str]
    places: Mapping[Path, Callable[[int], str]]
    jobs: int | None
    context: list[Path]
    skip_files: bool


def run_check(
    paths: list[Path],
    settings: Settings,
    cwd: Path,
    baseline: Path | None = None,
    changes: Changes | None = None,
    fix: FixMode | None = None,
    unsafe_fixes: bool = False,
    jobs: int | None = None,
    context: list[Path] | None = None,
    trust_change: bool = True,
    skip_files: bool = True,
    keep_excluded: bool = False,
) -> Outcome:
    """Check ``paths``. ``changes``: ``--diff REF``'s comparison (lossguard.static.gitdiff.changes_since):
    report only what the change introduced, and unless ``trust_change``, nothing the change adds
    hides a finding (lossguard.static.ref_trust: the caller gives REF's settings). ``context``: the
    files analysed with them for their calls into them (by default, the files of the work tree
    that import a file named on its own). ``skip_files=False``: files with a skip-file comment are
    analysed too, their findings silenced (``Outcome.silenced``). ``keep_excluded``: a finding a
    checked file causes in a file the configuration excludes is kept (always with ``changes``)."""
    warnings: list[str] = []
    if baseline is None:  # bad input fails before the work
        recorded = None
    elif changes is not None and not trust_change:
        recorded, warning = ref_trust.baseline(baseline, changes)
        warnings += [warning] if warning else []
    else:
        recorded = load_baseline(baseline)
    found = discover(paths, settings)
    if changes is not None:
        added = ref_trust.changed_under_default_exclusions(found.left_out, settings, changes)
        if added:
            found.files += [p for p, _ in added if p not in found.files]
            folders = ", ".join(f"`{name}`" for name in sorted({name for _, name in added}))
            warnings.append(
                f"checked {len(added)} file(s) this change adds or edits under folders excluded by default ({folders}), as the gate "
                "checks whatever a change adds or edits; set `exclude` or `extend-exclude` in [tool.lossguard] to say such a folder is meant to be left out"
            )
        scripts = ref_trust.changed_scripts(found.others, settings, changes)
        if scripts:
            found.files += [p for p in scripts if p not in found.files]
            warnings.append(
                f"checked {len(scripts)} file(s) this change adds or edits that are Python without a .py name (a Python shebang "
                f"or .pyw: {', '.join(shown(p, cwd) for p in scripts[:5])}{', ...' if len(scripts) > 5 else ''}), as the gate checks "
                "whatever Python a change adds or edits; a run without --diff checks them only when named"
            )
        for p, base in found.outside:
            if not settings.is_excluded(p, base, follow=False) and not p.resolve().is_relative_to(changes.toplevel) and not changes.same_link(p):
                found.errors.append(FileError(shown(p, cwd), LINKED_OUT))
    moved = changes.moved_submodules([folder for folder, _ in found.absent]) if changes is not None else {}
    for folder, base in found.absent:
        if folder in moved and not settings.is_excluded(folder, base=base):
            found.errors.append(FileError(shown(folder, cwd), _moved_submodule(*moved[folder])))
        else:
            warnings.append(f"{shown(folder)}: {NOT_CHECKED_OUT}")
    files = found.files
    if not files and found.excluded and not found.errors:
        where = f" by `exclude` in {settings.source}" if settings.source is not None else ""
        named = ", ".join(str(p) for p in paths)
        raise UsageError(
            f"every Python file and notebook under {named} is excluded{where} ({found.excluded} files): nothing would be checked. "
            "Name the files, or narrow the exclusion"
        )
    books, unreadable = notebook.load_all(files)
    if context is None:
        context = importers(paths, files, settings, cwd)

    def display(p: Path) -> str:
        return shown(p, cwd)

    sources = SourceSet(root=project_root(cwd))
    for f in files:
        sources.add(display(f), f, books.get(f))
    to_check = [f for f in files if f not in unreadable]
    context_books: dict[Path, notebook.Notebook] = {}  # notebooks among them: their code cells are what they run
    for p in [c for c in context if notebook.is_notebook(c)]:
        try:
            context_books[p] = notebook.read(p)
        except notebook.NotebookError:
            context.remove(p)
    every_book = {**books, **context_books}
    virtual = {p: b.source for p, b in every_book.items()}
    places = {p: b.describe for p, b in every_book.items()}
    options = _EngineOptions(
        select=settings.select,
        display=display,
        per_file_ignores=settings.ignored_codes,
        sources=virtual,
        places=places,
        jobs=jobs,
        context=context,
        skip_files=skip_files and (changes is None or trust_change),  # an untrusted change's new skip-file comment is checked
    )
    fixes: list = []
    fixed = 0
    warnings += found.warnings
    if fix is not None:
        from lossguard.static.fixer import run_fixes

        run = run_fixes(to_check, unsafe=unsafe_fixes, **options)
        result = run.result
        fixes = run.fixes
        if fix == "write":
            fixed, written = _write(run.fixes, books, sources, display)
            warnings += written
        else:
            fixed = sum(f.applied for f in run.fixes)
    else:
        result = check_files(to_check, **options)
    # files that were not checked, reached from one that was (lossguard.static.engine._merge):
    # reported unless the configuration excludes them; under --diff, also then, and REF's own
    # check keeps them too, so that only those the change causes are left (a checked file that
    # starts passing logits to an excluded, vendored loss helper makes a bug there)
    reached = {f.path for f in result.findings if f.path not in sources.paths}
    keep_excluded = keep_excluded or changes is not None
    left_out = set() if keep_excluded else {name for name in reached if settings.is_excluded(Path(name))}
    if left_out:
        dropped = [f for f in result.findings if f.path in left_out]
        result.findings = [f for f in result.findings if f.path not in left_out]
        warnings.append(_left_out_warning(dropped))
    by_display = {display(p): b for p, b in context_books.items()}
    for name in sorted(reached - left_out):
        sources.add(name, Path(name), by_display.get(name))
    errors = list(found.errors) + list(result.errors)
    errors += [FileError(display(p), reason) for p, reason in unreadable.items()]
    for p, book in books.items():
        if book.is_python:
            errors += [FileError(display(p), str(e), e.cell, e.line) for e in book.errors]
        elif book.errors:  # cells of the notebook's own language (its cells that parse as Python were checked)
            n = len(book.errors)
            what = "1 cell that is not Python was" if n == 1 else f"{n} cells that are not Python were"
            warnings.append(f"{display(p)}: a notebook in {book.language}: {what} not checked")
    errors.sort(key=lambda e: e.path)
    findings = result.findings
    outcome = Outcome(
        [],
        [],
        errors,
        result.files_checked + len(unreadable) + len(found.errors),  # the paths never read are files considered too
        sources,
        all_findings=list(findings),
        fixes=fixes,
        fixed=fixed,
        warnings=warnings,
    )
    if changes is not None:
        at_ref = _AtRef(changes, sources, settings, jobs, context, options["skip_files"])
        kept = _introduced(findings, changes, sources, at_ref)
        outcome.hidden_by_diff = len(findings) - len(kept)
        outcome.diff_base = changes.ref if changes.ref != changes.tip else None
        findings = kept
        if not trust_change:
            findings = sorted(findings + ref_trust.new_suppressions(result.silenced, changes, sources, at_ref.silenced))
    if recorded is not None:
        if recorded.version < 3:
            anywhere = "in any function of its file" if recorded.version == 1 else "in a same-named method of any class of its file"
            outcome.warnings.append(
                f"{baseline}: baseline format {recorded.version} matches a recorded finding with the same text {anywhere}; "
                f"rewrite it with `lossguard baseline -o {baseline}` to match within the function"
            )
        elif recorded.version < FORMAT_VERSION:
            kept_as = "its line breaks" if recorded.version == 3 else "the parentheses (or none) around a right-hand side"
            outcome.warnings.append(
                f"{baseline}: baseline format {recorded.version} matches a recorded finding only while its code keeps {kept_as} "
                f"(reformatted code counts as new); rewrite it with `lossguard baseline -o {baseline}`"
            )
        kept = new_findings(findings, recorded, sources)
        outcome.hidden_by_baseline = len(findings) - len(kept)
        findings = kept
    outcome.virtual = findings
    outcome.findings = [ref_trust.noted(to_cells(f, sources)) for f in findings]
    outcome.silenced = result.silenced
    return outcome


LINKED_OUT = (
    "a symbolic link this change adds (or points elsewhere) to a file outside the repository: not followed, so not checked "
    "(what it points to is not in the change, and may be anything on the machine); make it a file, or a link inside the "
    "repository, or name it in `exclude` in [tool.lossguard]"
)


def _moved_submodule(was: str | None, now: str) -> str:
    """Why a submodule that ``--diff REF``'s change moves (or adds) and that is not checked out
    fails the run: the code the change brings in was not checked (a pull request that points a
    submodule at a commit with a bug must not pass where CI leaves submodules out)."""
    at_ref = f"at REF: {was[:12]}" if was is not None else "not at REF"
    return (
        f"a submodule this change moves to {now[:12]} ({at_ref}), not checked out: the code the change brings in was not checked "
        "(git submodule update --init; in CI, actions/checkout with submodules: true; or name the folder in `exclude` in "
        "[tool.lossguard] to leave it out)"
    )


def _left_out_warning(dropped: list[Finding]) -> str:
    """What a run without ``--diff`` says when it drops findings that checked files cause in files
    the configuration excludes (the excluded file's own code is meant to be left out; the call
    that makes the bug there is not always: a vendored loss helper now given logits)."""
    n = len(dropped)
    where = ", ".join(f"{name} ({', '.join(sorted({f.code for f in dropped if f.path == name}))})" for name in sorted({f.path for f in dropped}))
    return (
        f"left out {n} finding{'s' if n != 1 else ''} that the checked files cause in files the configuration excludes: {where}; "
        "name such a file to check it, or run with --diff REF, which reports those a change causes"
    )


def _introduced(findings: list[Finding], changes: Changes, sources: SourceSet, at_ref: _AtRef) -> list[Finding]:
    """The findings ``--diff`` reports: those on lines changed since REF, and those REF's own
    files did not have (the change that makes a loss call wrong can be elsewhere: the model's
    definition, a deleted ``zero_grad()``, the caller of a helper in another file). A finding
    matches one of REF's as in a baseline (lossguard.static.baseline.unmatched), and each of
    REF's findings hides at most one."""
    touched = [
        changes.touches(sources.paths[f.path], f.line, f.end_line, sources.notebooks[f.path].source if f.path in sources.notebooks else None)
        for f in findings
    ]
    if all(touched):
        return list(findings)
    # untouched findings in a file REF has (untouched and not in REF: a file git ignores)
    # (or one moved there unedited: matched under REF's name of it)
    old = [
        i
        for i, (f, changed) in enumerate(zip(findings, touched))
        if not changed and (sources.paths[f.path].resolve() in changes.at_ref or changes.origin(sources.paths[f.path]) is not None)
    ]
    new = unmatched([findings[i] for i in old], at_ref.findings(), sources, path=lambda f: changes.name_at_ref(sources.paths[f.path]))
    kept = {i for i, n in zip(old, new) if n}
    return [f for i, f in enumerate(findings) if touched[i] or i in kept]


class _AtRef:
    """REF's findings of the checked files, reported (by content key) and silenced (by
    ref_trust.silence_keys): from checking
    REF's text of the same files (with REF's text of the context files), written to a temporary
    folder; checked once, when first asked."""

    def __init__(self, changes: Changes, sources: SourceSet, settings: Settings, jobs: int | None, context: list[Path], skip_files: bool) -> None:
        self._args = changes, sources, settings, jobs, context, skip_files
        self._recorded: tuple[Recorded, Counter[ref_trust.SilenceKey]] | None = None

    def findings(self) -> Recorded:
        return self._check()[0]

    def silenced(self) -> Counter[ref_trust.SilenceKey]:
        return self._check()[1]

    def _check(self) -> tuple[Recorded, Counter[ref_trust.SilenceKey]]:
        if self._recorded is None:
            self._recorded = self._run()
        return self._recorded

    def _run(self) -> tuple[Recorded, Counter[ref_trust.SilenceKey]]:
        import tempfile

        changes, sources, settings, jobs, context, skip_files = self._args

        def names(paths) -> list[str]:  # type: ignore[no-untyped-def]
            out = []  # REF's names of the files (a file moved unedited: the name it was moved from)
            for path in paths:
                try:
                    out.append(changes.name_at_ref(path))
                except ValueError:
                    continue
            return sorted(set(out))

        with tempfile.TemporaryDirectory(prefix="lossguard-ref-") as tmp:
            root = Path(tmp).resolve()
            checked = names(sources.paths.values())
            written = changes.snapshot(root, PY_SUFFIXES, also=set(checked))  # (a script named without .py, too)
            marker = root / "pyproject.toml"
            if not marker.exists():
                marker.write_text("")  # imports are looked for up to a project's root, not in the temporary folder's parents
            paths = [written[n] for n in checked if n in written]
            if not paths:
                return Recorded(), Counter()
            old = run_check(
                paths,
                settings,
                root,
                jobs=jobs,
                context=[written[n] for n in names(context) if n in written],
                skip_files=skip_files,
                keep_excluded=True,
            )
            return (
                Recorded(Counter(entry(f, f.path, old.sources) for f in old.all_findings)),
                Counter(ref_trust.silence_keys([f for f, _ in old.silenced], lambda f: f.path, old.sources)),
            )


def _write(fixes: list, books: dict[Path, notebook.Notebook], sources: SourceSet, display) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    """Write the fixed files; never through a symbolic link. Returns (fixes applied, warnings)."""
    applied = 0
    warnings: list[str] = []
    for r in fixes:
        if linked(r.path):
            warnings.append(f"{r.path}: not fixed: it is (or is inside) a symbolic link, and --fix never writes through one")
            continue
        book = books.get(r.path)
        if book is not None:
            if not notebook.write_fixed(r.path, book, r.fixed):
                warnings.append(f"{r.path}: a fix changes the number of lines; notebooks are fixed line by line, so it was not applied")
                continue
            try:
                sources.add(display(r.path), r.path, notebook.read(r.path))
            except notebook.NotebookError:
                pass
        else:
            try:
                original = r.path.read_bytes()
                if text.decode(original) != r.original:
                    warnings.append(f"{r.path}: not fixed: the file changed while it was being checked")
                    continue
                with open(r.path, "r+b") as stream:  # in place: keeps the file's mode and owner
                    stream.write(text.encode_like(r.fixed, original))
                    stream.truncate()
            except (OSError, text.SourceError, UnicodeEncodeError) as exc:
                warnings.append(f"{r.path}: not fixed: cannot write it ({getattr(exc, 'strerror', None) or exc})")
                continue
        applied += r.applied
    return applied, warnings


def linked(path: Path) -> bool:
    """Whether ``path`` or a folder on the way to it (below the current folder) is a symbolic link."""
    if path.is_symlink():
        return True
    cwd = Path.cwd()
    p = path if path.is_absolute() else cwd / path
    if cwd not in p.parents:
        return False  # named from outside the current folder: only the file itself is looked at
    for parent in p.parents:
        if parent == cwd:
            break
        if os.path.islink(parent):
            return True
    return False


def to_cells(f: Finding, sources: SourceSet) -> Finding:
    """A notebook finding with its lines counted within its cell (and columns within the cell's
    own text, before IPython's indentation removal)."""
    book = sources.notebooks.get(f.path)
    if book is None:
        return f
    cell, line = book.locate(f.line)
    end_cell, end_line = book.locate(f.end_line)
    col = f.col + book.indent(f.line)
    if end_cell != cell:  # a span running into the next cell: stop at the end of this one
        end_line, end_col = line, col + 1
    else:
        end_col = f.end_col + book.indent(f.end_line)
    suppression = book.locate(f.new_suppression)[1] if f.new_suppression is not None else None
    return dataclasses.replace(f, cell=cell, line=line, col=col, end_line=end_line, end_col=end_col, new_suppression=suppression)
