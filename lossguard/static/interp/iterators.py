"""Batches drawn by hand: ``next(iter(loader))`` and an iterator re-made when it runs out.

Round 19 (realcode_heldout12, AutoVC): training loops that count steps rather than epochs draw each
batch with ``next`` and start the loader again when it is exhausted::

    for i in range(num_iters):
        try:
            x, emb = next(data_iter)
        except StopIteration:          # or a bare except, as AutoVC writes it
            data_iter = iter(loader)
            x, emb = next(data_iter)

``iter`` of a data loader (or of a dataset's rows) iterates over the same items, and ``next`` of it is
one of them, as a ``for`` loop over it binds. In the idiom above the body's ``next(data_iter)`` runs
on the iterator the handler made on an earlier step (on the first step the name is unbound and the
handler runs), so where the name is not bound before the ``try``, the body reads the iterator the
handler makes. A name bound before the ``try`` keeps its own value.
"""

from __future__ import annotations

import ast

from lossguard.static.values import UNKNOWN, Batches, DatasetRows, Value, Yielded

#: values whose iteration the interpreter follows (``for x, y in loader``)
ITERABLE = (Batches, DatasetRows, Yielded)


def iterator_of(value: Value) -> Value:
    """``iter(loader)``: the loader's items, iterated the same way."""
    return value if isinstance(value, ITERABLE) else UNKNOWN


def next_of(value: Value) -> Value:
    """``next(it)`` of an iterator over a loader: one batch (one row of a dataset)."""
    if isinstance(value, Batches):
        return value.batch
    if isinstance(value, DatasetRows):
        return value.row
    if isinstance(value, Yielded):
        return value.item
    return UNKNOWN


def remade_iterators(handlers: list[ast.ExceptHandler]) -> list[tuple[ast.expr, ast.expr]]:
    """The ``it = iter(source)`` statements written directly in a ``try``'s handlers: (it, source),
    for ``it`` a plain name or ``self.<attr>``."""
    out: list[tuple[ast.expr, ast.expr]] = []
    for handler in handlers:
        for stmt in handler.body:
            if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
                continue
            target, value = stmt.targets[0], stmt.value
            if not isinstance(target, (ast.Name, ast.Attribute)) or isinstance(target, ast.Attribute) and not isinstance(target.value, ast.Name):
                continue
            if (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name)
                and value.func.id == "iter"
                and len(value.args) == 1
                and not value.keywords
            ):
                out.append((target, value.args[0]))
    return out
