"""Broadcasting where one operand's rank is not known (round 37): what the result's trailing sizes certainly are.

Broadcasting aligns two shapes from the right; at each position the result has the size that is not 1 (torch raises
when two sizes differ and neither is 1). Where one operand's shape is not known at all (a tensor from a replay buffer,
a value the checker cannot follow: it may also be a Python number, which keeps the other's shape) or only its trailing
sizes are, a position the known operand fills with a size that is not 1 keeps that size in the result: a literal other
than 1, or a symbolic size (a name the code writes, presumed above 1 as LG005 presumes of batch sizes). A size of 1, or
one not known, leaves the result's size there unknown; the result's rank is at least the longer shape's, so it is
kept as trailing sizes only (``rank_known`` False). A DQN's TD target ``rewards + gamma * next_q.max(1)[0]``, the
rewards of unknown shape, ends in the batch's length ``(..., N)``; ``rewards + gamma * torch.zeros((B, 1))`` is
``(..., B, ?)``.

The length of a vector (a known rank of 1) that is not known is kept as :data:`values.VECTOR_LENGTH`, presumed above
1: a vector is a batch, as LG005 reads an ``(N, 1)`` against an ``(N,)`` of unknown ``N``."""

from __future__ import annotations

from lossguard.static.values import VECTOR_LENGTH, Dim, Shape

_OPEN = object()  # a position before the known trailing sizes of a shape whose rank is not known: any size, or none
_ABSENT = object()  # a position before the first axis of a shape whose rank is known: broadcast as a size of 1


def _above_one(d: Dim) -> bool:
    return isinstance(d, str) or isinstance(d, int) and d != 1


def _at(shape: Shape, i: int) -> object:
    if i <= len(shape.dims):
        d = shape.dims[-i]
        if d is None and shape.rank_known and len(shape.dims) == 1:
            return VECTOR_LENGTH
        return d
    return _ABSENT if shape.rank_known else _OPEN


def _combined(x: object, y: object) -> Dim:
    """The result's size at one position from the operands' (a size, :data:`_OPEN` or :data:`_ABSENT`)."""
    if x is _ABSENT or y is _ABSENT:
        other = y if x is _ABSENT else x
        return None if other is _OPEN else other  # type: ignore[return-value]
    if x is _OPEN or y is _OPEN:
        other = y if x is _OPEN else x
        return other if other is not _OPEN and _above_one(other) else None  # type: ignore[arg-type,return-value]
    if x == y:
        return x  # type: ignore[return-value]
    if x == 1 or x is None:
        return y if _above_one(y) else None  # type: ignore[arg-type,return-value]
    if y == 1 or y is None:
        return x if _above_one(x) else None  # type: ignore[arg-type,return-value]
    return None  # two sizes above 1 that may differ (a name and a literal): not decided here


def broadcast_with_unknown(a: Shape | None, b: Shape | None) -> Shape | None:
    """The trailing sizes certain of ``a`` broadcast with ``b``, where one of them is not known (None) or keeps only
    its trailing sizes; None where both ranks are known (``tensor_ops._broadcast_shape`` decides those), where both
    are unknown, or where nothing is known of the result's sizes."""
    if a is None and b is None or a is not None and b is not None and a.rank_known and b.rank_known:
        return None
    left = a if a is not None else Shape((), rank_known=False)
    right = b if b is not None else Shape((), rank_known=False)
    count = max(len(left.dims), len(right.dims))
    dims = tuple(reversed([_combined(_at(left, i), _at(right, i)) for i in range(1, count + 1)]))
    if all(d is None for d in dims):
        return None
    return Shape(dims, rank_known=False)
