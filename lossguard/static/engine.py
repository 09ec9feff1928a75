"""Run the rules over files: parse, interpret, collect findings, apply suppressions."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from typing import TYPE_CHECKING, Any

from lossguard import catalog
from lossguard.static.finding import FileError, Finding
from lossguard.static.prefilter import needs_analysis

if TYPE_CHECKING:  # pragma: no cover
    import ast

    from lossguard.static import events as ev
    from lossguard.static.fix import Fix, ResolvedFix
    from lossguard.static.project import ModuleInfo

_HANDLERS = {
    "LossCall": "on_loss_call",
    "TorchCall": "on_torch_call",
    "Accumulate": "on_accumulate",
    "Backward": "on_backward",
    "LoopSummary": "on_loop",
}

_SUPPRESS = re.compile(
    r"#\s*(?:lossguard\s*:\s*ignore(?:\[(?P<lg>[^\]]*)\])?|noqa(?::\s*(?P<nq>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*))?)",
    re.IGNORECASE,
)
_SKIP_FILE = re.compile(r"^#\s*lossguard\s*:\s*skip-file\b", re.MULTILINE)


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
) -> CheckResult:
    """Check ``files`` with the rules whose codes are in ``select`` (all static rules if None)."""
    raw: list[_Raw] = []
    internal_errors: set[str] = set()
    file_list = [Path(f) for f in files]
    analysis: dict[str, Any] = {}

    def analyser() -> tuple[Any, Any, Any]:
        """The project, interpreter and ParseFailure, built (and the analysis imported) on first need."""
        if not analysis:
            from lossguard.static.interp import Interpreter
            from lossguard.static.project import ParseFailure, Project
            from lossguard.static.rule import all_rules

            rule_classes = all_rules()
            codes = set(rule_classes) if select is None else {c for c in rule_classes if c in select}

            def report(code: str, node: ast.AST, ctx: ev.Context, message: str, fix: Fix | None = None, severity: str | None = None) -> None:
                raw.append(_Raw(code, node, ctx.module, message, fix, severity))

            dispatch: dict[str, list[Callable[[Any], None]]] = defaultdict(list)
            for code in sorted(codes):
                rule = rule_classes[code](report)
                for etype, meth in _HANDLERS.items():
                    handler = getattr(rule, meth, None)
                    if handler is not None:
                        dispatch[etype].append(handler)

            def sink(event: object) -> None:
                for handler in dispatch.get(type(event).__name__, ()):
                    try:
                        handler(event)
                    except Exception as exc:  # noqa: BLE001 - a rule bug must not stop the run
                        owner = getattr(handler, "__self__", handler)
                        internal_errors.add(f"{type(owner).__name__}: {type(exc).__name__}: {exc}")

            project = Project()
            analysis.update(project=project, interp=Interpreter(project, sink), failure=ParseFailure)
        return analysis["project"], analysis["interp"], analysis["failure"]

    result = CheckResult()
    checked: dict[Path, Path] = {}
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 8000))
    try:
        for path in file_list:
            resolved = path.resolve()
            result.files_checked += 1
            source = sources.get(path) if sources else None
            if source is None:
                try:
                    data = path.read_bytes()
                except OSError as exc:
                    result.errors.append(FileError(display(path), f"cannot read file: {exc.strerror or exc}"))
                    continue
                try:
                    source = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    result.errors.append(FileError(display(path), f"not valid UTF-8 ({exc.reason} at byte {exc.start})"))
                    continue
            if _SKIP_FILE.search(source):
                continue
            if not needs_analysis(source):
                continue
            project, interp, parse_failure = analyser()
            try:
                info = project.load(resolved, source)
            except parse_failure as exc:
                result.errors.append(FileError(display(path), exc.reason))
                continue
            checked[resolved] = path
            try:
                interp.analyze_module(info)
            except RecursionError:
                result.errors.append(FileError(display(path), "internal error: the code is nested too deeply to analyse"))
            except Exception as exc:  # noqa: BLE001 - report, keep checking the other files
                result.errors.append(FileError(display(path), f"internal error ({type(exc).__name__}: {exc}); please report it"))
    finally:
        sys.setrecursionlimit(old_limit)

    seen: set[tuple] = set()
    for r in raw:
        if r.module.path not in checked:
            continue
        pos = r.module.position(r.node)
        if pos is None:
            continue
        key = (r.module.path, pos.start.line, pos.start.column, r.code)
        if key in seen:
            continue
        seen.add(key)
        if _suppressed(r.module, pos.start.line, pos.end.line, r.code):
            continue
        if r.code in per_file_ignores(checked[r.module.path]):
            continue
        problem = catalog.PROBLEMS[r.code]
        result.findings.append(
            Finding(
                path=display(checked[r.module.path]),
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
    for msg in sorted(internal_errors):
        result.errors.append(FileError("<lossguard>", f"internal error in a rule ({msg}); please report it"))
    result.findings.sort(key=lambda f: (f.path, f.line, f.col, f.code))
    return result


def _resolve_fix(fix: Fix, module: ModuleInfo) -> ResolvedFix | None:
    from lossguard.static.fix import ResolvedFix, TextEdit

    positions = [module.position(e.node) for e in fix.edits]
    if any(p is None for p in positions):
        return None

    def make() -> tuple[TextEdit, ...] | None:
        offsets = module.line_offsets()
        edits: list[TextEdit] = []
        for e, pos in zip(fix.edits, positions):
            assert pos is not None  # checked above
            try:
                text = e.text if isinstance(e.text, str) else e.text()
            except Exception:  # noqa: BLE001 - a fix that cannot be rendered is dropped, the finding stays
                return None
            start = offsets[pos.start.line - 1] + pos.start.column
            end = offsets[pos.end.line - 1] + pos.end.column
            if e.insert_after:
                edits.append(TextEdit(end, end, text, pos.end.line, pos.end.column + 1, pos.end.line, pos.end.column + 1))
            else:
                edits.append(TextEdit(start, end, text, pos.start.line, pos.start.column + 1, pos.end.line, pos.end.column + 1))
        return tuple(edits)

    return ResolvedFix(fix.title, fix.applicability, make)


def _suppressed(module: ModuleInfo, start: int, end: int, code: str) -> bool:
    lines = module.lines()
    for lineno in {start, end}:
        if not 1 <= lineno <= len(lines):
            continue
        text = lines[lineno - 1]
        if "#" not in text:
            continue
        for m in _SUPPRESS.finditer(text):
            listed = m.group("lg") if m.group("lg") is not None else m.group("nq")
            if listed is None or not listed.strip():
                return True
            if code in {c.strip().upper() for c in listed.split(",")}:
                return True
    return False
