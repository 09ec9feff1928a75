"""The catalog of problems lossguard knows about, shared by the static checker and the watcher.

Every problem has a stable code. Codes are part of the public interface: never renumber or
reuse one. ``LG0xx`` are found by reading code, ``LG1xx`` by watching a training run; some
``LG0xx`` misuses are also caught at runtime by the watcher.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[str, ...] = get_args(Severity)  # mildest first
# How both consoles (the checker's report, the watcher's alerts) colour a severity (rich styles).
SEVERITY_STYLES: dict[str, str] = {"info": "bold blue", "warning": "bold yellow", "error": "bold red"}
FixSafety = Literal["safe", "unsafe", "none"]


@dataclass(frozen=True)
class Problem:
    """One entry of the catalog: everything a user needs to understand a finding."""

    code: str
    name: str
    summary: str
    why: str
    fix: str
    example: str
    use_instead: str
    misfires: str
    severity: Severity = "error"
    fix_safety: FixSafety = "none"
    fix_safety_note: str = ""
    severity_note: str = ""  # cases of the problem reported at another severity than ``severity``
    references: tuple[str, ...] = field(default_factory=tuple)

    @property
    def kind(self) -> str:
        return "runtime" if self.code.startswith("LG1") else "static"


# Static findings of these severities fail `lossguard check` (exit status 1); info findings are
# reported without failing the run (read by cli.fails and by the pages).
FAILING_SEVERITIES: frozenset[str] = frozenset({"warning", "error"})


def fails_run_sentence() -> str:
    """What severities do to the exit status, for the pages."""
    failing = " or ".join(sorted(FAILING_SEVERITIES))
    return f"Findings of severity {failing} fail `lossguard check` (exit status 1); info findings are reported without failing it."


def _load() -> dict[str, Problem]:
    from lossguard.catalog import loop_problems, runtime_problems, static_problems

    problems: dict[str, Problem] = {}
    for p in sorted((*static_problems.PROBLEMS, *loop_problems.PROBLEMS, *runtime_problems.PROBLEMS), key=lambda p: p.code):
        if p.code in problems:
            raise RuntimeError(f"duplicate catalog code {p.code}")
        problems[p.code] = p
    return problems


PROBLEMS: dict[str, Problem] = _load()
BY_NAME: dict[str, Problem] = {p.name: p for p in PROBLEMS.values()}


def of_kind(kind: str) -> list[Problem]:
    """The problems the static checker reports (``"static"``) or the watcher detects (``"runtime"``), by code."""
    return [p for p in PROBLEMS.values() if p.kind == kind]


def get(code_or_name: str) -> Problem:
    """Look a problem up by code (``LG001``, case-insensitive) or name (``double-softmax``)."""
    key = code_or_name.strip()
    problem = PROBLEMS.get(key.upper()) or BY_NAME.get(key.lower())
    if problem is None:
        raise KeyError(key)
    return problem


def render_page(problem: Problem) -> str:
    """Render a problem's documentation page as Markdown (used by `explain`, docs and SARIF)."""
    parts = [
        f"# {problem.code} {problem.name}",
        "",
        f"*{problem.summary}*",
        "",
        f"Severity: {problem.severity}. "
        + (f"{problem.severity_note} " if problem.severity_note else "")
        + ("Found by the static checker." if problem.kind == "static" else "Detected at runtime by the watcher.")
        + (f" {fails_run_sentence()}" if problem.kind == "static" else ""),
        "",
        "## What it finds",
        "",
        problem.summary,
        "",
        "## Why is this bad?",
        "",
        problem.why,
        "",
        "## Example",
        "",
        "```python",
        problem.example.strip("\n"),
        "```",
        "",
        "## Use instead",
        "",
        "```python",
        problem.use_instead.strip("\n"),
        "```",
        "",
        "## The fix",
        "",
        problem.fix,
        "",
        "## When it can misfire",
        "",
        problem.misfires,
    ]
    if problem.kind == "static":
        safety = {"safe": "safe", "unsafe": "unsafe (changes values)", "none": "no automatic fix"}[problem.fix_safety]
        parts += ["", "## Fix safety", "", f"Automatic fix: {safety}." + (f" {problem.fix_safety_note}" if problem.fix_safety_note else "")]
    if problem.references:
        parts += ["", "## References", ""] + [f"- {r}" for r in problem.references]
    return "\n".join(parts) + "\n"
