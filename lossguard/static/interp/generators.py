"""Generator functions of the checked code: a ``for`` over a call of one binds what it yields.

Round 32 (dbiir/UER-py's regression script, a fix commit's parent): the batches of a training loop come
from a generator function of the project rather than from a ``DataLoader``::

    def batch_loader(batch_size, src, tgt, seg):
        for i in range(instances_num // batch_size):
            tgt_batch = tgt[i * batch_size : (i + 1) * batch_size]
            ...
            yield src_batch, tgt_batch, seg_batch

    for i, (src_batch, tgt_batch, seg_batch) in enumerate(batch_loader(batch_size, src, tgt, seg)):
        loss = train_model(args, model, optimizer, scheduler, src_batch, tgt_batch, seg_batch)

A call of such a function runs its body as any call does, and gives a :class:`~lossguard.static.values.Yielded`
of the value all its ``yield`` expressions agree on (their join); iterating it (``for``, ``iter``/``next``)
binds that value, and ``enumerate`` of it binds ``(count, value)``. A bare ``yield``, a ``yield from`` or a
body that yields nothing the interpreter reaches gives nothing known, as before: the loop's names stay unknown.
"""

from __future__ import annotations

import ast

from lossguard.static.values import INT, UNKNOWN, TupleVal, Value, Yielded, join


def yielded(node: ast.Yield | ast.YieldFrom, value: Value | None) -> Value:
    """What one ``yield`` expression gives to the loop over its generator: its value, or nothing known
    for a bare ``yield`` or a ``yield from`` (whose items come from another iterable)."""
    if isinstance(node, ast.YieldFrom) or value is None:
        return UNKNOWN
    return value


def generator_call(yields: list[Value]) -> Value:
    """What a call of a generator function gives, from the values its ``yield`` expressions gave."""
    if not yields:
        return UNKNOWN
    item = yields[0]
    for v in yields[1:]:
        item = join(item, v)
    return UNKNOWN if item is UNKNOWN else Yielded(item)


def enumerated(pos: list[Value], kw: dict[str, Value]) -> Value | None:
    """``enumerate(gen)``, ``enumerate(gen, 1)`` or ``enumerate(gen, start=1)`` of a generator's call: a
    :class:`Yielded` of ``(count, item)``; None for anything else (handled as before)."""
    if not pos or not isinstance(pos[0], Yielded) or len(pos) > 2 or set(kw) - {"start"} or len(pos) == 2 and kw:
        return None
    return Yielded(TupleVal((INT, pos[0].item)))
