"""partial_broadcast.broadcast_with_unknown: the trailing sizes certain of a broadcast where one side's rank is not
known (round 37)."""

from __future__ import annotations

import pytest

from lossguard.static.partial_broadcast import broadcast_with_unknown
from lossguard.static.values import VECTOR_LENGTH, Shape


def _partial(*dims: object) -> Shape:
    return Shape(tuple(dims), rank_known=False)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a vector of unknown length with a tensor of unknown shape ends in that length, presumed above 1
        (Shape((None,)), None, _partial(VECTOR_LENGTH)),
        (None, Shape((None,)), _partial(VECTOR_LENGTH)),
        # named and literal sizes above 1 stay; a 1 or an unknown size in a matrix tells nothing
        (Shape(("batch_size", 1)), None, _partial("batch_size", None)),
        (Shape((32, 4)), None, _partial(32, 4)),
        # the trailing sizes a partial shape keeps meet the other's
        (Shape((None, 1)), _partial(1), _partial(None, 1)),
        (Shape((8, 1)), _partial(5), _partial(8, 5)),
        # nothing known of the result: no shape
        (Shape((None, 1)), None, None),
        (Shape((1,)), None, None),
        (Shape(()), None, None),
        (None, None, None),
        # both ranks known: tensor_ops._broadcast_shape decides
        (Shape((3, 1)), Shape((3,)), None),
    ],
)
def test_broadcast_with_unknown(a: Shape | None, b: Shape | None, expected: Shape | None) -> None:
    assert broadcast_with_unknown(a, b) == expected
