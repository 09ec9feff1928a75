"""lossguard.static.line_diff: the lines of a file's new text that --diff REF counts as changed."""

from __future__ import annotations

import difflib
import random
import time
from pathlib import Path

from lossguard.static.line_diff import changed_lines


def _difflib(old: list[str], new: list[str]) -> set[int]:
    out: set[int] = set()
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            out.update(range(j1 + 1, j2 + 1))
    return out


def test_ordinary_edits_count_the_lines_difflib_counts():
    """Real code with a few lines deleted, inserted or edited: the same lines as difflib's longest
    matching (which it still computes for any stretch of this size)."""
    src = (Path(__file__).parents[2] / "lossguard" / "static" / "run.py").read_text().splitlines()
    rng = random.Random(7)
    for _ in range(100):
        new = list(src)
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(new))
            op = rng.choice("dir")
            if op == "d":
                del new[i]
            elif op == "i":
                new.insert(i, rng.choice(src))
            else:
                new[i] += "  # edited"
        assert changed_lines(src, new) == _difflib(src, new)


def test_a_file_of_repeated_lines_is_compared_in_bounded_time():
    """difflib's time grows with the square of the equal lines (8,000 copies of a line: 20 s). A
    one-line edit, a line added above and below, and two unrelated texts of 200,000 lines each
    take well under a second each here; the matched lines are always in both texts in order."""
    n = 200_000
    old = ["    x = x + 1"] * n
    one = list(old)
    one[n // 2] = "    x = x + 2"
    start = time.perf_counter()
    assert changed_lines(old, one) == {n // 2 + 1}
    assert changed_lines(old, ["y", *old, "y"]) == {1, n + 2}
    mixed_old = [str(i % 3) for i in range(n)]
    mixed_new = [str(i * 7 % 5) for i in range(n)]
    changed = changed_lines(mixed_old, mixed_new)
    assert 0 < len(changed) < n  # (some lines matched, in order)
    assert time.perf_counter() - start < 30  # (minutes to hours with difflib alone)


def test_nothing_unchanged_and_everything_new():
    assert changed_lines(["a", "b"], ["a", "b"]) == set()
    assert changed_lines([], ["a", "b"]) == {1, 2}
    assert changed_lines(["a", "b"], []) == set()
    assert changed_lines(["a", "b", "c"], ["a", "x", "c"]) == {2}


def test_unique_lines_anchor_a_large_middle():
    """A middle too large for difflib is matched through the lines that occur once in each text,
    in the order both have them, and the stretches between them again: a block moved keeps one
    side's lines, every other line matched."""
    body = [f"line {i}" for i in range(3_000)]
    new = body[1_500:2_000] + body[:1_500] + body[2_000:]
    new[0] = "edited"
    changed = changed_lines(body, new)
    assert 1 in changed and len(changed) <= 501
