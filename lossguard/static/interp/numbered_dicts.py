"""Dicts keyed by integers: ``MODELS = {0: [AlexNet, "AlexNet"]}``, then ``MODELS[idx][0]``.

Round 30 (realcode_fix20, calmiLovesAI/Image_Classification.pytorch): a model factory picks a class
from a registry numbered by the index the user types (``MODELS[int(input())][0]``); the dict literal
had only string keys modelled (:class:`DictVal`), so an integer-keyed one was unknown and the model
built from it, whose ``forward`` ends in ``nn.Softmax``, never reached the rules. A dict literal
whose every key is an integer written as a number is a :class:`NumberedDict`: a literal key reads
its item (a key it does not hold reads unknown), any other key reads the join of the items (what
holds for each of them), as ``DictVal`` does for a string key the checker cannot know.
"""

from __future__ import annotations

from lossguard.static.values import UNKNOWN, Const, NumberedDict, Value, int_const, join


def numbered_literal(keys: list[Value | None], items: list[Value]) -> NumberedDict | None:
    """The dict literal with these keys (None for a ``**`` splat) and items, when every key is an
    integer and no key repeats; None otherwise."""
    numbers = [int_const(k) for k in keys]
    if not numbers or any(n is None for n in numbers) or len(set(numbers)) != len(numbers):
        return None
    return NumberedDict(tuple(sorted((n, item) for n, item in zip(numbers, items) if n is not None)))


def numbered_item(base: NumberedDict, key: Value) -> Value:
    """``base[key]``: the item at a literal integer key; for a key not written as a literal, what
    every item has in common; unknown for any other literal (``d["a"]`` raises on it)."""
    if not base.items:
        return UNKNOWN
    if isinstance(key, Const):
        number = int_const(key)
        return dict(base.items).get(number, UNKNOWN) if number is not None else UNKNOWN
    result = base.items[0][1]
    for _, item in base.items[1:]:
        result = join(result, item)
    return result
