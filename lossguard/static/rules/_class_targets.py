"""What the shape of a class-index loss's target says: whether it certainly is not the shape class
indices need (LG005), nor the input's own shape, the one shape a float target of soft labels may have
(LG013)."""

from __future__ import annotations

from lossguard.static.values import Dtype, Shape


def _is_one(d: object) -> bool:
    return d == 1


def class_target_conflict(si: Shape, st: Shape, target_dtype: Dtype | None) -> bool:
    """A class-index target must have the input's shape without the class axis (dim 1). True where the
    target's shape ``st`` certainly is neither that nor (for a float target) the input's shape ``si``:
    a target of the input's rank is wrong only when it is an integer one or when its dim 1 is 1 against
    classes that are not."""
    if not st.rank_known:
        return False
    if si.rank_known:
        if len(si.dims) < 2 or len(st.dims) == len(si.dims) - 1:
            return False
        if len(st.dims) == len(si.dims):
            # same rank: only class probabilities (float, same shape) are allowed
            return target_dtype is Dtype.INT or (_is_one(st.dims[1]) and si.dims[1] is not None and not _is_one(si.dims[1]))
        return True
    # (..., C) from a linear layer: the classic (N, 1) target
    classes = si.dims[-1] if si.dims else None
    return len(st.dims) == 2 and _is_one(st.dims[-1]) and classes is not None and not _is_one(classes)
