"""LG105 vanishing-gradients: the first layers get almost no gradient compared with the last."""

from __future__ import annotations

import math
from collections import deque

from lossguard.catalog.update_sizes import CALM_UPDATE, HEALTHY_BAND, HEALTHY_UPDATE
from lossguard.runtime.detectors.advice import (
    RISE,
    capital,
    change_lr,
    early,
    go_back,
    peak_of_run,
    rise_since,
    rise_since_run,
)
from lossguard.runtime.detectors.base import Detector, Finding, Param, Run, Saved, StepStats, at_least, fmt, median

# a loss at this multiple of its first value or more: the run diverged, whatever else is measured
DIVERGED = 5.0

_DEAD = (
    "The first layer gets exactly zero gradient: every unit between it and the head is dead (ReLUs that output "
    "only zeros, typically after an update far too large or a bias initialised far negative). "
)


class VanishingGradients(Detector):
    """AUTOTRAINER's first/last-layer gradient ratio, made scale-free, judged on the body.

    The watcher measures, for the first and the last dense layer (Linear, Conv, RNN weights in
    registration order), the gradient norm relative to the weight norm, and passes their ratio
    first/last. Vanishing gradients: the median ratio over ``window`` measurements is below
    ``threshold`` (the first layer's weights move ``1/threshold`` times slower than the last
    layer's), and the ratio is not recovering: the median of the later half of the window is
    below ``rise`` times that of the earlier half (a small head growing under Adam or SGD lifts
    the ratio several-fold per window; a vanishing body keeps it flat).

    A zero-initialised head (healthy: it grows within steps) makes first/last tiny too, since
    every gradient below the head passes through its weights. When the head is small (its
    weight norm per output unit below ``small_head``; torch's default init gives about 0.58) or
    its size is not measured, the
    same must also hold against the dense layer before the last (``body_ratio``, with three or
    more dense layers): the gradient fades through the body, not only behind the head. When
    the head is of normal size, first/last alone decides: in a saturated network (a VAE whose
    units saturate) the layer before the last is starved too, and comparing with it would hide
    the problem.

    One report per episode; it re-arms when the median is back above ten times the threshold.
    The fix follows the evidence: a first layer with exactly zero gradient means dead units; a
    loss at ``DIVERGED`` times its first value or more, now (makemore's transformer at AdamW 0.5)
    or at any earlier step (PPO's tanh policy at lr x100: 19x at step 1, back down by step 11), or a
    ratio that was healthy at first and collapsed later means an update broke the network (lower
    the learning rate in force at its last healthy measurement, which a schedule may have cut by
    the report), unless no update was large (every measured one under ``CALM_UPDATE``) and the loss never
    rose to twice its first value: then nothing broke the network, its first layers stopped getting gradient
    because the loss stopped depending on the inputs (targets that do not depend on them), and the fix says
    so instead of a lower rate; a ratio small from the start means the architecture or initialisation, except in
    a model with normalisation layers (``StepStats.normalised``), where it is not reported: a
    transformer trained from scratch (Hugging Face's init, std 0.02) has its first dense layer, the
    attention's query projection, at 1e-5 of its head's share at init, and learns (round 17's
    imdb-trainer); a network with normalisation and residual paths has nothing to add.
    """

    code = "LG105"
    window = Param("positive_int", 10, "measurements in the median (at least 2)")
    threshold = Param("positive_float", 1e-3, "median first/last ratio below which gradients vanish")
    rise = Param("above_one", 1.5, "a later half this many times the earlier half is recovering")
    small_head = Param("positive_float", 0.05, "head weight norm per output unit below which the head is small (default init: 0.58)")

    saved = (
        Saved("ratios", "window"),
        Saved("body", "window"),
        Saved("first", "numbers"),
        Saved("head", "optional"),
        Saved("reported", "bool"),
        Saved("first_loss", "optional"),
        Saved("loss", "optional"),
        Saved("peak", "optional"),
        Saved("peak_step", "int"),
        Saved("since", "int"),
        Saved("peak_rise", "int"),
        Saved("first_moved", "optional"),
        Saved("healthy_lr", "optional"),
        Saved("healthy_step", "int"),
        Saved("top_moved", "optional"),
    )

    def validate(self) -> None:
        at_least("window", self.window, 2, "2 measurements")

    def reset(self) -> None:
        self.ratios: deque[float] = deque(maxlen=self.window)
        self.body: deque[float] = deque(maxlen=self.window)
        self.first: list[float] = []
        self.head: float | None = None
        self.reported = False
        self.first_loss: float | None = None
        self.loss: float | None = None
        self.peak: float | None = None
        self.peak_step = 0
        # the step the loss's current stretch at twice its first value began, and that of the peak's
        self.since = -1
        self.peak_rise = 0
        # the largest relative update of the last layer over the first measurements: the update that killed
        # units moved it most (dead units move nothing afterwards, so the update at the report says nothing)
        self.first_moved: float | None = None
        # the learning rate at the latest healthy ratio (ten times the threshold or more) and its step: the rate the
        # collapse after it happened under (a schedule may have lowered it by the report: Pytorch-UNet's plateau cuts)
        self.healthy_lr: float | None = None
        self.healthy_step = -1
        # the largest measured relative update of the last layer in the run
        self.top_moved: float | None = None

    def _what(self) -> str:
        """The damage behind the highest loss: a jump (one step up) or a rise (over several steps)."""
        return "the jump" if self.peak_rise == self.peak_step else "the rise"

    def _fix(self, level: float, stats: StepStats) -> str | None:
        lr = stats.lr
        # reported as soon as the window filled: the gradient was gone within the first measurements
        at_once = len(self.first) == self.window and list(self.ratios) == self.first and early(stats.step)
        first, now = self.first_loss, self.loss
        jumped = first is not None and self.peak is not None and first > 0 and self.peak >= DIVERGED * first
        if level == 0.0:
            # killed within the first steps (by the jump that began then, or before the window filled): no
            # checkpoint precedes it, and the wording is LG102's for an early jump (advice.go_back)
            began = self.peak_rise if jumped else None
            if early(began) or at_once:
                where = go_back(began, self._what()) if early(began) else go_back(stats.step, "their death", exact=False)
                return f"{_DEAD}{capital(change_lr(lr, moved=self.first_moved, evidence=self.evidence, step=stats.step))}{where}; clip the gradients too, or use LeakyReLU/GELU."
            return f"{_DEAD}{capital(change_lr(lr, evidence=self.evidence, step=stats.step))} and clip the gradients, or use LeakyReLU/GELU, then restart from a checkpoint taken before it happened."
        if first is not None and now is not None and first > 0 and now >= DIVERGED * first:
            # the loss is up there now: its current stretch at twice its first value began at `since`
            return (
                f"{capital(change_lr(lr, more=True, moved=self.first_moved, evidence=self.evidence, step=stats.step))}{go_back(self.since, 'the rise')}: the loss is "
                f"{fmt(now)}, {fmt(now / first)}x its first value {fmt(first)}, so the updates broke the network and its "
                "gradients vanished after that; the architecture is not the cause."
            )
        if jumped and self.peak is not None and first is not None:
            # back down since, but the jump saturated or killed the units (PPO's tanh policy at lr x100)
            return (
                f"{capital(change_lr(lr, more=True, moved=self.first_moved, evidence=self.evidence, step=stats.step))}{go_back(self.peak_rise, self._what())}: the loss jumped "
                f"to {fmt(self.peak)} at step {self.peak_step}, {fmt(self.peak / first)}x its first value {fmt(first)}, so an "
                "update saturated or killed the units in between; the architecture is not the cause."
            )
        if len(self.first) >= self.window:
            healthy = median(self.first)
            if healthy >= 10 * self.threshold and (calm := self._calm(healthy)) is not None:
                return calm
            if healthy >= 10 * self.threshold:
                collapsed = (
                    f"The first layer's gradient ratio was healthy at first ({fmt(healthy)}) and collapsed later: an update "
                    "saturated or killed the units in between."
                )
                then = self.healthy_lr
                if lr is not None and then is not None and then > 1.5 * lr:
                    # the rate in force when the units broke, not the one a schedule has lowered it to since
                    return (
                        f"{collapsed} The learning rate was {fmt(then)} when the ratio was last "
                        f"healthy (step {self.healthy_step}) and is {fmt(lr)} now (lowered since by a schedule, after the damage): "
                        f"{change_lr(then, evidence=self.evidence, step=stats.step)} and clip the gradients, then restart from a "
                        f"checkpoint taken before the collapse (step {self.healthy_step} or earlier)."
                    )
                return (
                    # the factor from the run's largest update (no schedule cut the rate: it is the one the updates ran at)
                    f"{collapsed} {capital(change_lr(lr, moved=self.top_moved, evidence=self.evidence, step=stats.step))} and clip the gradients, then "
                    "restart from a checkpoint taken before the collapse."
                )
            start = self.first[0]
            if at_once and start >= 10 * self.threshold:
                # healthy before any update, gone within the first measurements: the first updates did it
                # (crnn under RMSprop 0.01, whose first steps move each weight by about ten times the rate)
                moved = stats.update_ratio
                size = (
                    f", while each update moves the last layer by {fmt(moved)} of its weights (healthy training: about {HEALTHY_BAND})"
                    if moved is not None and math.isfinite(moved) and moved > HEALTHY_UPDATE
                    else ""
                )
                return (
                    f"The first layer's gradient ratio was {fmt(start)} at its first measurement and fell below "
                    f"{fmt(self.threshold)} within the first {self.window} measurements{size}: the first updates were too large "
                    f"and saturated or killed the units in between; the architecture is not the cause. "
                    f"{capital(change_lr(lr, moved=moved, evidence=self.evidence, step=stats.step))}, or warm it up from a tenth of its value over the first few hundred steps, "
                    "and start the run again."
                )
        return None

    def _calm(self, healthy: float) -> str | None:
        """The fix for a ratio that was healthy at first and collapsed later in a run where no update was large
        (every measured one under ``CALM_UPDATE``, at least one measured) and the loss never rose to ``RISE`` times its
        first value: nothing broke the network, so a lower learning rate is not the cure (None otherwise)."""
        top, first, peak = self.top_moved, self.first_loss, self.peak
        if top is None or top >= CALM_UPDATE or first is None or first <= 0 or peak is None or peak >= RISE * first:
            return None
        return (
            f"The first layer's gradient ratio was healthy at first ({fmt(healthy)}) and faded later, but no update was large: "
            f"the last layer has moved by at most {fmt(top)} of its norm per step in this run (healthy training: about "
            f"{HEALTHY_BAND}) and the loss never rose above {fmt(peak)} (its first value {fmt(first)}). The first layers stop "
            "getting gradient when the loss stops depending on the inputs: check that the targets depend on the inputs "
            "(inputs and targets shuffled together, the right label column, a sequence's targets aligned with its "
            "inputs). A lower learning rate is not indicated (chosen because the updates stayed small)."
        )

    def absorb(self, run: Run, i: int) -> int:
        """Every plain step: its loss is kept as :meth:`update` keeps it (no ratio was measured)."""
        losses, steps = run.losses, run.steps
        n = len(losses)
        if i >= n:
            return n
        if self.first_loss is None:
            self.first_loss = losses[i]
        first = self.first_loss
        bar = RISE * first if first > 0 else None  # advice.rise_since's
        top = peak_of_run(losses, steps, i, n, bar, self.since, self.peak)
        if top is not None:
            self.peak, self.peak_step, self.peak_rise = top
        self.since, self.loss = rise_since_run(losses, steps, i, n - 1, bar, self.since), losses[n - 1]
        return n

    def retrained(self) -> None:
        """Layers were unfrozen (or a param group added): the first and last dense layers compared are others now
        (the layout is taken again), so the ratios measured before are dropped, the first ones included."""
        self.ratios.clear()
        self.body.clear()
        self.first.clear()

    def update(self, stats: StepStats) -> Finding | None:
        if stats.loss is not None and math.isfinite(stats.loss):
            if self.first_loss is None:
                self.first_loss = stats.loss
            self.loss = stats.loss
            self.since = rise_since(stats.loss, self.first_loss, stats.step, self.since)
            if self.peak is None or stats.loss > self.peak:
                self.peak, self.peak_step = stats.loss, stats.step
                self.peak_rise = self.since if self.since >= 0 else stats.step
        if stats.update_ratio is not None and math.isfinite(stats.update_ratio) and (self.top_moved is None or stats.update_ratio > self.top_moved):
            self.top_moved = stats.update_ratio
        ratio = stats.grad_ratio
        if ratio is None or not math.isfinite(ratio):
            return None
        self.ratios.append(ratio)
        if ratio >= 10 * self.threshold:
            self.healthy_lr, self.healthy_step = stats.lr, stats.step
        if len(self.first) < self.window:
            self.first.append(ratio)
            moved = stats.update_ratio
            if moved is not None and math.isfinite(moved) and (self.first_moved is None or moved > self.first_moved):
                self.first_moved = moved
        body = stats.body_ratio
        if body is not None and math.isfinite(body):
            self.body.append(body)
        if stats.head_scale is not None and math.isfinite(stats.head_scale):
            self.head = stats.head_scale
        if len(self.ratios) < self.window:
            return None
        values = list(self.ratios)
        level = median(values)
        if level >= self.threshold:
            if level >= 10 * self.threshold:
                self.reported = False
            return None
        if self.reported:
            return None
        head_small = self.head is None or self.head < self.small_head
        if head_small and self.body and median(self.body) >= self.threshold:
            return None
        half = len(values) // 2
        earlier, later = median(values[:half]), median(values[half:])
        if later > 0 and later >= self.rise * earlier:
            return None
        fix = self._fix(level, stats)
        if fix is None and stats.normalised:
            # small from the start, with no update to blame: in a model with normalisation layers that is the initial
            # scales' (a from-scratch transformer's query projection gets 1e-5 of its head's share at init and learns),
            # and "add BatchNorm or residual connections" has nothing to add
            return None
        self.reported = True
        return Finding(
            f"Step {stats.step}: the first layer's gradient is {fmt(level)} times the last layer's "
            f"(relative to their weights, median of {self.window} measurements; threshold {fmt(self.threshold)}), "
            "and it is not recovering.",
            {
                "ratio": level,
                "body_ratio": median(self.body) if self.body else None,
                "head_scale": self.head,
                "threshold": self.threshold,
                "grad_norm": stats.grad_norm,
            },
            fix=fix,
        )
