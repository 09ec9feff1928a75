"""Which lines of a file's new text are not in its old text, in bounded time, for ``--diff REF``.

difflib's ``SequenceMatcher`` (without its junk heuristic, which would count lines as changed
that are not) finds a longest matching of the two texts, but its time grows with the square of
the number of equal lines: 2,000 copies of one line took 1.3 s, 8,000 took 20 s, and a pull
request that changes one line of a 10 MB file of repeated lines would stall the job for hours.
So the lines both texts start and end with are matched first (a one-line edit of any file costs
one pass), and difflib only compares what is left when that is small; a larger middle is
compared by its lines that occur once in each text (patience diff, as ``git diff --patience``),
in the order both have them, and the stretches between them again, within a work budget (a
stretch without such a line matches each new line with the next equal old one).

Any lines matched are in both texts in the same order; a line left unmatched counts as changed,
so a finding on it is reported. Where the budget runs out the rest counts as changed: a false
"new" on a pathological file, never a finding hidden.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter

SMALL = 1_000_000  # (old lines) x (new lines) that difflib compares: about 0.3 s at its worst (1,000 equal lines)
BUDGET_PER_LINE = 20  # line visits allowed per line of the two texts, beyond which the rest counts as changed


def changed_lines(old: list[str], new: list[str]) -> set[int]:
    """The 1-based numbers of the lines of ``new`` that a matching with ``old`` leaves unmatched
    (edited or inserted)."""
    matched: set[int] = set()
    budget = BUDGET_PER_LINE * (len(old) + len(new)) + SMALL
    todo = [(0, len(old), 0, len(new))]
    while todo:
        a_lo, a_hi, b_lo, b_hi = todo.pop()
        while a_lo < a_hi and b_lo < b_hi and old[a_lo] == new[b_lo]:
            matched.add(b_lo)
            a_lo, b_lo = a_lo + 1, b_lo + 1
        while a_lo < a_hi and b_lo < b_hi and old[a_hi - 1] == new[b_hi - 1]:
            matched.add(b_hi - 1)
            a_hi, b_hi = a_hi - 1, b_hi - 1
        if a_lo == a_hi or b_lo == b_hi:
            continue
        size = (a_hi - a_lo) * (b_hi - b_lo)
        if size <= SMALL and size <= budget:
            budget -= size
            blocks = difflib.SequenceMatcher(a=old[a_lo:a_hi], b=new[b_lo:b_hi], autojunk=False).get_matching_blocks()
            for _i, j, n in blocks:
                matched.update(range(b_lo + j, b_lo + j + n))
            continue
        budget -= (a_hi - a_lo) + (b_hi - b_lo)
        if budget < 0:
            continue  # counted as changed
        anchors = _unique_in_order(old, a_lo, a_hi, new, b_lo, b_hi)
        if not anchors:  # no line occurs once in each: each line of new takes the next equal line of old
            matched.update(_in_turn(old, a_lo, a_hi, new, b_lo, b_hi))
            continue
        prev_a, prev_b = a_lo, b_lo
        for i, j in anchors:
            matched.add(j)
            todo.append((prev_a, i, prev_b, j))
            prev_a, prev_b = i + 1, j + 1
        todo.append((prev_a, a_hi, prev_b, b_hi))
    return {j + 1 for j in range(len(new)) if j not in matched}


def _in_turn(old: list[str], a_lo: int, a_hi: int, new: list[str], b_lo: int, b_hi: int) -> list[int]:
    """The lines of ``new[b_lo:b_hi]`` matched, in order, each with the first equal line of
    ``old[a_lo:a_hi]`` after the last one taken (a common subsequence, not the longest: for a
    stretch of repeated lines, such as a file of one line written 10,000 times with a line added
    above and below it)."""
    where: dict[str, list[int]] = {}
    for i in range(a_lo, a_hi):
        where.setdefault(old[i], []).append(i)
    taken: list[int] = []
    at = a_lo
    for j in range(b_lo, b_hi):
        places = where.get(new[j])
        if places is None:
            continue
        k = bisect.bisect_left(places, at)
        if k < len(places):
            taken.append(j)
            at = places[k] + 1
    return taken


def _unique_in_order(old: list[str], a_lo: int, a_hi: int, new: list[str], b_lo: int, b_hi: int) -> list[tuple[int, int]]:
    """The pairs (i, j) of lines that occur exactly once in ``old[a_lo:a_hi]`` and once in
    ``new[b_lo:b_hi]``, equal, the longest run of them in the same order in both."""
    in_old = Counter(old[a_lo:a_hi])
    in_new = Counter(new[b_lo:b_hi])
    where_old = {old[i]: i for i in range(a_lo, a_hi) if in_old[old[i]] == 1 and in_new[old[i]] == 1}
    pairs = [(where_old[new[j]], j) for j in range(b_lo, b_hi) if new[j] in where_old]
    # the longest increasing run of old positions (pairs are in new's order), by patience sorting
    tails: list[int] = []  # tails[k]: old position ending the best run of length k + 1
    ends: list[int] = []  # index in pairs of that run's end
    back: list[int] = []  # each pair's predecessor in its run
    for n, (i, _j) in enumerate(pairs):
        k = bisect.bisect_left(tails, i)
        back.append(ends[k - 1] if k else -1)
        if k == len(tails):
            tails.append(i)
            ends.append(n)
        else:
            tails[k] = i
            ends[k] = n
    run: list[tuple[int, int]] = []
    n = ends[-1] if ends else -1
    while n >= 0:
        run.append(pairs[n])
        n = back[n]
    return run[::-1]
