"""The shape of elements picked by an index tensor (round 37): ``x.gather(dim, index)`` and ``x.take(index)`` return
one element per index, so their result has the index's shape whatever ``x``'s is (torch's documented semantics;
``gather`` also needs the index to have ``x``'s rank, or it raises). A DQN picks the Q-value of each sampled action as
``q.gather(1, actions)``; with ``actions`` of shape ``(N, 1)`` (``.view(-1, 1)``, ``.unsqueeze(1)``, a replay buffer's
``(capacity, 1)`` column indexed by sampled rows) that is ``(N, 1)``, and ``.squeeze(1)`` of it ``(N,)``.
``take_along_dim`` broadcasts the index against ``x`` and is not read."""

from __future__ import annotations

from lossguard.static.values import Shape, Tensor, Value

#: the position and keyword of the index among the method's arguments (the tensor itself not counted)
_INDEX_ARGUMENT: dict[str, tuple[int, str]] = {"gather": (1, "index"), "take": (0, "index")}


def gathered_shape(method: str, pos: list[Value], kw: dict[str, Value]) -> Shape | None:
    """The index's shape for ``gather`` / ``take`` given their arguments after the tensor (``dim, index``, ``index``),
    by position or keyword; None for another method, an index not known as a tensor, or one of unknown shape."""
    if method not in _INDEX_ARGUMENT:
        return None
    at, name = _INDEX_ARGUMENT[method]
    index = pos[at] if len(pos) > at else kw.get(name)
    return index.shape if isinstance(index, Tensor) else None
