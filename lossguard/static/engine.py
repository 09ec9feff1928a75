"""Run the rules over files: read, parse, interpret, collect findings, apply suppressions.

Every file given is read and parsed, whatever it contains: a file that cannot be is an error
(exit 2), never a silent pass. The prefilter (lossguard.static.prefilter) only decides whether
the parsed module needs the analysis. An exception inside the analysis or a rule is reported as
an internal error of the file being checked; the other files are still checked.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from lossguard import catalog
from lossguard.static import noqa, sources as text
from lossguard.static.finding import FileError, Finding
from lossguard.static.prefilter import drives, imported_names, module_names, needs_analysis

if TYPE_CHECKING:  # pragma: no cover
    import ast

    from lossguard.static import events as ev
    from lossguard.static.fix import Fix, ResolvedFix
    from lossguard.static.project import ModuleInfo


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
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


def check_files(
    files: Iterable[Path],
    select: set[str] | None = None,
    display: Callable[[Path], str] = str,
    per_file_ignores: Callable[[Path], set[str]] = lambda p: set(),
    sources: dict[Path, str] | None = None,
    places: Mapping[Path, Callable[[int], str]] | None = None,
) -> CheckResult:
    """Check ``files`` with the rules whose codes are in ``select`` (all static rules if None).

    ``sources`` gives the text to check for files that are not Python source (a notebook's
    virtual module) or not yet written (``--fix`` passes); ``places`` says how messages name a
    line of such a file (``cell 3, line 4``)."""
    from lossguard.static import rule as rule_mod

    raw: list[_Raw] = []
    file_list = [Path(f) for f in files]
    analysis: dict[str, Any] = {}
    current: list[Path] = []  # the file being analysed, for internal errors
    internal: dict[Path, set[str]] = defaultdict(set)

    def analyser() -> tuple[Any, Any]:
        """The project and interpreter, built (and the analysis imported) on first need."""
        if not analysis:
            from lossguard.static.interp import Interpreter
            from lossguard.static.project import Project

            rule_classes = rule_mod.all_rules()
            codes = set(rule_classes) if select is None else {c for c in rule_classes if c in select}

            def report(code: str, node: ast.AST, ctx: ev.Context, message: str, fix: Fix | None = None, severity: str | None = None) -> None:
                raw.append(_Raw(code, node, ctx.module, message, fix, severity))

            dispatch: dict[type, list[Callable[[Any], None]]] = defaultdict(list)
            for code in sorted(codes):
                rule = rule_classes[code](report)
                for etype, meth in rule_mod.HANDLERS.items():
                    handler = getattr(rule, meth, None)
                    if handler is not None:
                        dispatch[etype].append(handler)

            def sink(event: object) -> None:
                for handler in dispatch.get(type(event), ()):
                    try:
                        handler(event)
                    except Exception as exc:  # noqa: BLE001 - a rule bug must not stop the run
                        owner = getattr(handler, "__self__", handler)
                        code = getattr(owner, "code", type(owner).__name__)
                        internal[current[-1] if current else Path("?")].add(f"rule {code}: {type(exc).__name__}: {exc}")

            project = Project()
            analysis.update(project=project, interp=Interpreter(project, sink))
        return analysis["project"], analysis["interp"]

    result = CheckResult()
    checked: dict[Path, Path] = {}
    # files the prefilter skipped: nothing in them alone can be wrong, but analysing a file that
    # imports one can find a problem there (a loss handed in through a setter); it is reported
    prefiltered: dict[Path, Path] = {}
    drivers: list[tuple[Path, Path, frozenset[str]]] = []  # prefiltered files with imports
    skipped: set[Path] = set()
    rule_mod.PLACES.clear()
    rule_mod.PLACES.update({Path(p).resolve(): f for p, f in (places or {}).items()})
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, text.RECURSION_LIMIT))
    try:
        for path in file_list:
            resolved = path.resolve()
            result.files_checked += 1
            source = sources.get(path) if sources else None
            if source is None:
                try:
                    source = text.read(path)
                except text.SourceError as exc:
                    result.errors.append(FileError(display(path), str(exc)))
                    continue
            try:
                tree = text.parse(source)
            except ValueError as exc:
                result.errors.append(FileError(display(path), _where(str(exc), places, path)))
                continue
            if not needs_analysis(source):
                if not ("skip-file" in source and noqa.suppressions(source).skip_file):
                    prefiltered[resolved] = path  # not analysed on its own; see _findings below
                    imports = imported_names(tree)
                    if imports:
                        drivers.append((resolved, path, imports))
                continue
            if "skip-file" in source and noqa.suppressions(source).skip_file:
                continue
            project, interp = analyser()
            info = project.load(resolved, source, tree=tree)
            checked[resolved] = path
            current.append(resolved)
            try:
                interp.analyze_module(info)
            except RecursionError:
                result.errors.append(FileError(display(path), "internal error: the code is nested too deeply to analyse"))
                skipped.add(resolved)
            except Exception as exc:  # noqa: BLE001 - report, keep checking the other files
                result.errors.append(FileError(display(path), f"internal error ({type(exc).__name__}: {exc}); please report it"))
                skipped.add(resolved)
            finally:
                current.pop()
        # a prefiltered file that imports an analysed module drives it (main.py: `import model,
        # train; train.dann(model.Classifier(), ...)`): analyse it after the others
        analysed = {name for p in checked for name in module_names(p)}
        for resolved, path, imports in drivers:
            if not drives(imports, analysed):
                continue
            source = sources.get(path) if sources else None
            source = text.read(path) if source is None else source
            project, interp = analyser()
            info = project.load(resolved, source, tree=text.parse(source))
            checked[resolved] = path
            current.append(resolved)
            try:
                interp.analyze_module(info)
            except RecursionError:
                result.errors.append(FileError(display(path), "internal error: the code is nested too deeply to analyse"))
                skipped.add(resolved)
            except Exception as exc:  # noqa: BLE001 - report, keep checking the other files
                result.errors.append(FileError(display(path), f"internal error ({type(exc).__name__}: {exc}); please report it"))
                skipped.add(resolved)
            finally:
                current.pop()
        result.findings = _findings(raw, {**prefiltered, **checked}, skipped, display, per_file_ignores, internal)
    finally:
        sys.setrecursionlimit(old_limit)
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


def _findings(
    raw: list[_Raw],
    checked: dict[Path, Path],
    skipped: set[Path],
    display: Callable[[Path], str],
    per_file_ignores: Callable[[Path], set[str]],
    internal: dict[Path, set[str]],
) -> list[Finding]:
    seen: set[tuple] = set()
    suppressions: dict[Path, noqa.Suppressions] = {}
    out: list[Finding] = []
    for r in raw:
        path = r.module.path
        if path not in checked or path in skipped:
            continue
        try:
            pos = r.module.position(r.node)
        except Exception as exc:  # noqa: BLE001 - a node the rule made up: report, keep the rest
            internal[path].add(f"rule {r.code}: {type(exc).__name__}: {exc}")
            continue
        if pos is None:
            continue
        key = (path, pos.start.line, pos.start.column, r.code)
        if key in seen:
            continue
        seen.add(key)
        marks = suppressions.get(path)
        if marks is None:
            marks = suppressions[path] = noqa.suppressions(r.module.source)
        if marks.silences(pos.start.line, r.code) or marks.silences(pos.end.line, r.code):
            continue
        if r.code in per_file_ignores(checked[path]):
            continue
        problem = catalog.PROBLEMS[r.code]
        out.append(
            Finding(
                path=display(checked[path]),
                line=pos.start.line,
                col=pos.start.column + 1,
                end_line=pos.end.line,
                end_col=pos.end.column + 1,
                code=r.code,
                name=problem.name,
                severity=r.severity or problem.severity,
                message=r.message,
                fix=problem.fix,
                autofix=_resolve_fix(r.fix, r.module) if r.fix is not None else None,
            )
        )
    return out


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
