"""An item of a list of like items at an index the interpreter does not know.

Round 39 (realcode_fix29, opendp/smartnoise-sdk's PATE-CTGAN at 49dde6740b): the teachers are built
as ``teachers = [disc for i in range(self.num_teachers)]`` and trained in ``for i in range(n):`` with
``criterion(teachers[i](fake), label)``. The comprehension is a :class:`ListOf` (one interpretation of
its element stands for every item), and ``teachers[0]`` already gave that item; ``teachers[i]``, with
``i`` a loop count the interpreter does not know, gave nothing, so the teacher's ``(N, 1)`` output
never reached the loss. Every item of such a list is like its ``item``, so any integer index (or one
the interpreter cannot read) names an item like it; an index that would raise on a list (a string, a
float, a tensor of booleans) yields nothing. Items that differ stay apart where they are known apart: a
literal list of two models is a tuple of values, never read at an unknown index, and a list of like
items with a different last one (:class:`~lossguard.static.interp.layer_lists.TailedList`) is left to
the interpreter's own handling.
"""

from __future__ import annotations

from lossguard.static.values import Const, IntVal, ListOf, Unknown, Value


def any_item(base: Value, index: Value) -> Value | None:
    """The item of ``base[index]`` for a list of like items and an index that is an integer or unknown;
    None for anything else (the interpreter's own handling stands)."""
    if type(base) is not ListOf:
        return None
    if isinstance(index, (IntVal, Unknown)) or (isinstance(index, Const) and type(index.value) is int):
        return base.item
    return None
