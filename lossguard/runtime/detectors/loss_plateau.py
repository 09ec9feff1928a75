"""LG103 loss-plateau: the loss stays flat at the level of a model that has learnt nothing."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import asdict, dataclass
from itertools import islice
from typing import cast

import numpy as np

from lossguard.catalog.update_sizes import HEALTHY_BAND, HEALTHY_UPDATE, SLOWEST_UPDATE
from lossguard.runtime.detectors.advice import (
    RISE,
    capital,
    change_lr,
    factor_from_update,
    go_back,
    peak_of_run,
    rise_since,
    rise_since_run,
)
from lossguard.runtime.detectors.base import (
    Detector,
    Finding,
    Param,
    Run,
    Saved,
    StepStats,
    at_least,
    below_zero,
    clip_outliers,
    fmt,
    linear_fit,
    median,
)

# Consecutive losses whose median must be at the class-frequency level before the run counts as there.
REACH_RUN = 9
# The latest update measurements whose median says how far the weights move now (under a warm-up: whether the
# rising rate has already brought the updates to healthy training's size).
RECENT_UPDATES = 8
# Fewest measured updates before "every measured step since the first" says anything.
MIN_MEASURED = 8


def _first_run_median_below(values: np.ndarray, bound: float) -> int | None:
    """Start of the first REACH_RUN consecutive values whose median is at most ``bound``."""
    if values.size < REACH_RUN:
        return None
    windows = np.lib.stride_tricks.sliding_window_view(values, REACH_RUN)
    # the middle of each sorted window (REACH_RUN is odd): np.median's value without its NaN check
    hits = np.flatnonzero(np.sort(windows, axis=1)[:, REACH_RUN // 2] <= bound)
    return int(hits[0]) if hits.size else None


def _stuck_after(losses: list[float], stuck: int, grads: int, last: float | None) -> tuple[int, int, float | None]:
    """LossPlateau's count of identical losses (``stuck``, ``stuck_grads``, ``stuck_loss``) after plain steps
    with these losses, as update() counts them one by one: a loss exactly 0 leaves it, another loss equal to
    the last starts nothing (+1), a different one starts it again at 0 (with no gradient measurement)."""
    if 0.0 in losses:
        losses = [v for v in losses if v != 0.0]
    if not losses:
        return stuck, grads, last
    k = len(losses) - 1
    end = losses[k]
    while k > 0 and losses[k - 1] == end:
        k -= 1
    if k == 0 and end == last:
        return stuck + len(losses), grads, last  # every loss the count's own
    return len(losses) - k - 1, 0, losses[k]  # started again at the first of the equal losses at the end


@dataclass(frozen=True)
class PlateauMeasure:
    """The fit behind a plateau verdict (also the event's data)."""

    loss: float
    start: float
    chance: float | None
    steps: int
    change: float
    best_case_decrease: float
    update_ratio: float | None
    grad_ratio: float | None
    # the entropy of the targets' class counts, when the plateau is measured against it
    target_entropy: float | None = None
    # the fit's first two thirds fall for sure, its last third at least twice as fast
    accelerating: bool = False


class LossPlateau(Detector):
    """ReduceLROnPlateau's idea, restricted to plateaus that are not a converged minimum.

    A least-squares line is fitted to the last N updated steps (``min_window`` <= N <=
    ``max_window``), after replacing values beyond 4 robust standard deviations of the window's
    median by that median: one early outlier (Adadelta's first-step bump, one bad batch)
    would otherwise pass for a downward trend until it leaves the window. When the chance level
    is known, values above it (by more than ``threshold``) enter the fit at that bound: a loss
    that sinks from an overconfident start to chance (random labels under Adadelta sink 1.5% in
    200 steps) has learnt nothing; only a descent below chance is progress. The loss is flat when
    even the optimistic end of the slope's confidence band (slope - 2 standard errors) would
    lower it by less than ``threshold`` (relative) over N steps, and the fitted change is not a
    rise of more than ``threshold`` either. Small-batch noise widens the band, so a noisy run
    needs more steps before it can be called flat. When the weights barely move (the median
    relative update of the last layer, |dW| / |W| per step, is below ``still``: a learning rate
    far too small) the looser ``still_threshold`` applies and ``min_window`` steps suffice; while
    they move (or their movement is not measured), the fit needs ``moving_window`` steps: a
    model whose weights move may just be slow to start (Adam at 1e-4 from a fresh init can sit
    within 1% of chance for 40 steps and then learn). It is a plateau, not convergence, only
    while the loss is within ``progress`` of where it started (of the chance level, when the
    run began at chance and then rose above it: an early divergence) and, when the chance level is known (log C for cross-entropy over C classes, log 2 for binary cross-entropy, the target
    variance for MSE), within ``progress`` of that level too.

    With class-index targets (cross-entropy, NLL) the chance level is the entropy of the class
    counts seen (``StepStats.target_entropy``): a model that ignores its inputs still learns the
    class frequencies, so shuffled labels with a skewed class distribution (characters, words)
    make the loss fall from log C to that entropy (nanoGPT: 4.2 to 3.2) and stay. When the run
    started more than ``progress`` above that entropy, the plateau is measured from the entropy
    instead of the start; the fit begins where the median of 9 consecutive losses first came
    within ``threshold`` of the entropy (one lucky batch of a noisy run still descending does not
    count) and counts values above that band as the band: only a loss that goes below the
    class-frequency level is learning. Until the run got there, the fit sees its real descent. It can misfire on a healthy run whose
    inputs carry little information about the targets (its best loss within ``progress`` of the
    class-frequency entropy, e.g. a language model of nearly random text), or one that sits at
    the class-frequency level for more than ``moving_window`` steps before it starts to use its
    inputs; the class counts must be a fair sample (the first 16 calls, then every 64th). Steps without an optimizer update
    (GradScaler overflow skips) are ignored, a loss that has gone below zero (:func:`below_zero`:
    a policy-gradient or actor-critic loss, whose magnitude follows the episodes' length) is not
    judged by its level from then on (only by its updates: every measured one since the first step
    under ``frozen``, the rate known and not rising, is reported once: :meth:`_never_moved`), nothing
    is reported while the learning rate is rising (warm-up) unless the evidence says the warm-up is not what holds the
    loss (:meth:`_warm_up_ruled_out`), nor for a loss whose every batch has a
    single target value (a GAN discriminator at its equilibrium sits at chance by design), or a loss
    declared adversarial (``watch(adversarial=True)``), while its weights move: when they
    barely move (below ``still``), a learning rate far too small is reported for such a loss too
    (a recommender's positive and negative BCE calls look the same), ``patience`` consecutive checks
    (one every ``every`` steps) must agree, and there is one report per plateau: the next needs
    real progress first. When layers are released mid-run (``requires_grad`` set again, a param group
    added to the optimizer) the fit starts again at the release: a loss flat while a backbone was
    frozen and falling once it is trained is no plateau; one still flat ``moving_window`` steps after
    the release is.

    A loss exactly 0 at every updated step from the first, with every measured gradient norm exactly 0, is
    reported at its ``min_window``-th step (at least 8 gradient measurements): it does not depend on
    the parameters (a cross-entropy over a class axis of size 1). One nonzero loss or gradient norm
    ends that test for the run. Any other loss that is the same to the bit at ``min_window`` steps in
    a row after its first, with every gradient norm measured on them exactly 0, gets no gradient
    from its parameters (a ReLU on the logits with every logit below 0): reported once, with a fix
    that names what passes no gradient instead of a learning rate.

    A loss whose fit window falls for sure in its first two thirds and at least twice as fast in
    its last third (2 and 3 standard errors, outliers clipped in each part on its own) is
    accelerating away from its start (a small initialisation leaving a saddle): no plateau,
    however little it has fallen yet.

    The fix follows the evidence: weights that barely move call for a higher learning rate,
    weights that move by more than ``fast`` of their norm per step for a lower one (by 10x, data
    check second, above 0.05: faster than healthy training, where "try a higher learning rate" would
    be wrong), and so do
    a loss that jumped to 5 times its start (or twice its chance level) earlier in the run or a first layer with exactly
    zero gradient (units killed by an update far too large: a blow-up of the loss, or an earlier update that moved
    the last layer by more than ``overreach`` times its norm, take precedence over weights that barely move, which
    the dead units stop); a first layer with little
    gradient calls for BatchNorm or residual connections, and weights that move
    normally without any progress for a look at the data (targets that do not depend on the
    inputs).
    """

    code = "LG103"
    min_window = Param("positive_int", 30, "fewest updated steps in the fit (at least 8)")
    max_window = Param("positive_int", 300, "most updated steps in the fit")
    patience = Param("positive_int", 3, "consecutive checks that must agree")
    threshold = Param("fraction", 0.02, "largest optimistic relative decrease over the fit that is still flat")
    still = Param("positive_float", 1e-4, "median |dW|/|W| per step below which the weights barely move")
    still_threshold = Param("fraction", 0.05, "the flatness threshold while the weights barely move")
    progress = Param("fraction", 0.1, "a plateau stays within this fraction of its start and chance level")
    every = Param("positive_int", 4, "steps between two checks")
    moving_window = Param("positive_int", 100, "fewest updated steps in the fit while the weights move")
    fast = Param("positive_float", 0.1, "median |dW|/|W| per step above which the fix is a lower learning rate")
    frozen = Param("positive_float", 1e-5, "median |dW|/|W| per step below which the weights do not move: flat whatever the loss's noise")
    warm_frozen = Param(
        "positive_float", 1e-8, "largest |dW|/|W| per step since the first below which a rising learning rate is too small whatever the schedule"
    )
    overreach = Param(
        "positive_float",
        1.0,
        "an earlier update that moved the last layer by more than this share of its norm, the first layer's gradient exactly zero now: damage",
    )

    saved = (
        Saved("values", "window"),
        Saved("lrs", "window"),
        Saved("updates", "window"),
        Saved("ratios", "window"),
        Saved("peak", "optional"),
        Saved("peak_step", "int"),
        Saved("since", "int"),
        Saved("peak_rise", "int"),
        Saved("start", "numbers"),
        Saved("wait", "int"),
        Saved("reported", "bool"),
        Saved("seen", "int"),
        Saved("signed", "bool"),
        Saved("zeros", "int"),
        Saved("zero_grads", "int"),
        Saved("stuck", "int"),
        Saved("stuck_grads", "int"),
        Saved("stuck_loss", "optional"),
        Saved("normalised", "bool"),
        Saved("top_update", "number"),
        Saved("top_step", "int"),
    )

    def validate(self) -> None:
        at_least("min_window", self.min_window, 8, "8 steps")
        at_least("max_window", self.max_window, self.min_window, "min_window")
        at_least("moving_window", self.moving_window, self.min_window, "min_window")
        at_least("max_window", self.max_window, self.moving_window, "moving_window")

    def reset(self) -> None:
        self.values: deque[float] = deque(maxlen=self.max_window)
        self.lrs: deque[float] = deque(maxlen=self.min_window)
        self.updates: deque[float] = deque(maxlen=self.min_window)
        self.ratios: deque[float] = deque(maxlen=10)
        self.peak: float | None = None
        self.peak_step = 0
        # the step the loss's current stretch at twice its first value began, and that of the peak's:
        # where the damage began (the peak may come steps later: siamese_network rose at 1, peaked at 2)
        self.since = -1
        self.peak_rise = 0
        self.start: list[float] = []
        self.wait = 0
        self.reported = False
        self.seen = 0
        # a loss below zero was seen: no plateau verdict from then on
        self.signed = False
        # updated steps since the first whose loss is exactly 0 (-1: one was not, or the test reported),
        # and the gradient norms measured on them (each exactly 0: a nonzero one also sets ``zeros`` to -1)
        self.zeros = 0
        self.zero_grads = 0
        # updated steps in a row whose loss equals the one before it exactly while every gradient norm measured on
        # them is exactly 0 (-1: reported), the measurements, and that loss
        self.stuck = 0
        self.stuck_grads = 0
        self.stuck_loss: float | None = None
        self.normalised = False
        # the largest measured update (the last layer's |dW|/|W|) since the first step: a loss of either sign
        # is judged by it alone (_never_moved)
        self.top_update = 0.0
        self.top_step = -1  # the step whose update was top_update
        self._fix_start()

    def loaded(self) -> None:
        self._fix_start()

    def retrained(self) -> None:
        """Layers were unfrozen (or a param group added): the fit starts again from the next step. A loss flat
        while the backbone was frozen and falling since it was released reads as flat over a window that spans
        both. The run's first losses (``start``) stay: a plateau is still measured against where the run began."""
        self.values.clear()
        self.updates.clear()
        self.ratios.clear()
        self.wait = 0

    def _fix_start(self) -> None:
        """Once the first ``min_window`` losses are in, they never change: their medians once."""
        self._begin: float | None = None  # median(self.start)
        self._head: float | None = None  # median(self.start[:3])
        if self.start and len(self.start) >= self.min_window:
            self._begin, self._head = median(self.start), median(self.start[:3])

    def measure(self, chance: float | None, entropy: float | None = None) -> PlateauMeasure:
        raw = np.asarray(self.values, dtype=np.float64)
        values = clip_outliers(raw)
        cap = math.inf  # the level the fit counts higher values as
        no_signal = self._no_signal(entropy)
        if no_signal is not None:
            # The run fell from above towards the class-frequency level. Once it got there (at
            # least min_window steps ago), the descent was the class frequencies being learnt, not
            # the inputs: the fit starts where the level was reached and counts values above it as
            # the level. Until then the loss is still descending, and the fit sees it do so.
            # "got there" is judged on the median of REACH_RUN consecutive losses: one lucky batch
            # of a noisy run still far above the level (a word model at lr 20 dips 0.3 below its
            # trend) must not start a fit in which its real descent is clipped flat.
            reached = _first_run_median_below(raw, no_signal * (1.0 + self.threshold))
            if reached is not None and raw.size - reached >= self.min_window:
                cap = no_signal * (1.0 + self.threshold)
                values = np.minimum(clip_outliers(raw[reached:]), cap)
        elif chance is not None and math.isfinite(chance) and chance > 0:
            # a descent to the chance level from above is not learning: only going below it is
            cap = chance * (1.0 + self.threshold)
            values = np.minimum(values, cap)
        fit = linear_fit(values)
        n = len(values)
        level = median(list(self.values)[-self.min_window :])
        # A loss leaving its start ever faster (a matrix factorisation from a tiny initialisation
        # escapes the all-zero saddle exponentially: BPR falls by 0.1%, then 0.3%, then 1% every
        # 16 steps) is learning however little it has fallen in all; a flat loss and a learning
        # rate too small fall at a constant rate, if at all. (Not on the clipped losses: they
        # hold the descent's latest steps at the median, as outliers of a mostly flat window.)
        capped, k = np.minimum(raw[-n:], cap), max(10, n // 3)
        accelerating = False
        if n - k >= 10:
            # each part's outliers clipped on its own (the last, smaller batch of each epoch of a
            # summed loss): clipped on the whole window, the steepest steps would go too
            early, recent = linear_fit(clip_outliers(capped[:-k])), linear_fit(clip_outliers(capped[-k:]))
            accelerating = early.slope + 2.0 * early.se < 0.0 and recent.slope + 3.0 * recent.se < 0.0 and recent.slope < 2.0 * early.slope
        return PlateauMeasure(
            loss=level,
            start=self._begin if self._begin is not None else median(self.start),
            chance=chance,
            steps=n,
            change=fit.slope * n / level if level > 0 else 0.0,
            best_case_decrease=-(fit.slope - 2.0 * fit.se) * n / level if level > 0 else 0.0,
            update_ratio=self._update_level(),
            grad_ratio=median(self.ratios) if len(self.ratios) >= 5 else None,
            target_entropy=no_signal,
            accelerating=accelerating,
        )

    def _no_signal(self, entropy: float | None) -> float | None:
        """The class-frequency entropy, when the run's first losses were more than ``progress`` above it (else None).

        A model that ignores its inputs falls from its start (about log C) to the entropy of the
        class counts, often within a few steps, and stays there; only a loss below that level has
        learnt from the inputs. (Balanced classes, whose entropy is log C, leave the run's start
        as the reference.)
        """
        first = self._head if self._head is not None else median(self.start[:3]) if self.start else None
        if entropy is None or not math.isfinite(entropy) or entropy <= 0 or first is None or first <= (1.0 + self.progress) * entropy:
            return None
        return entropy

    def _steps_above(self, start: float) -> int:
        """Updated steps since the loss last was within ``progress`` of its start: how long a loss
        stuck above where it began (after a blow-up) has been there, not the whole fit window,
        which still holds the healthy steps before the jump. When the latest losses dip under that
        now and then (GIN at Adam 10 scores most batches 0 and a few 1e3-1e5: "for the last 0
        steps"), the most latest steps whose median is above it: at least the ``min_window`` whose
        median made the verdict."""
        limit = (1.0 + self.progress) * start
        n = 0
        for v in reversed(self.values):
            if v <= limit:
                break
            n += 1
        if n >= self.min_window:
            return n
        values = list(self.values)
        n = self.min_window
        while n < len(values) and median(values[-(n + 1) :]) > limit:
            n += 1
        return n

    def _update_level(self) -> float | None:
        """Median relative update of the last layer, once 8 measurements are known."""
        return median(self.updates) if len(self.updates) >= 8 else None

    def _reference(self, begin: float, chance: float | None, entropy: float | None) -> float:
        """The loss a plateau is measured from: the start, or the chance level when that is lower
        and the run is known to have learnt nothing by getting down to it."""
        known = chance if chance is not None and math.isfinite(chance) and chance > 0 else None
        if known is None:
            return begin
        # a run that began at chance and rose above it (an early divergence) is measured from chance:
        # coming back down to chance is not learning. So is a run that fell from its start to the
        # entropy of the class counts: it learnt the class frequencies, nothing from the inputs.
        # (A run that began far above another chance level, an MSE head on tiny targets whose
        # chance level is one batch's target variance, still needs to get within 10% of its start.)
        diverged_early = bool(self.start) and self.start[0] <= (1.0 + self.progress) * known < begin
        if diverged_early or self._no_signal(entropy) is not None:
            return min(begin, known)
        return begin

    def _near_start(self, level: float, begin: float, chance: float | None, entropy: float | None = None) -> bool:
        """Still within ``progress`` of the starting loss and of the chance level (when known)."""
        if level <= 0 or begin <= 0:
            return False
        known = chance if chance is not None and math.isfinite(chance) and chance > 0 else None
        if known is not None and level < (1.0 - self.progress) * known:
            return False
        return level >= (1.0 - self.progress) * self._reference(begin, chance, entropy)

    def _frozen(self, lr: float | None, level: float, begin: float) -> bool:
        """An optimizer (its learning rate known) moves the last layer by under ``frozen`` of its norm
        per step, and the loss has not fallen ``progress`` below its start.

        Weights this still cannot carry the loss anywhere: a fit of noisy batch losses (GIN's 2.7-9
        at Adam 1e-7) is no evidence of progress, the update is, and so is the level against chance
        (MAML's query loss, after each task's own inner steps, sits below chance from its first meta
        step): docs/runtime.md "On real scripts, round 13". A hand-written update (no learning rate
        known) is left to the fit."""
        moved = self._update_level()
        return lr is not None and moved is not None and 0.0 < moved < self.frozen and begin > 0 and level >= (1.0 - self.progress) * begin

    def _is_plateau(self, m: PlateauMeasure, lr: float | None) -> bool:
        if self._frozen(lr, m.loss, m.start):
            return True
        if not self._near_start(m.loss, m.start, m.chance, m.target_entropy):
            return False
        limit = self.still_threshold if m.update_ratio is not None and m.update_ratio < self.still else self.threshold
        return m.best_case_decrease < limit and m.change < limit and not m.accelerating

    def _fix(self, m: PlateauMeasure, lr: float | None, step: int = -1) -> str | None:
        known = m.chance if m.chance is not None and math.isfinite(m.chance) and m.chance > 0 else None
        peak = self.peak
        # twice the chance level, and twice the start: a run that began above twice its chance level
        # (the class-frequency entropy of a segmentation mask that is mostly background) has not
        # blown up by staying there. The start is the lower of the first loss and the first losses'
        # median: a jump at step 1 or 2 makes that median the blown-up level itself (a Sigmoid +
        # BCELoss net at Adadelta lr 100 sits at 50, log clamped at -100, from step 3 on)
        origin = min(m.start, self.start[0]) if self.start else m.start
        # a rise that no update can have caused is no blow-up: every update measured moved the last layer by under
        # `still` of its norm (MoCo's InfoNCE at SGD 1e-7 rises from 1.2 towards log(K + 1) as its queue of negatives
        # fills, as it does in healthy training, while the weights move by 6e-8 per step): the small updates decide
        unmoved = 0.0 < self.top_update < self.still
        blew_up = (
            peak is not None and not unmoved and ((origin > 0 and peak >= 5.0 * origin) or (known is not None and peak >= 2.0 * max(known, origin)))
        )
        # weights that stopped moving after the loss blew up were stopped by the damage (dead units),
        # not by a learning rate too small: the blow-up decides first (mnist at --lr 100). So do units left
        # dead (the first layer's gradient exactly zero) after an update that moved the last layer by more than
        # its own norm, whose loss did not blow up: a bounded loss (the logit-standardised distillation of
        # Joyful-Buffalo/simplest-knowledge-distillation at Adam 1: the head moved by 7.4x its norm at step 0, the
        # KL then flat at 0.19 with the weights still) asked for a learning rate 200x higher before
        broken = m.grad_ratio == 0.0 and self.top_update > self.overreach and not blew_up
        if m.update_ratio is not None and m.update_ratio < self.still and not (blew_up or broken):
            by_update = factor_from_update(m.update_ratio, lr, down=False)
            if by_update is not None and by_update > 10:
                # the phrase names the update and the band itself
                return f"{capital(change_lr(lr, down=False, moved=m.update_ratio))}, to start with."
            return (
                f"{capital(change_lr(lr, down=False))} to start with: the last layer's weights change by only "
                f"{fmt(m.update_ratio)} of their norm per step (healthy training: about {HEALTHY_BAND})."
            )
        if m.update_ratio is not None and m.update_ratio > self.fast:
            return (
                f"{capital(change_lr(lr, 10, 100, moved=m.update_ratio, evidence=self.evidence, step=step))}: the last layer's weights change by {fmt(m.update_ratio)} of their "
                f"norm per step (healthy training: about {HEALTHY_BAND}), so each update overshoots and the loss stays at chance."
            )
        if (m.grad_ratio is not None and m.grad_ratio == 0.0) or blew_up:
            why = []
            if peak is not None and blew_up:
                ref, what = (known, "its chance level") if known is not None else (origin, "its start")
                rose = f"rose from step {self.peak_rise} and reached" if self.peak_rise < self.peak_step else "jumped to"
                why.append(f"the loss {rose} {fmt(peak)} at step {self.peak_step}, {fmt(peak / ref)}x {what}")
            if m.grad_ratio == 0.0:
                why.append("the first layer gets exactly zero gradient (the units below the head are dead)")
            if broken:
                why.append(
                    f"an earlier update moved the last layer's weights by {fmt(self.top_update)} times their norm (healthy training: about {HEALTHY_BAND} of it per step)"
                )
            return (
                capital(change_lr(lr, more=True, moved=self.top_update if broken else None, evidence=self.evidence, step=step))
                + go_back(self.peak_rise if blew_up else self.top_step if broken else None, "the damage")
                + ": "
                + " and ".join(why)
                + "; the model was broken by updates too large, not stuck for lack of them."
            )
        # a model with normalisation layers has its first-layer ratio small from the start for another reason (a
        # transformer's query projection at init: LG105's docstring), and has the layers this fix would add
        if m.grad_ratio is not None and m.grad_ratio < 1e-3 and not self.normalised:
            return (
                f"The first layer gets {fmt(m.grad_ratio)} times the last layer's gradient (relative to the weights): add "
                "BatchNorm layers or residual connections, and check for detached tensors."
            )
        # weights that move faster than healthy training (HEALTHY_UPDATE-`fast` of their norm per step) are no
        # reason to raise the learning rate: build-nanogpt at AdamW 0.6 sat at the class-frequency
        # level with 0.063 (see docs/runtime.md, "On real scripts", session 7)
        if m.update_ratio is not None and m.update_ratio > HEALTHY_UPDATE:
            where = (
                f"the loss stays at {fmt(m.target_entropy)}, the entropy of the class frequencies of the targets seen (what a model "
                "that ignores its inputs reaches)"
                if m.target_entropy is not None
                else "the loss stays where it started"
            )
            return (
                f"{capital(change_lr(lr, evidence=self.evidence, step=step))}: the last layer's weights change by {fmt(m.update_ratio)} of their norm per step, "
                f"more than healthy training (about {HEALTHY_BAND}), and {where}. If the loss stays there at a lower learning rate, "
                "check that the targets depend on the inputs (inputs and targets shuffled together, the right label column)."
            )
        if m.target_entropy is not None:
            moving = f"The weights move normally ({fmt(m.update_ratio)} of their norm per step), yet the" if m.update_ratio is not None else "The"
            return (
                f"{moving} loss fell from {fmt(median(self.start[:3]))} (its first steps) to {fmt(m.target_entropy)}, the entropy of the class frequencies "
                "of the targets seen, and stays there: the model predicts the class frequencies and has learnt nothing from "
                "its inputs. Check that the targets depend on the inputs (inputs and targets shuffled together, the right "
                "label column, a language model's targets shifted by one position); if the data is right, try a higher learning rate."
            )
        if m.update_ratio is not None:
            return (
                f"The weights move normally ({fmt(m.update_ratio)} of their norm per step) yet the loss stays where it started: "
                "check that the targets depend on the inputs (inputs and labels shuffled together, the right label column, "
                "augmentations applied to both); if the data is right, try a higher learning rate or BatchNorm layers."
            )
        return None

    def _warm_up_ruled_out(self) -> str:
        """While the learning rate rises: a sentence for the report when the warm-up no longer explains a flat loss
        (the median of the last ``RECENT_UPDATES`` measured updates is at least the healthy band's bottom,
        ``SLOWEST_UPDATE``: the rate has already brought the updates to healthy training's size, so a loss that
        stays where it started is held by something else), else "" (a warm-up's small first updates are still
        no evidence: nothing is judged). The annotated transformer's copy task with the targets of other
        sequences: the Noam warm-up spans the 400 steps, the head moves by 1e-3 of its norm per step from step
        170 on, and the loss stays within 1% of its start; the healthy run falls 14x over the same steps."""
        recent = list(islice(reversed(self.updates), RECENT_UPDATES))
        now = median(recent) if len(recent) == RECENT_UPDATES else 0.0
        if now < SLOWEST_UPDATE:
            return ""
        return (
            f" The learning rate is still rising (a warm-up), but the last layer's latest updates are already as large as "
            f"healthy training's ({fmt(now)} of its norm per step, the median of the last {RECENT_UPDATES} "
            "measurements): the warm-up is not what holds the loss."
        )

    def _warm_too_small(self, stats: StepStats, level: float, begin: float) -> Finding | None:
        """While the learning rate rises: a rate too small whatever the schedule. The last layer has moved by under
        ``warm_frozen`` of its norm at every measured step since the first (at least 8 measurements), for
        ``moving_window`` updated steps, and the loss has not fallen ``progress`` below its start: a warm-up that
        raised the rate a thousandfold from here would still leave the updates under ``frozen``, where the weights do
        not move (the annotated transformer's copy task at a base rate of 1e-7 under Noam's 400-step warm-up: the
        head moves by 1e-11 to 9e-10 of its norm per step; its healthy run by 5e-5 at the first step). A warm-up
        from 0 moves the weights by more within its first steps unless it is millions of steps long. Reported once."""
        lr = stats.lr
        top = self.top_update
        if (
            self.reported
            or not self._still_since_first(lr, self.moving_window, self.warm_frozen)
            or begin <= 0
            or level < (1.0 - self.progress) * begin
        ):
            return None
        assert lr is not None
        self.reported = True
        first = self.lrs[0]
        return Finding(
            f"Step {stats.step}: the learning rate is rising (a warm-up: from {fmt(first)} to {fmt(lr)} over the last "
            f"{len(self.lrs)} steps), and the last layer's weights have moved by at most {fmt(top)} of their norm per step "
            f"since the first step ({self.seen} steps): even a thousandfold rise of the rate from here leaves them under "
            f"{fmt(self.frozen)} of it, where they do not move. The loss is {fmt(level)} (the median of its first "
            f"{len(self.start)} losses: {fmt(begin)}).",
            {"update_ratio": median(self.updates), "top_update": top, "steps": self.seen, "lr": lr, "first_lr": first, "loss": level, "start": begin},
            fix=f"{capital(change_lr(lr, down=False, moved=top))} at this point of the schedule, to start with: raise the base "
            "learning rate the schedule scales (the optimizer's lr) by the same factor.",
        )

    def _still_since_first(self, lr: float | None, window: int, bound: float) -> bool:
        """The learning rate is known and positive, ``window`` updated steps have been seen, and the last layer has moved
        by under ``bound`` of its norm (but moved) at every measured step since the first, over at least
        ``MIN_MEASURED`` measurements: what :meth:`_never_moved` and :meth:`_warm_too_small` both read."""
        return lr is not None and lr > 0 and self.seen >= window and len(self.updates) >= MIN_MEASURED and 0.0 < self.top_update < bound

    def _never_moved(self, stats: StepStats) -> Finding | None:
        """A loss that went below zero (not judged by its level), whose optimizer (its learning rate known and
        not rising) has moved the last layer by under ``frozen`` of its norm at every measured step since the
        first, for ``min_window`` updated steps (at least 8 measurements): the weights have not left their
        initialisation, so nothing is learnt whatever the loss does (minimalRL's ACER at Adam 1e-7 moves its
        head by 1e-6 a step; at its 2e-4, by 1e-3). A rate that ends at 0, a frozen head (no update at all)
        or a converged model moved more before; a warm-up from 0 is rising. Called on measured steps only."""
        lr = stats.lr
        if not self._still_since_first(lr, self.min_window, self.frozen) or (len(self.lrs) >= 2 and self.lrs[-1] > self.lrs[0] * (1.0 + 1e-6)):
            return None
        assert lr is not None
        self.reported = True
        moved = median(self.updates)
        return Finding(
            f"Step {stats.step}: the last layer's weights have moved by at most {fmt(self.top_update)} of their norm per step "
            f"since the first step (the median of the last {len(self.updates)} measurements: {fmt(moved)}), at learning rate "
            f"{fmt(lr)}: the model has not left its initialisation. The loss has gone below zero (a policy-gradient, "
            "actor-critic or Wasserstein GAN loss), so its level says nothing here; the update size does.",
            {"update_ratio": moved, "top_update": self.top_update, "steps": self.seen, "lr": lr},
            fix=f"{capital(change_lr(lr, down=False, moved=moved))}, to start with.",
        )

    def _identically_zero(self, stats: StepStats) -> Finding | None:
        """A loss exactly 0 at every updated step from the first, with every measured gradient norm exactly
        0, for ``min_window`` steps: it does not depend on the parameters, so nothing is learnt, and its
        level says nothing a fit could read (pytorch/examples' DDP tutorial, ``F.cross_entropy`` of a
        Linear(20, 1)'s output against float targets in [0, 1]: the log-softmax of a single logit is 0)."""
        if stats.loss != 0.0 or (stats.grad_norm is not None and stats.grad_norm != 0.0):
            self.zeros = -1
            return None
        self.zeros += 1
        if stats.grad_norm is not None:
            self.zero_grads += 1
        if self.zeros < self.min_window or self.zero_grads < 8 or self.reported:
            return None
        self.reported, self.zeros = True, -1
        return Finding(
            f"Step {stats.step}: the loss has been exactly 0 at every step since the first, and every measured gradient "
            f"norm exactly 0 ({self.zero_grads} measurements): the loss does not depend on the model's parameters, so "
            "nothing is learnt.",
            {"loss": 0.0, "steps": self.min_window, "zero_gradients": self.zero_grads, "lr": stats.lr},
            fix="Check what the loss is computed from. A cross-entropy (CrossEntropyLoss, NLLLoss, F.cross_entropy) over a "
            "class axis of size 1 is always 0: the log-softmax of a single logit is 0. For one output per example use "
            "BCEWithLogitsLoss (a binary target) or MSELoss (a real-valued one); for C classes the model needs C outputs "
            "(chosen because the loss and its gradients were exactly 0 from the first step).",
        )

    def _no_gradient(self, stats: StepStats, loss: float) -> Finding | None:
        """The same loss, to the bit, at ``min_window`` updated steps in a row, with every gradient norm measured on
        them exactly 0 (at least 8): nothing reaches the parameters from the loss, so nothing is learnt, and a higher
        learning rate moves nothing (Ludobico/Pytorch_KOGPT2.5's Lightning example, ``torch.relu`` of the logits
        before ``F.cross_entropy``: once every logit is below 0 the outputs are all 0, the loss is ln 10 at every
        step and its gradient 0; LG103's fit reported it at step 227 with "raise the learning rate 200x"). Called by
        ``update`` on a step whose loss equals the one before it and whose gradient norm, if measured, is 0."""
        self.stuck += 1
        if stats.grad_norm is not None:
            self.stuck_grads += 1
        if self.stuck < self.min_window or self.stuck_grads < 8:
            return None
        self.stuck, self.reported = -1, True
        return Finding(
            f"Step {stats.step}: the loss has been exactly {fmt(loss)} at each of the last {self.min_window + 1} steps, and every "
            f"gradient norm measured on them exactly 0 ({self.stuck_grads} measurements): no gradient reaches the parameters "
            "from the loss, so nothing is learnt.",
            {"loss": loss, "steps": self.min_window + 1, "zero_gradients": self.stuck_grads, "lr": stats.lr},
            fix="Find what passes no gradient between the model's parameters and the loss: an activation on the outputs that "
            "is flat where every output now lies (torch.relu or a clamp on the logits: once every logit is below 0, every "
            "output is 0 and a cross-entropy is log(number of classes) with zero gradient; hand the raw logits to the "
            "loss; a sigmoid saturated to exactly 0 or 1), every unit of a layer dead (ReLUs after an update far too "
            "large: restart with a lower learning rate), "
            "a threshold, round or argmax in the forward pass, or a detach(). A higher learning rate cannot help: the "
            "update of a zero gradient is zero (chosen because the loss was the same to the bit and its gradients exactly 0).",
        )

    def absorb(self, run: Run, i: int) -> int:
        """The steps between two checks, once the first ``min_window`` losses are in and the loss
        was not exactly 0 at every step so far: up to the next check due (``every``, enough losses,
        no sign seen), which update() takes."""
        losses, steps, lrs = run.losses, run.steps, run.lrs
        n = len(losses)
        if self.zeros >= 0 or len(self.start) < self.min_window or i >= n:
            return i
        first = self.start[0]
        # below_zero(loss, first), inline: loss < 0 and loss < below is loss < below (below <= 0; -0.0 when first is 0)
        below = -1e-4 * abs(first)
        bar = RISE * first if first > 0 else None  # advice.rise_since's
        least, every, values = self.min_window, self.every, self.values
        signed = self.signed
        stuck, stuck_grads, stuck_loss = self.stuck, self.stuck_grads, self.stuck_loss
        # update()'s test after it appended loss j: a check is due unless one of these holds: (seen + 1) % every,
        # seen counting the steps taken here ((j + phase) % every); a sign seen; fewer than min_window values
        # (min(len(values) + 1, max_window) < min_window, with max_window >= min_window: j < short)
        phase, short = self.seen + 1 - i, i + least - 1 - len(values)
        stop = n
        if stuck < 0 or stuck_grads < 8:
            # update()'s count of identical losses cannot report in this run (it reports after 8 zero gradient
            # norms, which a plain step does not measure: stuck_grads only goes back to 0 here; stuck < 0: it
            # reported). The first check due from i on is the first j >= max(i, short) with (j + phase) % every
            # == 0; a sign seen at or before it takes every step after it too (no check from then on)
            if not signed:
                due = max(i, short)
                due += -(due + phase) % every
                stop = due if due < n else n
                if min(losses[i : stop + 1]) < below:
                    stop, signed = n, True
                elif due < n and self._checks_idle(run, i, below):
                    # every check due in the run finds the loss far below its start: each only sets these two
                    stop, self.wait, self.reported = n, 0, False
            if stuck >= 0 and stop > i:
                stuck, stuck_grads, stuck_loss = _stuck_after(losses[i:stop], stuck, stuck_grads, stuck_loss)
        else:
            for j in range(i, n):
                loss = losses[j]
                # update()'s count of identical losses (_no_gradient): a step on which it would report goes to update()
                if loss == stuck_loss and loss != 0.0 and stuck + 1 >= least:
                    stop = j
                    break
                sign = signed or loss < below
                if not ((j + phase) % every or sign or j < short):
                    stop = j
                    break
                signed = sign
                if loss != 0.0:  # a plain step measures no gradient: stuck_grads stays
                    if loss != stuck_loss:
                        stuck, stuck_grads, stuck_loss = 0, 0, loss
                    else:
                        stuck += 1
        if stop > i:
            # what update() keeps of each step taken, for all of them at once (nothing above reads it)
            values.extend(losses[i:stop])
            self.seen += stop - i
            kept = lrs[i:stop]
            self.lrs.extend(cast("list[float]", kept) if None not in kept else [lr for lr in kept if lr is not None])
            top = peak_of_run(losses, steps, i, stop, bar, self.since, self.peak)
            if top is not None:
                self.peak, self.peak_step, self.peak_rise = top
            self.since = rise_since_run(losses, steps, i, stop - 1, bar, self.since)
        self.signed = signed
        self.stuck, self.stuck_grads, self.stuck_loss = stuck, stuck_grads, stuck_loss
        return stop

    def _checks_idle(self, run: Run, i: int, below: float) -> bool:
        """The screen of a run's checks (``run[i:]``, no sign seen before it): True when update() would end each
        check due there with ``wait = 0`` and ``reported = False`` and nothing else, proven once for the whole run.

        Such a check is reached when the window is full (``moving_window`` values in) and the target is not
        constant (else the weights' movement decides first), no loss of the run is below zero (a sign ends the
        checks) and no warm-up shows (every learning rate of the window and the run within update()'s 1e-6 of the
        least: ``warming_up`` compares two of them). Its level, the median of the latest ``min_window`` losses, is
        at most their maximum, which is at most that of the window's latest ``min_window`` and the run's losses;
        when that is below ``1 - progress`` times the least reference of the run's chance levels
        (``Run.levels``), the loss is neither near its start nor frozen there (the reference is at most the start),
        and the check resets ``wait`` and ``reported``. Otherwise (or with the levels unknown) the steps go
        through update() one check at a time, as before."""
        levels = run.levels
        losses = run.losses
        if not levels or run.constant_target or len(self.values) < self.moving_window:
            return False
        if min(losses[i:]) < below:
            return False
        # the learning rates update() keeps: the window's and the run's known ones
        known = run.lrs[i:] if i else run.lrs
        if None in known:
            known = [lr for lr in known if lr is not None]
        kept = self.lrs
        rate = kept[-1] if kept else known[0] if known else None
        if rate is not None and kept.count(rate) == len(kept) and known.count(rate) == len(known):
            # one learning rate throughout (the usual case, counted in C): update()'s test compares it with itself
            if not rate <= rate * (1.0 + 1e-6):
                return False
        elif kept or known:
            lo = min(min(kept, default=math.inf), min(cast("list[float]", known), default=math.inf))
            hi = max(max(kept, default=-math.inf), max(cast("list[float]", known), default=-math.inf))
            if not (math.isfinite(lo) and math.isfinite(hi) and hi <= lo * (1.0 + 1e-6)):
                return False
        top = max(max(islice(reversed(self.values), self.min_window)), max(losses[i:]))
        begin = self._begin if self._begin is not None else median(self.start)
        least = math.inf
        for chance, entropy in levels:
            least = min(least, self._reference(begin, chance, entropy))
        return top < (1.0 - self.progress) * least

    def update(self, stats: StepStats) -> Finding | None:
        loss = stats.loss
        if loss is None or not math.isfinite(loss) or not stats.updated:
            return None
        if below_zero(loss, self.start[0] if self.start else None):
            self.signed = True
        self.values.append(loss)
        self.seen += 1
        self.since = rise_since(loss, self.start[0] if self.start else None, stats.step, self.since)
        if self.peak is None or loss > self.peak:
            self.peak, self.peak_step = loss, stats.step
            self.peak_rise = self.since if self.since >= 0 else stats.step
        if stats.lr is not None:
            self.lrs.append(stats.lr)
        if stats.update_ratio is not None and math.isfinite(stats.update_ratio):
            self.updates.append(stats.update_ratio)
            if stats.update_ratio > self.top_update:
                self.top_update, self.top_step = stats.update_ratio, stats.step
            if self.signed and not self.reported and (still := self._never_moved(stats)) is not None:
                return still
        if stats.grad_ratio is not None and math.isfinite(stats.grad_ratio):
            self.ratios.append(stats.grad_ratio)
            self.normalised = bool(stats.normalised)
        if self.zeros >= 0:
            zero = self._identically_zero(stats)
            if zero is not None:
                return zero
        if self.stuck >= 0 and loss != 0.0:
            grad = stats.grad_norm
            if loss != self.stuck_loss or (grad is not None and grad != 0.0):
                # the common step: the count starts again here (no call)
                self.stuck, self.stuck_grads, self.stuck_loss = 0, 0, loss
            elif (stuck := self._no_gradient(stats, loss)) is not None:
                return stuck
        if len(self.start) < self.min_window:
            self.start.append(loss)
            if len(self.start) == self.min_window:
                self._fix_start()
        if len(self.values) < self.min_window or self.seen % self.every or self.signed:
            return None
        if len(self.values) < self.moving_window or stats.constant_target:
            moving = self._update_level()
            if moving is None or moving >= self.still:
                return None
        warming_up = len(self.lrs) >= 2 and self.lrs[-1] > self.lrs[0] * (1.0 + 1e-6)
        # The level tests are cheap; the fit runs only while the loss is still near its start.
        level = median(list(islice(reversed(self.values), self.min_window)))
        begin = self._begin if self._begin is not None else median(self.start)
        entropy = stats.target_entropy
        warm_note = ""
        if warming_up:
            if (too_small := self._warm_too_small(stats, level, begin)) is not None:
                return too_small
            warm_note = self._warm_up_ruled_out()
            warming_up = not warm_note
        near = self._near_start(level, begin, stats.chance_loss, entropy) or self._frozen(stats.lr, level, begin)
        m = None if warming_up or not near else self.measure(stats.chance_loss, entropy)
        if m is None or not self._is_plateau(m, stats.lr):
            self.wait = 0
            if level < (1.0 - self.progress) * self._reference(begin, stats.chance_loss, entropy):
                self.reported = False
            return None
        self.wait += 1
        if self.wait < self.patience or self.reported:
            return None
        self.reported = True
        if m.target_entropy is not None:
            chance = f" (the entropy of the targets' class frequencies, {fmt(m.target_entropy)}: what a model that ignores its inputs reaches)"
        else:
            chance = f" (chance level {fmt(m.chance)})" if m.chance else ""
        above = m.loss > (1.0 + self.progress) * m.start
        stayed = self._steps_above(m.start) if above else m.steps
        under = sum(v <= (1.0 + self.progress) * m.start for v in islice(reversed(self.values), stayed)) if above else 0
        return Finding(
            f"Step {stats.step}: the loss has stayed at {fmt(m.loss)}{chance} for the last {stayed} steps "
            + (f"(their median; {under} of them were back at or below its start) " if under else "")
            + f"(fitted change {100 * m.change:+.2f}%); the median of its first {len(self.start)} losses was {fmt(m.start)}. Learning rate: {fmt(stats.lr)}"
            + (f"; the last layer's weights change by {fmt(m.update_ratio)} of their norm per step." if m.update_ratio is not None else ".")
            + warm_note,
            {**asdict(m), "lr": stats.lr, "stayed": stayed},
            fix=self._fix(m, stats.lr, stats.step),
        )
