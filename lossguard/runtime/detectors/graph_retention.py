"""LG006 graph-retention at runtime: a loss whose autograd graph outlives its step.

The static rule LG006 reads the loop's text; this detector sees the real thing. On sampled
criterion calls (the watcher's ``check_first``/``check_every`` calls) it hangs a
:class:`~lossguard.runtime.collect.Sentinel` on the loss's ``grad_fn``: the sentinel lives
exactly as long as that graph. Something that keeps loss tensors (``total += loss``,
``losses.append(loss)``) keeps their graphs, and with them the sentinel, alive. When a step
ends, a sentinel still alive ``steps`` steps after its own step is the finding.

Per call this costs nothing unless the call is sampled (then one ``register_hook``, no device
work); per step one look at a short list while sentinels are pending, and none at all once
the finding is made (it is reported once per run).
"""

from __future__ import annotations

import weakref
from collections import deque

import torch

from lossguard.runtime.collect import Sentinel
from lossguard.runtime.detectors.base import Detector, Finding, Param, Saved, StepStats

# Sentinels pending at most (sampled calls are few: the first 5, then one in 100).
_KEPT = 64


class GraphRetention(Detector):
    """Finds loss tensors that keep their autograd graph alive for ``steps`` steps or more.

    ``watch(loss, step)`` is called by the watcher on sampled criterion calls; ``check(step)``
    when step ``step`` has ended. ``update`` (the per-step statistics every detector gets) has
    nothing to add: what is retained is seen from the graph, not from numbers.
    """

    code = "LG006"
    steps = Param("positive_int", 3, "steps a loss's graph may outlive its own step before it counts as kept")

    # the sentinels belong to live graphs of this process: only the verdict is saved
    saved = (Saved("reported", "bool"),)

    def reset(self) -> None:
        self.kept: deque[tuple[int, weakref.ref[Sentinel]]] = deque(maxlen=_KEPT)
        self.reported = False

    def watch(self, loss: torch.Tensor, step: int) -> None:
        """Hang a sentinel on ``loss``'s graph (a loss with no graph has nothing to keep)."""
        fn = loss.grad_fn
        if fn is None or self.reported:
            return
        sentinel = Sentinel()
        fn.register_hook(sentinel)
        self.kept.append((step, weakref.ref(sentinel)))

    def forget(self, step: int) -> None:
        """Stop watching the losses of step ``step``: an optimizer holds them on purpose (L-BFGS's
        ``step(closure)`` keeps its first evaluation's loss, with its graph, to return it)."""
        self.kept = deque(((s, r) for s, r in self.kept if s != step), maxlen=_KEPT)

    def check(self, step: int) -> Finding | None:
        """Step ``step`` has ended: a graph of step ``step - steps + 1`` or older still alive is kept."""
        if self.reported:
            self.kept.clear()
            return None
        alive = [(s, r) for s, r in self.kept if r() is not None]
        self.kept = deque(alive, maxlen=_KEPT)
        old = [s for s, _ in alive if s <= step + 1 - self.steps]
        if not old:
            return None
        self.reported = True
        self.kept.clear()
        return Finding(
            f"The loss of step {old[0]} still holds its autograd graph {step - old[0]} steps later: "
            "something keeps the loss tensors (`total += loss`, `losses.append(loss)`), and memory grows every step.",
            {"kept_since_step": old[0]},
        )

    def update(self, stats: StepStats) -> Finding | None:
        return None

    def loaded(self) -> None:
        self.kept.clear()
