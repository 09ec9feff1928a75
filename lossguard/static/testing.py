"""Run rule examples (see :mod:`lossguard.static.examples`) and code annotated with ``# expect: LGxxx``."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from pathlib import Path

from lossguard.static.engine import check_files
from lossguard.static.examples import Example, Invalid, Valid, code_of
from lossguard.static.finding import Finding
from lossguard.static.sources import split_lines

_EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>LG\d{3}(?:\s*,\s*LG\d{3})*)")


def expected_findings(source: str) -> set[tuple[int, str]]:
    """(line, code) pairs marked in ``source``, its lines counted as the checker counts them
    (:func:`lossguard.static.sources.split_lines`: a form feed in a comment is no line break)."""
    out: set[tuple[int, str]] = set()
    for lineno, text in enumerate(split_lines(source), start=1):
        m = _EXPECT.search(text)
        if m:
            out |= {(lineno, c.strip()) for c in m.group("codes").split(",")}
    return out


def actual_findings(paths: list[Path]) -> dict[Path, set[tuple[int, str]]]:
    found: dict[Path, set[tuple[int, str]]] = {p: set() for p in paths}
    for f in _check(paths):
        found.setdefault(Path(f.path), set()).add((f.line, f.code))
    return found


def project_findings(directory: Path, files: Mapping[str, str]) -> tuple[set[tuple[str, int, str]], set[tuple[str, int, str]]]:
    """Write ``files`` (relative path -> code marked with ``# expect:``) under ``directory``, check
    them together, and return the marked and the found (path, line, code) triples."""
    paths = []
    expected: set[tuple[str, int, str]] = set()
    for rel, code in files.items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        source = source_of(code)
        path.write_text(source)
        paths.append(path)
        expected |= {(rel, line, c) for line, c in expected_findings(source)}
    found = actual_findings(paths)
    actual = {(str(p.relative_to(directory)), line, c) for p, hits in found.items() for line, c in hits}
    return expected, actual


def _check(paths: list[Path]) -> list[Finding]:
    result = check_files(paths, display=str)
    if result.errors:
        raise AssertionError(f"lossguard could not check: {result.errors}")
    return result.findings


def source_of(code: str) -> str:
    """An example's code as it is written to a file: dedented, without the leading blank line."""
    return textwrap.dedent(code).lstrip("\n")


def run_example(rule_code: str, example: Example, valid: bool, directory: Path) -> list[str]:
    """Check one example of the rule ``rule_code``; return what is wrong with it (empty: it passes).

    VALID: no finding at all unless marked (a valid example of one rule may still mark another
    rule's finding). INVALID: exactly the marked findings plus, for :class:`Invalid`, the one at
    its line and column, with its message fragment and its fix."""
    source = source_of(code_of(example))
    path = directory / "example.py"
    path.write_text(source, encoding="utf-8")
    findings = _check([path])
    actual = {(f.line, f.code) for f in findings}
    expected = expected_findings(source)
    problems: list[str] = []
    if valid:
        if isinstance(example, Invalid):
            problems.append("an Invalid example is listed in VALID")
        if any(code == rule_code for _, code in expected):
            problems.append(f"a VALID example of {rule_code} marks a {rule_code} finding")
    elif isinstance(example, Invalid):
        expected.add((example.line, rule_code))
        problems += _check_invalid(rule_code, example, source, findings)
    elif isinstance(example, Valid):
        problems.append("a Valid example is listed in INVALID")
    elif not any(code == rule_code for _, code in expected):
        problems.append(f"the INVALID example marks no {rule_code} finding")
    if actual != expected:
        missing, extra = sorted(expected - actual), sorted(actual - expected)
        problems.append(f"findings (line, code) differ: missing {missing}, unexpected {extra}")
        problems += [f"  found {f.line}:{f.col} {f.code} {f.message}" for f in findings]
    return problems


def _check_invalid(rule_code: str, example: Invalid, source: str, findings: list[Finding]) -> list[str]:
    from lossguard.static.fix import apply

    own = [f for f in findings if f.code == rule_code]
    at = [f for f in own if f.line == example.line]
    if not at:
        return []  # reported as a missing (line, code) by the caller
    problems: list[str] = []
    hit = next((f for f in at if f.col == example.col), None)
    if hit is None:
        problems.append(f"{rule_code} at line {example.line} is at column {', '.join(str(f.col) for f in at)}, not {example.col}")
        hit = at[0]
    if example.message not in hit.message:
        problems.append(f"message {hit.message!r} does not contain {example.message!r}")
    if example.severity is not None and hit.severity != example.severity:
        problems.append(f"severity is {hit.severity}, not {example.severity}")
    fixes = [f.autofix for f in own if f.autofix is not None and f.autofix.edits]
    if example.fixed is None:
        if fixes:
            problems.append(f"the rule offers a fix ({fixes[0].title!r}) but the example gives no fixed code")
        return problems
    if not fixes:
        return [*problems, "the example gives fixed code but the rule offers no fix"]
    if hit.autofix is None or example.fix_title is None or example.fix_title not in hit.autofix.title:
        title = hit.autofix.title if hit.autofix is not None else None
        problems.append(f"fix title {title!r} does not contain {example.fix_title!r}")
    fixed, _ = apply(source, fixes)
    if fixed != source_of(example.fixed):
        problems.append(f"the fix gives:\n{fixed}\nnot:\n{source_of(example.fixed)}")
    return problems


def fix_applicabilities(rule_code: str, example: Example, directory: Path) -> set[str]:
    """The applicability ("safe"/"unsafe") of every fix the rule offers on the example's code."""
    path = directory / "example.py"
    path.write_text(source_of(code_of(example)), encoding="utf-8")
    return {f.autofix.applicability for f in _check([path]) if f.code == rule_code and f.autofix is not None and f.autofix.edits}
