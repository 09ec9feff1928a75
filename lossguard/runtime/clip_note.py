"""Tell the user once that ``grad_norm/total`` reads the clip value: the gradients are clipped before the step.

The watcher measures the gradients as the optimizer receives them, at its pre-step hook. A script
that calls ``clip_grad_norm_(params, max_norm)`` between ``backward()`` and ``step()`` rescales
them to ``max_norm`` whenever their norm is larger, so the measured total is ``max_norm`` to
float precision at every such step, and the TensorBoard series ``lossguard/grad_norm/total`` is a
flat line at the clip value. That is the norm the update used, and no number is changed; the note
says what the flat line means. LG106 already reads a pinned norm as clipping
(``ExplodingGradients.pinned``, 0.1% over 4 measurements); the note asks for more (1e-4).
"""

from __future__ import annotations

from collections import deque

from lossguard.runtime.detectors.base import fmt
from lossguard.runtime.sinks import GRAD_NORM


class ClippedNorm:
    """Whether the last ``agree`` measured total gradient norms are one value (within ``rtol``)."""

    def __init__(self, agree: int = 4, rtol: float = 1e-4) -> None:
        self.agree, self.rtol = agree, rtol
        self.recent: deque[float] = deque(maxlen=agree)

    def pinned(self, norm: float) -> bool:
        """Add a measured total norm; True when it and the ``agree - 1`` before it are one value."""
        if not norm > 0.0 or norm == float("inf"):
            self.recent.clear()
            return False
        self.recent.append(norm)
        return len(self.recent) == self.agree and max(self.recent) <= min(self.recent) * (1.0 + self.rtol)


def clip_note(step: int, norm: float, agree: int) -> str:
    """The note, once per run: the series is the clip value, not the norm before clipping."""
    return (
        f"lossguard: the total gradient norm read {fmt(norm)} at each of the last {agree} measured steps (to step {step}): "
        f"the script clips the gradients (clip_grad_norm_) before optimizer.step(), and lossguard reads them as the "
        f"optimizer gets them, so {GRAD_NORM}total shows the clip value wherever clipping acts, not the norm before "
        f"clipping. Nothing is changed; LG106 reports a divergence that clipping hides from the loss."
    )
