"""LG106 exploding-gradients: the gradient norm leaves its usual range, updates rival the weights, or clipping hides a divergence."""

from __future__ import annotations

import math
from collections import deque

from lossguard.catalog.update_sizes import HEALTHY_BAND
from lossguard.runtime.detectors.advice import capital, change_lr
from lossguard.runtime.detectors.base import (
    Detector,
    Finding,
    Param,
    Run,
    Saved,
    SlidingMax,
    StepStats,
    at_least,
    diff_noise,
    fmt,
    median,
    quantile,
)


class ExplodingGradients(Detector):
    """Two tests on the unscaled total gradient norm, one on the size of the updates, one on clipped divergence.

    Relative: log(norm) is more than max(log ``factor``, ``sigma`` noise units) above the
    ``quantile`` of the last ``window`` measured norms (noise: MAD of step-to-step differences),
    once ``min_steps`` norms are known. The reference is a high quantile, not the median:
    recurrent networks have heavy-tailed norms (an LSTM's vary tenfold from step to step once it
    learns), while an explosion leaves even the largest recent norms far behind. Absolute: the
    norm is more than ``max_ratio`` times the weight norm, an update no learning rate can use,
    from the first step on, unless the last dense layer's update at that step was measured and moved it
    by under ``max_update`` of its norm: an adaptive optimizer (Adam) divides the gradient by its own
    scale, and a loss weighted by 1e10 (fast_neural_style's style term) gives gradients thousands of
    times the weights' norm with updates of 0.09 and less. Reported norms enter the window clipped to the threshold;
    ``cooldown`` steps separate two reports. A relative jump that did not reach the weights is no
    explosion: when the last dense layer's update at that step is within ``absorbed`` times the
    median of its recent measurements and the step's loss is not above the median of the recent
    losses, the optimizer normalised the larger gradient (Adam and its kin) while the loss held or
    fell: a network leaving a flat start or a saddle (a U-Net under BCE + Dice whose norm grows 24x
    from its flat start's 0.11 in 24 steps, its head's update 1.4x, its loss falling from 0.85 to
    0.66). It is not reported and enters the window as measured. Under SGD the update grows with
    the gradient, and a loss that rises with the norm is reported as before; without a measured
    update (a hand-written update) the test is unchanged.

    Updates: the watcher measures the last dense layer's relative update |dW| / |W| (on the steps
    whose gradient norms are measured, ``optimizer_side.GRAD_EARLY`` and ``GRAD_EVERY``; ``GRAD_SPARSE``
    on a healthy CPU run with the default cadence). Healthy training moves it by 0.001-0.05 per step; a
    learning rate far too high moves it by 0.3-1 while the loss merely wanders near chance, with
    no spike and no large gradient. Reported when the median of the last ``update_window``
    measurements exceeds ``max_update`` and the later half of them has not decayed below
    ``decay`` times the earlier half: a zero-initialised layer also starts with huge ratios, but
    they fall like 1/t as its norm grows. And the loss must not be making progress: the median
    of the latest ``update_window // 2`` losses is above ``1 - progress`` times that of the first
    ones. A freshly initialised head on good features also moves by a fifth of its norm per step
    for a while, but its loss falls at once.

    Clipped divergence: ``clip_grad_norm_`` pins the measured norm at its ``max_norm`` and hides
    an explosion from both norm tests. When the last ``pinned`` measured norms agree within
    0.1% (clipping is active on every step) and the median of the last ``diverge_window`` losses
    is more than ``diverge`` times the median of the first ones (and above the chance level,
    when known), the learning rate is too large for clipping to save: reported once per episode.
    The first ones, here and for progress, are the run's start: the first ``update_window // 2``
    losses up to the first one over ``left_start`` times the first loss (a loss that jumped at
    step 1 or 2 left its start there; tiny-diffusion at AdamW 1.0 then sits at 1e3-1e6, far above
    its first loss 1.02 and far below the median 1.6e17 of its first four).
    """

    code = "LG106"
    window = Param("positive_int", 50, "measured norms in the reference")
    min_steps = Param("positive_int", 10, "measured norms before the relative test starts")
    factor = Param("positive_float", 20.0, "a norm this many times the reference quantile is an explosion")
    sigma = Param("positive_float", 6.0, "...or this many noise units above it (log scale), whichever is larger")
    max_ratio = Param("positive_float", 1000.0, "a norm this many times the weight norm is an explosion from step 0")
    cooldown = Param("non_negative_int", 10, "steps between two reports")
    max_update = Param("positive_float", 0.2, "median last-layer |dW|/|W| per step above which updates are too large")
    update_window = Param("positive_int", 8, "update measurements in that median (at least 2)")
    decay = Param("fraction", 0.7, "updates whose later half fell below this share of the earlier half are decaying (a new layer)")
    quantile = Param("fraction", 0.9, "the reference quantile of the recent norms")
    progress = Param("fraction", 0.1, "a loss this fraction below its start is making progress")
    diverge = Param("above_one", 2.0, "a loss this many times its start, with clipping active, has diverged")
    diverge_window = Param("positive_int", 16, "losses in the median compared with the start")
    pinned = Param("positive_int", 4, "latest measured norms that must agree for clipping to count as active (at least 2)")
    absorbed = Param("above_one", 3.0, "a norm jump whose last-layer update stays within this many times its recent median did not reach the weights")
    left_start = Param("above_one", 10.0, "a loss among the first ones this many times the first one has left the run's start")

    saved = (
        Saved("updates", "window"),
        Saved("first_losses", "numbers"),
        Saved("recent_losses", "window"),
        Saved("logs", "window"),
        Saved("norms", "window"),
        Saved("cooldown_left", "int"),
        Saved("reports", "int"),
        Saved("diverged", "bool"),
    )

    def validate(self) -> None:
        at_least("update_window", self.update_window, 2, "2 measurements")
        at_least("pinned", self.pinned, 2, "2 measurements")

    def reset(self) -> None:
        self.updates: deque[float] = deque(maxlen=self.update_window)
        self.first_losses: list[float] = []
        self.recent_losses: deque[float] = deque(maxlen=max(self.diverge_window, self.update_window // 2))
        self.logs: deque[float] = deque(maxlen=self.window)
        self._least = SlidingMax(self.window)  # -min(self.logs), kept as logs are appended
        self.norms: deque[float] = deque(maxlen=self.pinned)
        self.cooldown_left = 0
        self.reports = 0
        self.diverged = False

    def loaded(self) -> None:
        self._least = SlidingMax(self.window, [-v for v in self.logs])

    def _latest(self, n: int) -> list[float]:
        vals = list(self.recent_losses)
        return vals[-n:] if n else []

    def _updates_too_large(self, ratio: float | None) -> float | None:
        """The median relative update when the updates are persistently as large as the weights."""
        if ratio is None or not math.isfinite(ratio):
            return None
        self.updates.append(ratio)
        if len(self.updates) < self.update_window:
            return None
        vals = list(self.updates)
        level = median(vals)
        half = len(vals) // 2
        if level > self.max_update and median(vals[half:]) >= self.decay * median(vals[:half]) and not self._progressing():
            return level
        return None

    def _update_held(self, ratio: float | None, loss: float | None) -> bool:
        """Whether this step's last-layer update stayed within ``absorbed`` times the median of the earlier
        measurements (at least 2) while its loss is not above the median of the recent losses."""
        if ratio is None or not math.isfinite(ratio) or len(self.updates) < 2 or loss is None or not math.isfinite(loss):
            return False
        usual = median(list(self.updates))
        return usual > 0 and ratio <= self.absorbed * usual and bool(self.recent_losses) and loss <= median(list(self.recent_losses))

    def _update_small(self, ratio: float | None) -> bool:
        """Whether the last dense layer's update at this step was measured and is under ``max_update`` of its norm."""
        return ratio is not None and math.isfinite(ratio) and ratio < self.max_update

    def _start(self) -> list[float]:
        """The run's start: the first losses up to the first one over ``left_start`` times the first loss. A loss
        that jumps within the first steps (tiny-diffusion at AdamW 1.0: 1.02, then 7.4e11 at step 1) has left its
        start there, and a median that takes the jump in (1.6e17) hides every level the run sits at afterwards."""
        first = self.first_losses
        if first and first[0] > 0:
            for k, value in enumerate(first):
                if value > self.left_start * first[0]:
                    return first[:k]
        return first

    def _progressing(self) -> bool:
        half = max(1, self.update_window // 2)
        if len(self.first_losses) < half or len(self.recent_losses) < half:
            return False
        start, now = median(self._start()[:half]), median(self._latest(half))
        return start > 0 and now < (1.0 - self.progress) * start

    def _clipped_divergence(self, chance: float | None) -> tuple[float, float, float] | None:
        """(loss level, start, pinned norm) when clipping is active and the loss sits far above its start."""
        if len(self.norms) < self.pinned or len(self.recent_losses) < self.diverge_window or not self.first_losses:
            return None
        top, low = max(self.norms), min(self.norms)
        if low <= 0 or top > low * 1.001:
            return None
        start = median(self._start())
        level = median(self._latest(self.diverge_window))
        if start <= 0 or level <= self.diverge * start or (chance is not None and math.isfinite(chance) and level <= chance):
            if start > 0 and level < 0.5 * (1.0 + self.diverge) * start:
                self.diverged = False
            return None
        return level, start, median(self.norms)

    def absorb(self, run: Run, i: int) -> int:
        """Plain steps keep their losses; none while clipped divergence was found (update()
        tests every step then whether it is over)."""
        losses = run.losses
        n = len(losses)
        if self.diverged:
            return i
        if i < n:
            room = max(1, self.update_window // 2) - len(self.first_losses)
            if room > 0:
                self.first_losses.extend(losses[i : i + room])
            self.recent_losses.extend(losses[i:] if i else losses)
        return n

    def update(self, stats: StepStats) -> Finding | None:
        loss = stats.loss
        if loss is not None and math.isfinite(loss):
            if len(self.first_losses) < max(1, self.update_window // 2):
                self.first_losses.append(loss)
            self.recent_losses.append(loss)
        norm = stats.grad_norm
        above = False  # over the relative test's first bound (below)
        if norm is not None and math.isfinite(norm) and norm > 0:
            self.norms.append(norm)
            # the limit below is at least min(logs) + log(factor) (its quantile is at least the minimum): a norm
            # under that bound is under the limit, without the sorting that computes it. Asked here, before this
            # step's update enters its window, since only a norm above it needs _update_held (which reads the
            # updates before this one); nothing in between changes the logs
            above = len(self.logs) >= self.min_steps and math.log(norm) > -self._least.value() + math.log(self.factor)
        held = above and self._update_held(stats.update_ratio, loss)
        big_update = self._updates_too_large(stats.update_ratio)
        if big_update is not None:
            if self.cooldown_left > 0:
                self.cooldown_left -= 1
                return None
            self.cooldown_left = self.cooldown
            self.reports += 1
            self.updates.clear()
            return Finding(
                f"Step {stats.step}: each optimizer step changes the last layer's weights by {fmt(big_update)} of their "
                f"norm (median of the last {self.update_window} measurements; healthy training: about {HEALTHY_BAND}), "
                f"learning rate {fmt(stats.lr)}: the learning rate is far too high.",
                {"update_ratio": big_update, "grad_norm": stats.grad_norm, "lr": stats.lr},
                fix=f"{capital(change_lr(stats.lr, more=True, moved=big_update, evidence=self.evidence, step=stats.step))}: each update moves the last layer by "
                f"{fmt(big_update)} of its weights, where healthy training moves it by {HEALTHY_BAND}.",
            )
        if not self.diverged and norm is not None and math.isfinite(norm) and norm > 0:
            diverged = self._clipped_divergence(stats.chance_loss)
            if diverged is not None:
                level, start, pinned = diverged
                self.diverged = True
                self.reports += 1
                return Finding(
                    f"Step {stats.step}: the loss has stayed at {fmt(level)}, {fmt(level / start)}x its start {fmt(start)}, for the "
                    f"last {self.diverge_window} steps while the gradient norm is pinned at {fmt(pinned)} (gradient clipping is "
                    f"active on every step): training has diverged and clipping hides the explosion. Learning rate: {fmt(stats.lr)}.",
                    {"loss": level, "start": start, "grad_norm": pinned, "lr": stats.lr},
                    fix=f"{capital(change_lr(stats.lr, more=True, evidence=self.evidence, step=stats.step))}, or lengthen its warm-up: clipping bounds "
                    "each gradient, not the damage a learning rate this large does (chosen because the loss stays far above "
                    "its start while clipping is active on every step).",
                )
        elif self.diverged:
            self._clipped_divergence(stats.chance_loss)
        if norm is None or not math.isfinite(norm) or norm <= 0:
            return None
        log_norm = math.log(norm)
        reason = None
        limit = None
        if above:
            # refreshed at every measurement (the gradient norms' cadence): a reference
            # computed from the first steps alone would judge a run that has since started to learn
            vals = list(self.logs)
            centre = quantile(vals, self.quantile)
            limit = centre + max(math.log(self.factor), self.sigma * diff_noise(vals))
            if log_norm > limit and not held:
                reason = f"{fmt(norm / math.exp(centre))}x the {round(100 * self.quantile)}th percentile {fmt(math.exp(centre))} of its recent values"
        ratio = stats.grad_to_weight
        if reason is None and ratio is not None and math.isfinite(ratio) and ratio > self.max_ratio and not self._update_small(stats.update_ratio):
            reason = f"{fmt(ratio)}x the weight norm"
        kept = min(log_norm, limit) if (reason and limit is not None) else log_norm
        self.logs.append(kept)
        self._least.push(-kept)
        if self.cooldown_left > 0:
            self.cooldown_left -= 1
        if reason is None or self.cooldown_left > 0:
            return None
        self.cooldown_left = self.cooldown
        self.reports += 1
        # the factor follows the largest update measured lately, as LG102's and LG105's fixes of the same run
        # do: this step's alone is relative to weights an update already blew up (a multi-task regression at
        # Adam 1: 52 of the head's norm at step 0 made it 50x larger, so step 1's 0.74 of it said "to 0.06"
        # and LG102, a step later, "to 0.001")
        moved = max(self.updates) if self.updates else None
        return Finding(
            f"Step {stats.step}: the gradient norm is {fmt(norm)}, {reason}.",
            {"grad_norm": norm, "grad_to_weight": ratio, "lr": stats.lr},
            fix=f"{capital(change_lr(stats.lr, moved=moved, evidence=self.evidence, step=stats.step))}, add a warm-up, and clip the gradient norm "
            "(`torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)`).",
        )
