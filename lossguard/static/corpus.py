"""Score the checker against a corpus of files annotated with ``# expect: LGxxx`` markers.

Used by the test suite and by ``python -m lossguard.static.corpus PATH`` to print precision
and recall per rule.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lossguard.static.engine import check_files
from lossguard.static.testing import expected_findings


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    mismatches: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def precision(self, code: str | None = None) -> float:
        tp = self.tp[code] if code else sum(self.tp.values())
        fp = self.fp[code] if code else sum(self.fp.values())
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, code: str | None = None) -> float:
        tp = self.tp[code] if code else sum(self.tp.values())
        fn = self.fn[code] if code else sum(self.fn.values())
        return tp / (tp + fn) if tp + fn else 1.0


def score(root: Path, exclude: tuple[str, ...] = ()) -> Score:
    """Check every file under ``root`` in one run, as a user would check their repository.

    ``exclude`` names sub-folders of ``root`` to leave out."""
    files = sorted(p for p in root.rglob("*.py") if not any(part in exclude for part in p.relative_to(root).parts[:1]))
    result = check_files(files, display=str)
    s = Score()
    s.errors = [f"{e.path}: {e.reason}" for e in result.errors]
    actual: dict[str, set[tuple[int, str]]] = {}
    for f in result.findings:
        actual.setdefault(str(Path(f.path)), set()).add((f.line, f.code))
    for path in files:
        expected = expected_findings(path.read_text(encoding="utf-8"))
        got = actual.get(str(path), set())
        for _line, code in expected & got:
            s.tp[code] += 1
        for line, code in sorted(got - expected):
            s.fp[code] += 1
            s.mismatches.append(f"false alarm   {path}:{line} {code}")
        for line, code in sorted(expected - got):
            s.fn[code] += 1
            s.mismatches.append(f"missed        {path}:{line} {code}")
    return s


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path("tests/corpus")
    s = score(root)
    codes = sorted(set(s.tp) | set(s.fp) | set(s.fn))
    print(f"{'code':6} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for c in codes:
        print(f"{c:6} {s.tp[c]:>4} {s.fp[c]:>4} {s.fn[c]:>4} {s.precision(c):>9.3f} {s.recall(c):>7.3f}")
    print(f"{'all':6} {sum(s.tp.values()):>4} {sum(s.fp.values()):>4} {sum(s.fn.values()):>4} {s.precision():>9.3f} {s.recall():>7.3f}")
    for m in s.mismatches:
        print(m)
    for e in s.errors:
        print("error", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
