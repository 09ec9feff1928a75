"""Run the rules over files: read, parse, interpret, collect findings, apply suppressions.

Every file given is read and parsed, whatever it contains: a file that cannot be is an error
(exit 2), never a silent pass. The prefilter (lossguard.static.prefilter) only decides whether
the parsed module needs the analysis. An exception inside the analysis or a rule is reported as
an internal error of the file being checked; the other files are still checked.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import os
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lossguard import catalog
from lossguard.static import batches as batch_mod
from lossguard.static import noqa
from lossguard.static import sources as text
from lossguard.static.batches import Meter
from lossguard.static.finding import FileError, Finding
from lossguard.static.prefilter import bridged, drives, imported_names, module_names, needs_analysis, pytest_driven
from lossguard.static.trainer_imports import Imported, called_imports, training_functions

if TYPE_CHECKING:  # pragma: no cover
    import ast

    from lossguard.static import events as ev
    from lossguard.static.fix import Fix, ResolvedFix
    from lossguard.static.project import ModuleInfo


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    # findings a suppression comment silences, with the comment's line (`check --diff` reads them)
    silenced: list[tuple[Finding, int]] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files_checked: int = 0


@dataclass(frozen=True)
class _Raw:
    code: str
    node: ast.AST
    module: ModuleInfo
    message: str
    fix: Fix | None = None
    severity: str | None = None  # None: the catalog's
    # other files it comes from: the call the function body was analysed for, the thin wrapper
    # that forwarded it, the sites its message names (rule.EVIDENCE)
    causes: tuple[Path, ...] = ()
    # a finding on a parameter: the caller's module, the call the body was analysed for, the function
    caller: tuple[ModuleInfo, ast.Call, ast.FunctionDef | ast.AsyncFunctionDef] | None = None


BATCH_FILES = 100  # files per batch in a large run: one fresh project and interpreter each
JOBS_ENV = "LOSSGUARD_JOBS"  # worker processes for a large run (default: the usable cores; 1: none)


@dataclass(frozen=True)
class _Job:
    """What every batch of one run needs (workers inherit it when they are forked)."""

    select: set[str] | None
    display: Callable[[Path], str]
    sources: dict[Path, str] | None
    places: Mapping[Path, Callable[[int], str]] | None
    context: tuple[Path, ...] = ()  # analysed for their calls into the files checked, never reported
    modules: frozenset[str] = frozenset()  # a run of several batches: the module names of all its files (see _check_batch's drivers)
    skip_files: bool = True  # False: a file that skips itself is analysed, its findings silenced (`check --diff`)


@dataclass
class _Batch:
    """One batch's results, before they are merged with the other batches'."""

    # (resolved path, finding, the line of the comment silencing it or None, files that caused it: see _Raw.causes)
    found: list[tuple[Path, Finding, int | None, set[Path]]] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    checked: dict[Path, Path] = field(default_factory=dict)  # resolved -> as given
    # files the prefilter skipped: nothing in them alone can be wrong, but analysing a file that
    # imports one can find a problem there (a loss handed in through a setter); it is reported
    prefiltered: dict[Path, Path] = field(default_factory=dict)
    skipped: set[Path] = field(default_factory=set)
    internal: dict[Path, set[str]] = field(default_factory=lambda: defaultdict(set))
    files_checked: int = 0


def check_files(
    files: Iterable[Path],
    select: set[str] | None = None,
    display: Callable[[Path], str] = str,
    per_file_ignores: Callable[[Path], set[str]] = lambda p: set(),
    sources: dict[Path, str] | None = None,
    places: Mapping[Path, Callable[[int], str]] | None = None,
    jobs: int | None = None,
    context: Iterable[Path] = (),
    skip_files: bool = True,
) -> CheckResult:
    """Check ``files`` with the rules whose codes are in ``select`` (all static rules if None).

    ``sources`` gives the text to check for files that are not Python source (a notebook's
    virtual module) or not yet written (``--fix`` passes); ``places`` says how messages name a
    line of such a file (``cell 3, line 4``). ``context`` files (those that import a file named
    on its own, see lossguard.static.files.importers) are analysed after them in every batch,
    so that what their calls pass reaches the checked files; nothing in them is reported.
    ``skip_files=False``: a file with a skip-file comment is analysed too, its findings silenced
    (``CheckResult.silenced``).

    Up to ``BATCH_FILES`` files are checked together, in this process. A larger run is split
    into batches of consecutive files, each with its own project and interpreter, so memory
    does not grow with the tree; the batches run heaviest first (lossguard.static.batches) in
    ``jobs`` worker processes (default: the ``LOSSGUARD_JOBS`` environment variable, else the
    usable cores) and are merged in file order, so the findings do not depend on ``jobs`` or on
    the order they ran in. See docs/performance.md."""
    from lossguard.static import rule as rule_mod

    file_list = [Path(f) for f in files]
    chunks = batch_mod.cut(file_list, BATCH_FILES)
    # with several batches, a script may drive a module of another batch (see _check_batch)
    modules = frozenset(n for f in file_list for n in module_names(f)) if len(chunks) > 1 else frozenset()
    job = _Job(select, display, sources, places, tuple(Path(c) for c in context), modules, skip_files)
    rule_mod.PLACES.clear()
    rule_mod.PLACES.update({Path(p).resolve(): f for p, f in (places or {}).items()})
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, text.RECURSION_LIMIT))
    try:
        order = batch_mod.heaviest_first(chunks, sources) if len(chunks) > 1 else [0]
        workers = min(_jobs(jobs), len(chunks))
        if workers > 1:
            from lossguard.static.pool import run_batches

            batches = run_batches(chunks, order, job, workers)
        else:
            done = {i: check_batch(chunks[i], job, last=i == order[-1]) for i in order}
            batches = [done[i] for i in range(len(chunks))]
    finally:
        sys.setrecursionlimit(old_limit)
    return _merge(batches, display, per_file_ignores)


def _jobs(jobs: int | None) -> int:
    """How many worker processes a large run may use."""
    if jobs is None:
        env = os.environ.get(JOBS_ENV, "").strip()
        if env.isdigit() and int(env) > 0:
            jobs = int(env)
        else:
            try:
                jobs = len(os.sched_getaffinity(0))
            except AttributeError:  # pragma: no cover - not on Linux
                jobs = os.cpu_count() or 1
    return max(1, jobs)


def check_batch(files: list[Path], job: _Job, portable: bool = False, last: bool = False) -> _Batch:
    """Read, parse and analyse ``files`` with one project and interpreter; ``portable``: the
    results leave the process (fix edits are computed now, not on first use); ``last``: no
    batch follows in this process, so its memory need not be collected now.

    The cyclic garbage collector is paused while a batch runs: a batch's trees and values live
    until it ends, and the full collections that hundreds of thousands of nodes trigger rescan
    them all (a third of the CPU time of a large batch, for no memory freed: the peak is the
    same). What a batch leaves is collected when it ends (docs/performance.md, "Scale")."""
    meter = Meter()
    with text.gc_paused():
        out = _check_batch(files, job, portable)
    if not last:
        gc.collect()  # modules, trees and values form cycles: free them before the next batch
    meter.done(files, len(out.checked))
    return out


def _check_batch(files: list[Path], job: _Job, portable: bool) -> _Batch:
    from lossguard.static import rule as rule_mod
    from lossguard.static.files import import_words, imports_any, module_keys

    raw: list[_Raw] = []
    analysis: dict[str, Any] = {}
    current: list[Path] = []  # the file being analysed, for internal errors
    out = _Batch()
    internal = out.internal

    def analyser() -> tuple[Any, Any]:
        """The project and interpreter, built (and the analysis imported) on first need."""
        if not analysis:
            from lossguard.static.interp import Interpreter
            from lossguard.static.project import Project

            rule_classes = rule_mod.all_rules()
            codes = set(rule_classes) if job.select is None else {c for c in rule_classes if c in job.select}

            def report(code: str, node: ast.AST, ctx: ev.Context, message: str, fix: Fix | None = None, severity: str | None = None) -> None:
                modules = (ctx.callsite[0] if ctx.callsite is not None else None, ctx.forwarded_by, *rule_mod.EVIDENCE)
                causes = tuple({Path(m.path).resolve() for m in modules if m is not None and m is not ctx.module})
                passed = rule_mod.passed_by_caller(node, ctx) if ctx.forwarded_by is None else None
                caller = (passed[0], passed[1], ctx.func) if passed is not None and ctx.func is not None else None
                raw.append(_Raw(code, node, ctx.module, message, fix, severity, causes, caller))

            dispatch: dict[type, list[Callable[[Any], None]]] = defaultdict(list)
            for code in sorted(codes):
                rule = rule_classes[code](report)
                for etype, meth in rule_mod.HANDLERS.items():
                    handler = getattr(rule, meth, None)
                    if handler is not None:
                        dispatch[etype].append(handler)

            def sink(event: object) -> None:
                ctx = getattr(event, "ctx", None)
                rule_mod.REPORTING[0] = ctx.module if ctx is not None else None
                for handler in dispatch.get(type(event), ()):
                    rule_mod.EVIDENCE.clear()
                    try:
                        handler(event)
                    except Exception as exc:  # noqa: BLE001 - a rule bug must not stop the run
                        owner = getattr(handler, "__self__", handler)
                        code = getattr(owner, "code", type(owner).__name__)
                        internal[current[-1] if current else Path("?")].add(f"rule {code}: {type(exc).__name__}: {exc}")

            project = Project()
            analysis.update(project=project, interp=Interpreter(project, sink))
        return analysis["project"], analysis["interp"]

    def analyse(resolved: Path, path: Path, source: str, tree: ast.Module, checked: bool = True) -> None:
        project, interp = analyser()
        info = project.load(resolved, source, tree=tree)
        if checked:
            out.checked[resolved] = path
        current.append(resolved)
        interp.spent = 0  # each file its own budget of contexts (interp.calls.CONTEXT_BUDGET)
        try:
            interp.analyze_module(info)
        except Exception:  # noqa: BLE001 - a context file's failure is not the checked files' concern
            if checked:
                raise
        finally:
            current.pop()

    def analyse_checked(resolved: Path, path: Path, source: str, tree: ast.Module) -> None:
        try:
            analyse(resolved, path, source, tree)
        except RecursionError:
            out.errors.append(
                FileError(
                    display(path),
                    "an expression nested too deeply to analyse (a sum or call chain thousands of terms long); the file was not checked",
                )
            )
            out.skipped.add(resolved)
        except Exception as exc:  # noqa: BLE001 - report, keep checking the other files
            out.errors.append(FileError(display(path), f"internal error ({type(exc).__name__}: {exc}); please report it"))
            out.skipped.add(resolved)

    display, sources, places = job.display, job.sources, job.places
    # prefiltered files that call into what they import, with those imports; not their trees (a
    # batch would hold the whole tree of every such file until its end: most of them drive
    # nothing, and the few that do are parsed again)
    drivers: list[tuple[Path, Path, str, frozenset[str]]] = []
    libraries: list[tuple[Path, frozenset[str]]] = []  # prefiltered files that drive nothing themselves
    callers: list[tuple[Path, Path, frozenset[Imported]]] = []  # prefiltered files calling functions they import (trainer_imports)
    for path in files:
        resolved = path.resolve()
        out.files_checked += 1
        source = sources.get(path) if sources else None
        if source is None:
            try:
                source = text.read(path)
            except text.SourceError as exc:
                out.errors.append(FileError(display(path), str(exc)))
                continue
        try:
            tree = text.parse(source)
        except ValueError as exc:
            reason = _where(str(exc), places, path)
            out.errors.append(FileError(display(path), reason if "not checked" in reason else f"{reason}; the file was not checked"))
            continue
        if job.skip_files and "skip-file" in source and noqa.suppressions(source).skip_file:
            continue
        if not needs_analysis(source):
            out.prefiltered[resolved] = path  # not analysed on its own; see _merge
            names = imported_names(tree, every=pytest_driven(path, tree))
            if names:
                drivers.append((resolved, path, source, names))
            else:
                libraries.append((path, imported_names(tree, every=True)))
                called = called_imports(tree)
                if called:
                    callers.append((resolved, path, called))
            continue
        analyse_checked(resolved, path, source, tree)
    # a prefiltered file that imports a module analysed in this batch drives it (main.py:
    # `import model, train; train.dann(model.Classifier(), ...)`): analyse it after the others.
    # A module of the run in another batch counts too: its findings raised here are reported
    # with its own file's, and no other batch would analyse this script.
    # (or a library module of this batch the prefilter skipped that imports one: see bridged)
    analysed = {name for p in out.checked for name in module_names(p)}
    driven = bridged(analysed | job.modules, libraries) if drivers else analysed | job.modules
    for resolved, path, source, names in drivers:
        if drives(names, driven):
            analyse_checked(resolved, path, source, text.parse(source))  # parsed before: it parses
    # a prefiltered module calling a training function it imports from a module analysed here
    # (a federated client's `fit` calling `train(self.net, ...)`): what it passes is the model
    trained = training_functions(analyser()[0].load(p) for p in out.checked) if callers and out.checked else frozenset()
    for resolved, path, called in callers:
        if called & trained:
            source = (sources.get(path) if sources else None) or text.read(path)
            analyse_checked(resolved, path, source, text.parse(source))  # read and parsed before
    modules = module_keys(files) | module_keys(list(job.context)) if job.context else set()  # (importers of importers)
    for path in job.context:
        try:
            source = (sources or {}).get(path) or text.read(path)  # (a notebook's code cells)
            if not imports_any(import_words(source.encode("utf-8", "surrogateescape")), modules):
                continue  # imports none of this batch's files
            tree = text.parse(source)
        except ValueError:  # (SourceError is one) not checked, so not reported either
            continue
        if job.skip_files and "skip-file" in source and noqa.suppressions(source).skip_file:
            continue
        if needs_analysis(source) or drives(imported_names(tree, every=pytest_driven(path, tree)), analysed):  # as for a checked file
            analyse(path.resolve(), path, source, tree, checked=False)
    if analysis and out.checked:
        # module classes that inherit a checked mixin's methods, from modules only imported (round 27)
        project, interp = analyser()
        interp.spent = 0
        current.append(next(iter(out.checked)))
        try:
            names = interp.mixin_names(set(out.checked))
            if names:
                # a checked file the prefilter skipped that subclasses one (a model file the run only
                # reaches through importlib): loaded, so that its classes run the mixin's methods
                subclassing = re.compile(r"class\s+\w+\s*\([^)]*\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b")
                for resolved, path in list(out.prefiltered.items()):
                    source = (sources.get(path) if sources else None) or text.read(path)
                    if subclassing.search(source):
                        project.load(resolved, source, tree=text.parse(source))
            interp.run_mixins_of_loaded(set(out.checked))
            # classes of the checked files given objects by their constructions (interp.handed_objects, round 29)

            def load_naming(names: list[str]) -> None:
                # a file that names a class and cannot be read or parsed raises: the pass stops (its constructions unseen)
                word = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
                for resolved, path in list(out.prefiltered.items()):
                    source = (sources.get(path) if sources else None) or text.read(path)
                    if word.search(source):
                        project.load(resolved, source, tree=text.parse(source))

            interp.run_handed_objects(set(out.checked), load_naming)
        except Exception:  # noqa: BLE001 - an extra pass must not fail the files already checked
            pass
        finally:
            current.pop()
    out.found = _findings(raw, out.checked, display, internal, portable)
    raw.clear()
    analysis.clear()
    return out


def _merge(batches: list[_Batch], display: Callable[[Path], str], per_file_ignores: Callable[[Path], set[str]]) -> CheckResult:
    """One result from the batches, in file order: a finding counts when its file was checked
    (in any batch) and its analysis did not fail, or when a checked file caused it in a file
    that was not checked: a call in a checked file raised it in a function there (pre-commit
    names only the changed files; a caller that stops applying a sigmoid makes an unchanged
    helper's loss call wrong), a checked file's thin wrapper forwarded it to its caller there,
    or its message names a site in a checked file (a softmax added to model.py makes train.py's
    cross-entropy wrong). It is then reported in that file, without a fix. The first finding at
    a place wins."""
    result = CheckResult()
    checked: dict[Path, Path] = {}
    skipped: set[Path] = set()
    internal: dict[Path, set[str]] = defaultdict(set)
    prefiltered: dict[Path, Path] = {}
    for b in batches:
        checked.update(b.checked)
        prefiltered.update(b.prefiltered)
        skipped |= b.skipped
        result.errors.extend(b.errors)
        result.files_checked += b.files_checked
        for path, messages in b.internal.items():
            internal[path] |= messages
    for path in [p for p in internal if p not in checked and p != Path("?")]:
        del internal[path]  # a module no batch checked: not reported
    reported = {**prefiltered, **checked}  # a finding in a prefiltered file is reported too
    seen: set[tuple] = set()
    for b in batches:
        for path, f, silenced, causes in b.found:
            if path in skipped:
                continue
            if path not in reported:
                via = sorted(c for c in causes if c in reported and c not in skipped)
                if not via:
                    continue
                f = dataclasses.replace(f, autofix=None, via=display(reported[via[0]]))
            key = (path, f.line, f.col, f.code)
            if key in seen:
                continue
            seen.add(key)
            if f.code in per_file_ignores(reported.get(path, path)):
                continue
            name = display(reported.get(path, path))
            if silenced is not None:
                result.silenced.append((dataclasses.replace(f, path=name, autofix=None), silenced))
                continue
            result.findings.append(f if f.path == name else dataclasses.replace(f, path=name))
    for path, messages in sorted(internal.items()):
        for msg in sorted(messages):
            result.errors.append(FileError(display(checked.get(path, path)), f"internal error in {msg}; please report it"))
    result.findings.sort(key=lambda f: (f.path, f.line, f.col, f.code))
    return result


def _where(reason: str, places: Mapping[Path, Callable[[int], str]] | None, path: Path) -> str:
    """A parse error's ``line N`` named as the file's places name it (a notebook cell)."""
    describe = (places or {}).get(path)
    if describe is None or not reason.startswith("syntax error at line "):
        return reason
    rest = reason[len("syntax error at line ") :]
    number, _, tail = rest.partition(",")
    return f"syntax error at {describe(int(number))},{tail}" if number.isdigit() else reason


def _reported_once(raw: list[_Raw]) -> list[_Raw]:
    """One finding per bug: a finding on a value a function was given (a parameter of the body
    analysed for one call) is left out where that call already carries a finding of the same
    rule: the caller's finding, on the argument it passes, is the bug's place (the one inside is
    the same value reaching the loss one call deeper). Elsewhere it stays where the loss takes it,
    its message naming the call it came from (rule.via_caller)."""
    if not any(r.caller is not None for r in raw):
        return raw
    from lossguard.static.rule import passed_argument

    found: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)  # (module, code) -> (line, column) found at
    for r in raw:
        if r.caller is None and hasattr(r.node, "lineno"):
            found[(id(r.module), r.code)].append((r.node.lineno, getattr(r.node, "col_offset", 0)))

    def at_the_call(r: _Raw) -> bool:
        """The caller's argument for this parameter (the whole call where it cannot be told) holds
        a finding of the same rule."""
        assert r.caller is not None
        module, call, func = r.caller
        arg = passed_argument(r.node, func, call) or call  # type: ignore[arg-type]  # (a Name: rule.passed_by_caller)
        start, end = (arg.lineno, arg.col_offset), (arg.end_lineno or arg.lineno, arg.end_col_offset or 0)
        return any(start <= at <= end for at in found.get((id(module), r.code), ()))

    return [r for r in raw if r.caller is None or not at_the_call(r)]


def _findings(
    raw: list[_Raw],
    checked: dict[Path, Path],
    display: Callable[[Path], str],
    internal: dict[Path, set[str]],
    portable: bool,
) -> list[tuple[Path, Finding, int | None, set[Path]]]:
    """The batch's findings in every module its analysis reached (another batch may check
    that module), with the line of the suppression comment that silences each (None: none
    does) and the files that caused it (see _Raw.causes)."""
    seen: dict[tuple, set[Path]] = {}
    suppressions: dict[Path, noqa.Suppressions] = {}
    out: list[tuple[Path, Finding, int | None, set[Path]]] = []
    for r in _reported_once(raw):
        path = r.module.path
        try:
            pos = r.module.position(r.node)
        except Exception as exc:  # noqa: BLE001 - a node the rule made up: report, keep the rest
            internal[path].add(f"rule {r.code}: {type(exc).__name__}: {exc}")
            continue
        if pos is None:
            continue
        key = (path, pos.start.line, pos.start.column, r.code)
        if key in seen:
            seen[key].update(r.causes)
            continue
        causes = seen[key] = set(r.causes)
        marks = suppressions.get(path)
        if marks is None:
            marks = suppressions[path] = noqa.suppressions(r.module.source)
        # (a file that skips itself is skipped also where another file's analysis reaches it)
        silenced = marks.silenced_at(pos.start.line, pos.end.line, r.code)
        problem = catalog.PROBLEMS[r.code]
        autofix = _resolve_fix(r.fix, r.module) if r.fix is not None and silenced is None else None
        if autofix is not None and portable:
            autofix = _portable_fix(autofix)
        out.append(
            (
                path,
                Finding(
                    path=display(checked.get(path, path)),
                    line=pos.start.line,
                    col=pos.start.column + 1,
                    end_line=pos.end.line,
                    end_col=pos.end.column + 1,
                    code=r.code,
                    name=problem.name,
                    severity=r.severity or problem.severity,
                    message=r.message,
                    fix=problem.fix,
                    autofix=autofix,
                ),
                silenced,
                causes,
            )
        )
    return out


def _portable_fix(fix: ResolvedFix) -> ResolvedFix:
    """The same fix with its edits computed now, so that it can be pickled to another process."""
    from lossguard.static.fix import ResolvedFix

    return ResolvedFix(fix.title, fix.applicability, functools.partial(tuple, fix.edits))


def _resolve_fix(fix: Fix, module: ModuleInfo) -> ResolvedFix | None:
    from lossguard.static.fix import ResolvedFix, TextEdit

    positions = [module.position(e.node) for e in fix.edits]
    if any(p is None for p in positions):
        return None

    def make() -> tuple[TextEdit, ...] | None:
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, text.RECURSION_LIMIT))
        try:
            return build()
        except (RecursionError, MemoryError):
            return None  # too deep to render: the finding stays, without a fix
        finally:
            sys.setrecursionlimit(old)

    def build() -> tuple[TextEdit, ...] | None:
        offsets = module.line_offsets()
        table = text.LineTable(module.source)
        edits: list[TextEdit] = []
        for e, pos in zip(fix.edits, positions):
            assert pos is not None  # checked above
            try:
                new = e.text if isinstance(e.text, str) else e.text()
            except Exception:  # noqa: BLE001 - a fix that cannot be rendered is dropped, the finding stays
                return None
            start = offsets[pos.start.line - 1] + pos.start.column
            end = offsets[pos.end.line - 1] + pos.end.column
            new = _same_endings(new, module.source[start:end], table.newline(pos.start.line))
            if e.insert_after:
                edits.append(TextEdit(end, end, new, pos.end.line, pos.end.column + 1, pos.end.line, pos.end.column + 1))
            else:
                edits.append(TextEdit(start, end, new, pos.start.line, pos.start.column + 1, pos.end.line, pos.end.column + 1))
        return tuple(edits)

    return ResolvedFix(fix.title, fix.applicability, make)


def _same_endings(new: str, replaced: str, default: str) -> str:
    """Fix text with the line endings of the text it replaces (renderers write ``\\n``)."""
    if "\n" not in new and "\r" not in new:
        return new
    m = text.LineTable(replaced)
    nl = next((e for e in m.endings if e), default)
    return text.split_lines_join(new, nl)
