"""LG102 loss-spike: the loss jumps far above its recent values."""

from __future__ import annotations

import math
from collections import deque
from itertools import islice
from typing import cast

from lossguard.catalog.update_sizes import HEALTHY_BAND
from lossguard.runtime.detectors.advice import capital, change_lr, early, go_back
from lossguard.runtime.detectors.base import (
    Detector,
    Finding,
    Param,
    Run,
    Saved,
    SlidingMax,
    StepStats,
    at_least,
    below_zero,
    diff_noise,
    fmt,
    median,
)

# the recent level, as a fraction of the first losses' median, below which the run has converged: a
# spike must then reach that median (see LossSpike.threshold)
CONVERGED = 0.01
# a line search's trials in a row that may jump before one is back down (torch's strong Wolfe search
# evaluates at most 25 per iteration)
LINE_SEARCH_TRIALS = 25
# a spike within this many steps of a rate this much higher (1.5x) than the current one: a schedule cut the rate after the
# updates that did the damage, and the fix names the rate they ran at
CUT_STEPS = 5


class LossSpike(Detector):
    """A robust z-score on a rolling window, plus a blow-up bound against the first loss.

    The centre is the median of the last ``recent`` losses; the noise is the MAD of the
    step-to-step differences over ``window`` steps, so a falling loss does not inflate it. For a
    positive loss both are taken on log(loss), so the test is multiplicative. A step is a spike
    when it is more than ``sigma`` noise units above the centre, at least ``1 + rtol`` times the
    centre, at least ``atol`` (a fraction of the first losses) above it in absolute terms, and
    ``above_max`` times the highest loss in the window (heavy-tailed small-batch noise, and the
    bumps of a model that is just finding the task: an LSTM's batch loss can briefly exceed its
    chance level by a fifth while it learns).
    Any step more than ``blowup`` times the first loss is a spike, even before ``min_steps``;
    there, the first such step is held for one step: reported when the next loss is still a spike
    or non-finite, and forgiven when it is back under the bound and at or below the first loss
    (Adam's first update, as large as the learning rate for every weight, can overshoot once; the
    run then recovers at once). A next loss under the bound but still above the first keeps the
    jump held for up to ``early_steps`` steps: it is reported when every loss since the jump stayed
    above the first while the updates were large (the early test's ``early_update``), the same
    blow-up come down only part of the way (PyTorch-GAN's cyclegan at Adam 0.02: 12.5x at step 3,
    then 1.3-1.7x its first loss), and forgiven as soon as one is back at or below it.
    No hold when an earlier update of those first steps moved the last dense layer by more than
    ``overreach`` times its own norm: the jump then has a measured cause, reported at once
    (torchdiffeq's ode_demo at RMSprop 1: an update of 85x the layer's norm at step 0, the loss
    0.071 then 4.47; the adaptive solver then failed inside step 2, so a confirmation never came).
    Adam's overshoot, which the hold is for, moves the last layer by a fraction of its norm
    (super_resolution at its default 0.01: about 0.2); an update larger than the layer alone is no
    report (a head initialised tiny on purpose moves by 50x its norm at Adam's first step and its loss falls).
    A loss that has gone below zero (:func:`below_zero`: a policy-gradient loss) is not judged
    from then on; NaN (LG101), exploding gradients (LG106) and a fall without bound (LG107) are
    still reported for it.
    A loss at an equilibrium (``stats.constant_target``: every checked call's targets one value for the whole
    batch, a GAN's real/fake labels under a binary cross-entropy or a least-squares loss, or a loss declared
    adversarial) is judged by the blow-up bound alone: it rises whenever the other network gains, by several
    times its recent level in healthy runs (PyTorch-GAN's cgan: the discriminator's least-squares loss from 0.094
    to 0.73 at step 69), and a learning rate far too high still blows it past its first loss (the same script
    at Adam 0.2: 1e15 at step 1).
    A loss whose recent median is exactly zero (a hinge loss, triplet or margin ranking, with every
    constraint met) has no scale to measure a jump on: only the blow-up bound applies to it. One
    below ``CONVERGED`` of the first losses' median (a classifier right on every example) is a spike
    only once it is back at that median.
    An evaluation inside the step() of an optimizer with a line search (``stats.line_search``: L-BFGS
    with ``line_search_fn="strong_wolfe"``) is a trial the search backs off from when the loss rose
    there: a jump on one is held, with the trials after it, until a loss is back under the threshold
    (forgiven, and left out of the window) or ``LINE_SEARCH_TRIALS`` trials in a row jumped (reported).
    The Burgers PINN of jayroxis/PINNs at lr 1: one trial at 7.1 between losses of 0.135, a false
    alarm before.
    Reported spikes enter the window clipped to the threshold, so a lasting level shift is
    absorbed after a few steps. When the learning rate rose by half or more over the window
    (warm-up, a schedule), the fix names the schedule.

    Early divergence: before the relative test starts, a loss that has stayed at ``early_rise``
    times its first value or more for the latest ``early_steps`` steps while the updates move the
    last dense layer by more than ``early_update`` of its norm per step (the median of those
    steps' measurements) is a run diverging from its first step: a learning rate far too high that
    the bounded loss of a normalised model (LayerNorm, a transformer) keeps under the blow-up
    bound, and that the relative test would then take as the run's normal level. Reported once. A
    healthy run's first updates are large only where its loss falls (a new head, a zero-initialised
    layer); its loss rises above its first value only a little, or with small updates (Adam's first
    steps, a GAN's generator, an MSE head on noisy targets).

    A batch of one example (``stats.examples`` 1: one target per call) makes each loss that example's alone:
    one misclassified example after many right ones jumps by any ratio, and Adam's first steps at a rate a
    little high make the next few examples' losses several times the first before the run settles
    (Ludobico/Pytorch_KOGPT2.5's Lightning MNIST: a Linear(784, 10) at Adam 0.02, batch 1: 2.7, 10.0, 13.3,
    13.6, then 3.9 and 0.04; at step 31 one example at 27.5 against a window at 0.13, the next ones back
    near 0). There, a relative spike is held and reported only when the next loss is a spike
    too (forgiven otherwise); any held jump (an early blow-up too) wants two more spikes in a row there (the
    same run at step 10: 21.7 and 22.0, 10x its first example's 2.16, then back down), and a jump that comes
    down part of the way twice ``early_steps`` losses above the first. The early-divergence test is off
    there: after Adam's first large updates each example's loss is near 0 or many times the first, for as
    many steps as the run needs to settle (the same loop on other seeds: 17-20 for six steps, 8x the first,
    then near 0), with no divergence to tell it from; a rate far too high is left to the blow-up bound (x100:
    1000x the first loss at step 1), the relative test, LG106 and LG103.
    """

    code = "LG102"
    window = Param("positive_int", 64, "steps of history for the noise estimate and the window maximum")
    recent = Param("positive_int", 8, "latest steps whose median is the centre")
    min_steps = Param("positive_int", 16, "steps before the relative test starts (at least 4)")
    sigma = Param("positive_float", 8.0, "robust noise units above the centre")
    rtol = Param("positive_float", 1.0, "a spike is at least 1 + rtol times the centre")
    atol = Param("positive_float", 0.2, "and at least atol times the first losses above it")
    blowup = Param("positive_float", 10.0, "any loss this many times the first one is a spike (at least 2)")
    cooldown = Param("non_negative_int", 10, "steps between two reports")
    above_max = Param("at_least_one", 1.5, "a spike is at least this many times the window's highest loss")
    early_rise = Param("above_one", 2.0, "before min_steps: losses this many times the first one, with large updates, are an early divergence")
    early_steps = Param("positive_int", 3, "latest steps that must all be that high (fewer than min_steps)")
    early_update = Param("positive_float", 0.1, "median last-layer |dW|/|W| per step over those steps above which the updates are large")
    overreach = Param(
        "positive_float", 1.0, "an early blow-up after an update that moved the last layer by more than this share of its norm is not held"
    )

    saved = (
        Saved("values", "window"),
        Saved("lrs", "window"),
        Saved("first", "numbers"),
        Saved("reference", "optional"),
        Saved("signed", "bool"),
        Saved("cooldown_left", "int"),
        Saved("spikes", "int"),
        Saved("tick", "int", "_tick"),
        Saved("noise_value", "optional", "_noise_value"),
        Saved("noise_positive", "bool", "_noise_positive"),
        Saved("noise_tick", "int", "_noise_tick"),
        Saved("early_updates", "window"),
        Saved("first_norm", "optional"),
        Saved("early_reported", "bool"),
        Saved("held", "optional"),
        Saved("held_step", "int"),
        Saved("forgiven", "bool"),
        Saved("since", "numbers"),
        Saved("trials", "int"),
        Saved("lone", "bool"),
        Saved("top_moved", "optional"),
        Saved("confirms", "int"),
        Saved("equilibrium", "bool"),
    )

    def validate(self) -> None:
        at_least("window", self.window, self.recent, "recent")
        at_least("min_steps", self.min_steps, 4, "4 steps")
        at_least("blowup", int(math.ceil(self.blowup)), 2, "2")
        at_least("min_steps", self.min_steps, self.early_steps + 1, "one more than early_steps")

    def reset(self) -> None:
        self.values: deque[float] = deque(maxlen=self.window)
        self._top = SlidingMax(self.window)  # max(self.values), kept as values are pushed
        self.lrs: deque[float] = deque(maxlen=self.window)
        self.first: list[float] = []
        self.reference: float | None = None
        # a loss below zero was seen: no spike test from then on
        self.signed = False
        self.cooldown_left = 0
        self.spikes = 0
        self._tick = 0
        # diff_noise of the window, recomputed every 8 steps (read by threshold(): persisted)
        self._noise_value: float | None = None
        self._noise_positive = True
        self._noise_tick = 0
        # the early-divergence test (the first min_steps steps only): the last layer's relative
        # updates of the latest early_steps steps, the first measured gradient norm, reported once
        self.early_updates: deque[float] = deque(maxlen=self.early_steps)
        self.first_norm: float | None = None
        self.early_reported = False
        # an early blow-up held for one step (its loss and step), and whether one was forgiven
        self.held: float | None = None
        self.held_step = -1
        self.forgiven = False
        # the losses since a held jump that came back under the bound but not down to the first loss
        self.since: list[float] = []
        # line-search trials in a row whose loss jumped, held (see the class docstring)
        self.trials = 0
        # the held jump is one example's (a batch of one, after the first min_steps): confirmed by the next loss only
        self.lone = False
        # the largest last-layer update measured in the first min_steps steps: the evidence an early jump's fix
        # is chosen from (the updates that did the damage; those measured after it, on dead units, are small)
        self.top_moved: float | None = None
        # spikes in a row after a held jump of a batch of one example (a third one in a row reports it)
        self.confirms = 0
        # the latest step's loss was at an equilibrium (StepStats.constant_target): the blow-up bound alone applies
        self.equilibrium = False

    def loaded(self) -> None:
        self._top = SlidingMax(self.window, self.values)

    def threshold(self, _store: bool = False) -> float | None:
        """The loss above which the next step is a spike (None while warming up, and for a loss
        that went below zero)."""
        if self.signed:
            return None
        if self.reference is None or len(self.values) < self.min_steps:
            if self.first and self.first[0] > 0:
                return self.first[0] * self.blowup
            return None
        vals = self.values
        positive = min(vals) > 0
        n = len(vals)
        recent = [vals[i] for i in range(max(0, n - self.recent), n)]
        centre = median([math.log(v) for v in recent] if positive else recent)
        noise = self._noise(positive, _store)
        top = self._top.value()
        if positive:
            log_thr = centre + max(self.sigma * noise, math.log1p(self.rtol))
            thr = max(math.exp(log_thr), math.exp(centre) + self.atol * abs(self.reference), top * self.above_max)
        else:
            thr = max(
                centre + max(self.sigma * noise, self.rtol * abs(centre), self.atol * abs(self.reference)), top + (self.above_max - 1.0) * abs(top)
            )
            if centre == 0.0 and min(vals) == 0.0:
                # A loss sitting at exactly zero is a hinge (triplet, margin ranking) with every
                # constraint met; a batch with a few violations rises above it by any ratio and any
                # noise unit, and one hard triplet of a small batch can pass the first loss (the
                # embedding's distances grow as it learns). Only the blow-up bound applies.
                thr = max(thr, self.blowup * max(self.first))
        level = math.exp(centre) if positive else centre
        if self.equilibrium:
            # A loss at an equilibrium (StepStats.constant_target: one target value per batch on every checked
            # call, a GAN's real/fake labels under BCE or least squares, or a loss declared adversarial) rises
            # whenever the other network gains: PyTorch-GAN's cgan at its own Adam 2e-4 had the discriminator's
            # least-squares loss jump from 0.094 to 0.73 at step 69 and the generator's from 0.63 to 1.5 at 36,
            # one or two such jumps in each of four healthy runs. Only the blow-up bound applies.
            thr = max(thr, self.blowup * max(self.first))
        if 0 < self.reference and level < CONVERGED * self.reference:
            # A loss that fell to a hundredth of where it began (a classifier that gets every
            # example right: its cross-entropy rounds to exactly 0 in float32) rises by any ratio and
            # any noise unit on the one hard example of a batch; a jump back up to the first losses'
            # level is damage, one below it is that example (weihua916/powerful-gnns' GIN at 100%
            # training accuracy: 0.75 against 0.0015, its first losses' median 0.86). "Back up" with the
            # margin a spike needs over the window's highest loss (``above_max``): a run of GIN whose first
            # losses' median was 1.227 had one hard batch at 1.386 (at 100% training accuracy, the next
            # batch at 0.109).
            thr = max(thr, self.above_max * self.reference)
        if self.first and self.first[0] > 0:
            thr = min(thr, self.first[0] * self.blowup)
        return thr

    def _noise(self, positive: bool, store: bool) -> float:
        """diff_noise of the window, at most 8 steps old (it moves slowly; sorting is the cost)."""
        if self._noise_value is None or self._tick - self._noise_tick >= 8 or positive != self._noise_positive:
            vals = list(self.values)
            value = diff_noise([math.log(v) for v in vals] if positive else vals)
            if not store:
                return value
            self._noise_value, self._noise_positive, self._noise_tick = value, positive, self._tick
        return self._noise_value

    def _surely_below(self, loss: float) -> bool:
        """No higher than the window's maximum (nor the blow-up bound): below every threshold, cheaply."""
        vals = self.values
        if self.reference is None or len(vals) < self.min_steps or loss > self._top.value():
            return False
        first = self.first[0] if self.first else 0.0
        return first <= 0 or self.signed or loss <= first * self.blowup

    def is_spike(self, loss: float) -> bool:
        """Would ``loss`` be reported as a spike now? (No state change: used to skip a step.)"""
        if not math.isfinite(loss):
            return False
        if self._surely_below(loss):
            # no higher than the window's highest loss (nor the blow-up bound): below the threshold,
            # which is at least that (``threshold``), without its median and noise (a step of the
            # optimizer's skip decision, every step, reads this)
            return False
        thr = self.threshold()
        return thr is not None and loss > thr

    def _fix(self, lr: float | None, step: int, moved: float | None = None, now: int = -1) -> str:
        """A schedule fix when the learning rate rose over the window; else the learning rate to
        lower to, and, for a jump within the first steps, a fresh start (no checkpoint precedes it).
        ``step``: the jump's; ``now``: the report's."""
        if lr is not None and self.lrs:
            low = min(self.lrs)
            if low > 0 and lr >= 1.5 * low:
                return (
                    f"The learning rate rose from {fmt(low)} to {fmt(lr)} over the last {len(self.lrs)} steps before this spike: "
                    "lower the peak learning rate or lengthen the warm-up (chosen because the learning rate rose)."
                )
            high = max(islice(reversed(self.lrs), CUT_STEPS))
            if lr > 0 and high >= 1.5 * lr:
                # a schedule cut the rate after the updates that did the damage: the rate to lower is the one they ran at
                return (
                    f"The learning rate was {fmt(high)} within the last {CUT_STEPS} steps before this spike and is {fmt(lr)} "
                    f"now (lowered since by a schedule, after the updates that did the damage): "
                    f"{change_lr(high, moved=moved, evidence=self.evidence, step=now)} at that point of the schedule, then restart "
                    "from a checkpoint taken before the spike (chosen because the learning rate fell just before it)."
                )
        if early(step):
            return (
                capital(change_lr(lr, moved=moved, evidence=self.evidence, step=now))
                + go_back(step, "the jump")
                + ": the first updates are too large for this model."
            )
        return (
            capital(change_lr(lr, moved=moved, evidence=self.evidence, step=now))
            + " or add a warm-up / decay schedule; inspect the batch of that step."
        )

    def _early_divergence(self, stats: StepStats) -> Finding | None:
        """The early-divergence test of the class docstring, on the step just appended to ``first``."""
        ratio, norm = stats.update_ratio, stats.grad_norm
        if ratio is not None and math.isfinite(ratio):
            self.early_updates.append(ratio)
        if self.first_norm is None and norm is not None and math.isfinite(norm):
            self.first_norm = norm
        n = self.early_steps
        start = self.first[0]
        # one example's losses (a batch of one): after the first large updates each is near 0 or many times the
        # first for the steps the run needs to settle, with no divergence to tell from it (see the class docstring)
        if self.signed or start <= 0 or len(self.first) <= n or not self.early_updates or stats.examples == 1:
            return None
        latest = self.first[-n:]
        if min(latest) < self.early_rise * start:
            return None
        moved = median(list(self.early_updates))
        if moved <= self.early_update:
            return None
        self.early_reported = True
        top = max(latest)
        grads = ""
        if self.first_norm is not None and norm is not None and math.isfinite(norm):
            grads = f"; the gradient norm went from {fmt(self.first_norm)} at step 0 to {fmt(norm)}"
        return Finding(
            f"Step {stats.step}: the loss has stayed at {fmt(min(latest) / start)}-{fmt(top / start)}x its first value "
            f"{fmt(start)} for the last {n} steps ({', '.join(fmt(v) for v in latest)}) while each optimizer step moves the "
            f"last layer's weights by {fmt(moved)} of their norm (median; healthy training: about {HEALTHY_BAND}){grads}: "
            "training is diverging from its first steps.",
            {"loss": stats.loss, "first": start, "update_ratio": moved, "grad_norm": norm, "lr": stats.lr, "early": True},
            fix=f"{capital(change_lr(stats.lr, moved=moved, evidence=self.evidence, step=stats.step))}, or warm it up from a tenth of its value over the first few hundred "
            f"steps: the loss rose to {fmt(top / start)}x its first value within {stats.step} steps while each update moved "
            f"the last layer by {fmt(moved)} of its weights (chosen because the loss rose from the start while the updates "
            "were large).",
        )

    def _push(self, value: float) -> None:
        self.values.append(value)
        self._top.push(value)

    def _confirmed(self, stats: StepStats, held: float, moved: float | None = None) -> Finding:
        """The held early blow-up, confirmed by this step's loss (still above the bound, or non-finite),
        or, with ``moved`` (the median update ratio), by the losses since it, all above the first."""
        self.cooldown_left = self.cooldown
        self.spikes += 1
        self.confirms = 0
        if self.lone:
            self.lone = False
            centre = median(list(self.values)[-self.recent - 2 : -2]) if len(self.values) > 2 else held
            jump = f"{fmt(held / centre)}x its recent level" if centre > 0 else f"{fmt(held - centre)} above its recent level"
            return Finding(
                f"Step {stats.step}: the loss jumped to {fmt(held)} at step {self.held_step}, {jump} {fmt(centre)}, and is "
                f"{fmt(stats.loss)} now: each loss is one example's (a batch of one), and those since it jumped too.",
                {"loss": stats.loss, "jump": held, "jump_step": self.held_step, "recent": centre, "lr": stats.lr},
                fix=self._fix(stats.lr, self.held_step, stats.update_ratio, stats.step),
            )
        start = self.first[0]
        now = f"is {fmt(stats.loss)} now"
        if moved is not None:
            now = (
                f"has stayed above its first value since ({', '.join(fmt(v) for v in self.since)}: up to "
                f"{fmt(max(self.since) / start)}x) while each optimizer step moves the last layer's weights by {fmt(moved)} "
                f"of their norm (median; healthy training: about {HEALTHY_BAND}): it came down only part of the way"
            )
        self.since = []
        return Finding(
            f"Step {stats.step}: the loss jumped to {fmt(held)} at step {self.held_step}, {fmt(held / start)}x its first value "
            f"{fmt(start)} (threshold {fmt(start * self.blowup)}), and {now}.",
            {"loss": stats.loss, "jump": held, "jump_step": self.held_step, "first": start, "threshold": start * self.blowup, "lr": stats.lr},
            fix=self._fix(stats.lr, self.held_step, self.top_moved if self.top_moved is not None else stats.update_ratio, stats.step),
        )

    def _after_update(self, stats: StepStats, loss: float, moved: float) -> Finding:
        """An early blow-up right after an update that moved the last layer by more than its own norm: not held."""
        self.cooldown_left = self.cooldown
        self.spikes += 1
        start = self.first[0]
        return Finding(
            f"Step {stats.step}: the loss jumped to {fmt(loss)}, {fmt(loss / start)}x its first value {fmt(start)} "
            f"(threshold {fmt(start * self.blowup)}), after an update that moved the last layer's weights by {fmt(moved)} "
            f"times their norm (healthy training: about {HEALTHY_BAND} of it per step).",
            {"loss": loss, "first": start, "threshold": start * self.blowup, "update_ratio": moved, "lr": stats.lr},
            fix=self._fix(stats.lr, stats.step, moved, stats.step),
        )

    def _recovered(self, loss: float, held: float, examples: int | None = None) -> bool | None:
        """A held jump's next losses, back under the bound: True (forgive it) once one is at or below the
        first loss, None (keep it held) while fewer than ``early_steps`` stayed above it (twice that many for
        a batch of one example), False (report it) when that many did."""
        if loss <= self.first[0]:
            self.since = []
            return True
        self.since.append(loss)
        self.held = held
        return None if len(self.since) < self.early_steps * (2 if examples == 1 else 1) else False

    def absorb(self, run: Run, i: int) -> int:
        """Once the relative test runs (and no jump is held), the losses that :meth:`_surely_below` clears
        (no higher than the window's maximum, nor the blow-up bound): update() would push each without a
        threshold; up to the first one it does not clear, which update() takes."""
        losses, lrs = run.losses, run.lrs
        n = len(losses)
        if self.held is not None or self.reference is None or len(self.values) < self.min_steps or len(self.first) < self.min_steps:
            return i
        first = self.first[0]
        # below_zero(loss, first), inline: loss < 0 and loss < below is loss < below (below <= 0; -0.0 when first is 0)
        below = -1e-4 * abs(first)
        bound = first * self.blowup
        # the window's maximum (SlidingMax.push and value(), inline): its candidates, oldest first. A step
        # taken is no higher than the first (the maximum), so a push leaves the maximum's value as it is
        # (it replaces it only by an equal loss); it changes when the oldest candidate leaves the window
        top = self._top
        queue, count, size = top.queue, top.count, top.size
        head_at, head = queue[0]
        signed = self.signed
        # _surely_below, with the sign seen before the step (as update() asks it): the loss is at most the
        # window's maximum, and at most the blow-up bound unless the first loss is not above 0 or a sign was seen
        limit = head if first <= 0 or signed else min(head, bound)
        stop = n
        for j in range(i, n):
            loss = losses[j]
            if loss > limit:
                stop = j
                break
            if loss < below and not signed:
                signed, limit = True, head
            while queue and queue[-1][1] <= loss:
                queue.pop()
            if not queue:
                head_at, head = count, loss  # the maximum replaced by this equal loss
            queue.append((count, loss))
            count += 1
            if head_at < count - size:
                queue.popleft()
                head_at, head = queue[0]
                limit = head if first <= 0 or signed else min(head, bound)
        taken = stop - i
        if taken > 0:
            # what update() keeps of each step taken, for all of them at once (nothing above reads it)
            self.values.extend(losses[i:stop])
            kept = lrs[i:stop]
            known = cast("list[float]", kept) if None not in kept else None
            # every learning rate finite (a sum of finite numbers is finite, or it overflowed: then one by one)
            if known is not None and math.isfinite(sum(known)):
                self.lrs.extend(known)
            else:
                self.lrs.extend([lr for lr in kept if lr is not None and math.isfinite(lr)])
            top.count = count
            self.trials = 0  # update() ends a line search's trials at a step that is no spike
            self._tick += taken
            self.signed = signed
            if self.cooldown_left > 0:
                self.cooldown_left = max(self.cooldown_left - taken, 0)
        return stop

    def update(self, stats: StepStats) -> Finding | None:
        loss = stats.loss
        held = self.held
        if loss is None or not math.isfinite(loss):
            if held is not None and loss is not None:
                self.held = None
                return self._confirmed(stats, held)
            return None
        self.equilibrium = bool(stats.constant_target)
        thr = None if self._surely_below(loss) else self.threshold(_store=True)
        spike = thr is not None and loss > thr
        if self.trials:
            if not (spike and stats.line_search):
                self.trials = 0  # back down: the search backed off from those trials
        if spike and stats.line_search and self.cooldown_left == 0:
            self.trials += 1
            if self.trials < LINE_SEARCH_TRIALS:
                return None  # a trial: held, out of the window
            self.trials = 0
        ratio = stats.update_ratio
        before = self.top_moved  # the updates before this step's loss (this step's own comes after it)
        if len(self.first) < self.min_steps and ratio is not None and math.isfinite(ratio) and (self.top_moved is None or ratio > self.top_moved):
            self.top_moved = ratio
        recovered = None
        overreached = None
        if held is not None:
            self.held = None
            if spike and stats.examples == 1 and not self.confirms:
                self.confirms, self.held = 1, held  # one example's losses: a third one in a row decides
            elif not spike and self.lone:
                self.lone = False  # one example's jump, the next one back under the threshold: forgiven
            elif not spike:
                recovered = self._recovered(loss, held, stats.examples)
                self.forgiven = recovered is not None
            if self.held is None:
                self.confirms = 0
        elif spike and self.reference is None and not self.forgiven and self.cooldown_left == 0:
            self.held, self.held_step = loss, stats.step
            if before is not None and before > self.overreach and stats.examples != 1:
                overreached = before  # a measured cause: reported below, not held
        elif spike and stats.examples == 1 and self.cooldown_left == 0 and not stats.line_search:
            self.held, self.held_step, self.lone = loss, stats.step, True  # one example's: wait for the next loss
        self._tick += 1
        if below_zero(loss, self.first[0] if self.first else None):
            self.signed = True
        early = None
        if len(self.first) < self.min_steps:
            self.first.append(loss)
            if len(self.first) == self.min_steps:
                self.reference = median(self.first)
            elif not spike and not self.early_reported:
                early = self._early_divergence(stats)
        if stats.lr is not None and math.isfinite(stats.lr):
            self.lrs.append(stats.lr)
        if self.cooldown_left > 0:
            self.cooldown_left -= 1
        if not spike:
            self._push(loss)
            if recovered is False and held is not None:
                self.held = None
                moved = median(list(self.early_updates)) if self.early_updates else 0.0
                if moved > self.early_update:
                    return self._confirmed(stats, held, moved)
                self.since = []
            if early is not None and self.cooldown_left == 0:
                self.cooldown_left = self.cooldown
                self.spikes += 1
                return early
            return None
        assert thr is not None
        self._push(thr if len(self.values) >= self.min_steps else loss)
        if overreached is not None:
            self.held = None
            return self._after_update(stats, loss, overreached)
        if self.cooldown_left > 0 or self.held is not None:
            return None
        if held is not None:
            return self._confirmed(stats, held)
        self.cooldown_left = self.cooldown
        self.spikes += 1
        centre = median(list(self.values)[-self.recent - 1 : -1]) if len(self.values) > 1 else loss
        jump = f"{fmt(loss / centre)}x its recent level" if centre > 0 else f"{fmt(loss - centre)} above its recent level"
        return Finding(
            f"Step {stats.step}: the loss jumped to {fmt(loss)}, {jump} {fmt(centre)} (threshold {fmt(thr)}).",
            {"loss": loss, "recent": centre, "threshold": thr, "lr": stats.lr},
            fix=self._fix(stats.lr, stats.step, stats.update_ratio, stats.step),
        )
