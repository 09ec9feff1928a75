"""Which of REF's files a file the change adds was moved from when the move also edited it
(``git mv`` and an import line changed), by the share of lines the two have in common, as git's
rename detection pairs files by similarity (50% by default).

``--diff REF`` then compares the file with that one: a line it keeps from it is unchanged, and a
finding there is hidden only when REF's check of REF's tree gave the same finding (code, scope
and statement text) in that file, each of REF's findings hiding at most one. So a wrong pair
cannot hide a bug REF did not have: at worst a finding REF had, in the same code in a function of
the same name, in the file paired. A file unpaired counts as changed throughout, as before.
"""

from __future__ import annotations

import posixpath
from collections import Counter

SIMILARITY = 0.5  # lines in common / lines of the longer file (git's -M default: 50%)
MAX_PAIRS = 2_500  # added x gone files compared at most (git's diff.renameLimit, smaller): beyond, no pairing


def similar_pairs(added: dict[str, str], gone: dict[str, str]) -> dict[str, str]:
    """For each name in ``added`` (a file the change adds, by its text) the name in ``gone`` (a
    file REF has that the work tree no longer has) it was moved from: the most similar one of the
    same suffix, at least ``SIMILARITY`` alike, each of ``gone`` paired once (the best pairs
    first, a same file name before another). Empty when there are too many files to compare."""
    if not added or not gone or len(added) * len(gone) > MAX_PAIRS:
        return {}
    new_lines = {name: _lines(text) for name, text in added.items()}
    old_lines = {name: _lines(text) for name, text in gone.items()}
    scored: list[tuple[float, bool, str, str]] = []
    for new, mine in new_lines.items():
        for old, theirs in old_lines.items():
            if posixpath.splitext(new)[1] != posixpath.splitext(old)[1]:
                continue
            longer = max(sum(mine.values()), sum(theirs.values()))
            if not longer:
                continue
            score = sum((mine & theirs).values()) / longer
            if score >= SIMILARITY:
                scored.append((score, posixpath.basename(new) == posixpath.basename(old), new, old))
    scored.sort(key=lambda s: (-s[0], not s[1], s[2], s[3]))
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    for _score, _same_name, new, old in scored:
        if new not in pairs and old not in taken:
            pairs[new] = old
            taken.add(old)
    return pairs


def _lines(text: str) -> Counter[str]:
    """A file's lines, without their indentation and blank lines, counted."""
    return Counter(stripped for line in text.splitlines() if (stripped := line.strip()))
