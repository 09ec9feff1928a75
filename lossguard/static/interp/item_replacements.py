"""An item stored into a known Python list by its position (``outs[0] = F.log_softmax(outs[0], dim=1)``).

A network that returns a list of outputs (a segmentation head's ``[deep_supervision, full_size]``) is often turned
into log-probabilities item by item before an ``NLLLoss``. The store replaced nothing in the list the interpreter
held, so ``outs[0]`` still read the raw ``Conv2d`` output and LG007 fired on log-probabilities (round 34, a false
alarm in zhanwj/multi-task-pytorch's ``model_builder_cspn.py``). A literal integer position (negative ones counted
from the end) replaces that item; any other position could be any item, so each becomes what it and the stored value
have in common, as for a dict's unknown key (``SequencesMixin.dict_store``)."""

from __future__ import annotations

from lossguard.static.values import Const, ListOf, TupleVal, Value, join


def list_store(base: Value, index: Value, value: Value) -> Value | None:
    """The list after ``base[index] = value``; None when ``base`` is not a list of known items."""
    if isinstance(base, ListOf):
        return ListOf(join(base.item, value))
    if not isinstance(base, TupleVal):
        return None
    at = index.value if isinstance(index, Const) and type(index.value) is int else None
    if at is not None and -len(base.items) <= at < len(base.items):
        items = list(base.items)
        items[at] = value
        return TupleVal(tuple(items))
    return TupleVal(tuple(join(item, value) for item in base.items))
