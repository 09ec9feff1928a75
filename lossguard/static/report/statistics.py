"""``--statistics``: how many findings of each code, most frequent first."""

from __future__ import annotations

import json
from collections import Counter

from rich.console import Console
from rich.table import Table

from lossguard.static.finding import Finding
from lossguard.static.report.machine import NOT_CHECKED


def counts(findings: list[Finding]) -> list[tuple[str, str, int]]:
    """(code, name, count), most frequent first, then by code."""
    names = {f.code: f.name for f in findings}
    tally = Counter(f.code for f in findings)
    return sorted(((c, names[c], n) for c, n in tally.items()), key=lambda t: (-t[2], t[0]))


def to_json(findings: list[Finding], not_checked: int = 0) -> str:
    """The counts; ``not_checked`` files, when any, as a last row with code null (as in the JSON report)."""
    rows: list[dict[str, object]] = [{"code": c, "name": name, "count": n} for c, name, n in counts(findings)]
    if not_checked:
        rows.append({"code": None, "name": NOT_CHECKED, "count": not_checked})
    return json.dumps(rows, indent=2) + "\n"


def render(console: Console, findings: list[Finding]) -> None:
    table = Table(show_header=False, show_edge=False, box=None, pad_edge=False)
    table.add_column(justify="right")
    table.add_column()
    table.add_column()
    for code, name, n in counts(findings):
        table.add_row(str(n), code, name)
    console.print(table)
