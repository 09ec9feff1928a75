"""LG104 loss-oscillation: the loss swings up and down periodically without a downward trend."""

from __future__ import annotations

import math
import operator
from collections import deque
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import repeat

import numpy as np

from lossguard.catalog.update_sizes import HEALTHY_UPDATE
from lossguard.runtime.detectors.advice import RISE, capital, change_lr, go_back, rise_since, rise_since_run
from lossguard.runtime.detectors.base import (
    Detector,
    Finding,
    Param,
    Run,
    Saved,
    StepStats,
    at_least,
    below_zero,
    centred_time,
    fmt,
    median,
)

# the last layer's measured updates a period-2 swing is judged by (their median against ``overshoot``)
UPDATES_KEPT = 8


@lru_cache(maxsize=8)
def _detrended_dft(n: int) -> np.ndarray:
    """The (2m, n) real matrix, m = n // 2, whose product with a series gives the real parts
    (rows 0..m-1) and imaginary parts (rows m..2m-1) of the DFT at k = 1 .. m of the series'
    least-squares residuals: the detrending projection is folded in once per window length."""
    t = centred_time(n)
    proj = np.eye(n) - 1.0 / n - np.outer(t, t) / float(t @ t)
    angle = 2.0 * np.pi * np.outer(np.arange(1, n // 2 + 1), np.arange(n)) / n
    return np.vstack((np.cos(angle) @ proj, -np.sin(angle) @ proj))


def _spectrum(values: list[float]) -> list[float]:
    """Power of each frequency k = 1 .. n//2 of the linearly detrended series (one matrix
    product: for windows of a few dozen steps, cheaper than detrending and an FFT)."""
    n = len(values)
    parts = _detrended_dft(n) @ np.asarray(values, dtype=np.float64)
    parts *= parts
    m = n // 2
    return (parts[:m] + parts[m:]).tolist()


def _peak(power: list[float]) -> tuple[float, float, float]:
    """The concentration of a spectrum (the highest band's share of its power), that band's power
    and its frequency k. The band of k = 2 .. m is power[k - 1] + power[k] (nothing past the end);
    the best band is the highest, the last of equal ones (as max over (value, k) pairs picks it)."""
    m = len(power)
    band = [*map(operator.add, power[1:], power[2:]), power[-1]]
    total = sum(power)
    best = max(band)
    k = m - band[::-1].index(best)
    return (best / total if total > 0 else 0.0), best, k


def _relative_decrease(values: list[float]) -> float:
    half = len(values) // 2
    before, after = median(values[:half]), median(values[half:])
    return (before - after) / abs(before) if before else 0.0


@dataclass(frozen=True)
class OscillationMeasure:
    """The spectrum behind an oscillation verdict (also the event's data)."""

    concentration: float
    period: float
    swing: float
    level: float
    relative_decrease: float
    reference: float
    # the run's first loss: a swing far above it is a diverged run's, not an oscillation of its own
    first: float | None = None


class LossOscillation(Detector):
    """Finds a loss that is dominated by one oscillation and is not going down.

    Over the last ``window`` steps (linearly detrended) at least ``concentration`` of the
    variance must sit in one frequency band (a period between 2 and ``window // 2`` steps; white
    small-batch noise spreads evenly), the swing (peak to peak of that component) must be at
    least ``amplitude`` of the loss level, and the second half of the window must not be more
    than ``trend`` (relative) below the first, unless the swing is over four times that decrease
    (a large oscillation around a slow decline). ``patience`` consecutive steps must agree. A swing of
    period 2 whose two phases (every other step) do not rise, while the last layer's updates are small (the
    median of its last 8 measured |dW|/|W| below ``overshoot``), is two alternating batches of different losses,
    not updates that overshoot (:meth:`_two_batches`).

    A loss that has gone below zero (:func:`below_zero`: an actor-critic loss, whose size follows
    the episodes' length) is not judged from then on.

    The swing must also matter on the scale of the run: its reference is the median of the
    first ``window`` losses (or the chance level, when known and higher). Either the loss is
    still above ``low`` times that reference (little progress: the step is too large to make
    any), or the swing is at least ``scale`` times it. A model that has fitted a short, fixed
    sequence of batches is periodic too, the per-batch losses of a converged model differ, but
    at a level and by an amount that are small next to where the run started; that is healthy.
    An adversarial loss (every batch's target a single value: a GAN discriminator) is not
    judged: it swings around its equilibrium by design.

    The spectrum is recomputed every ``every`` steps (oscillation is slow to establish), and
    only when cheap bounds do not already rule it out: the swing is at most four times the
    standard deviation of the window. The fix follows the period: a loss that alternates every
    step or two is overshooting (lower the learning rate); a slower swing is batch-to-batch
    variation (a larger batch, shuffled data), unless the loss swings at over ``diverged`` times
    its first value: then the run diverged (word_language_model at lr x100 swung around 900 from
    a first loss of 5.3, period 7 steps) and the fix is a lower learning rate and a restart.
    """

    code = "LG104"
    window = Param("positive_int", 32, "steps in the spectrum (at least 12)")
    patience = Param("positive_int", 12, "steps the oscillation must last")
    concentration = Param("fraction", 0.6, "least share of the detrended variance in one period band")
    amplitude = Param("fraction", 0.1, "least swing, relative to the loss level")
    trend = Param("fraction", 0.05, "largest relative decrease from the first to the second half of the window")
    every = Param("positive_int", 4, "steps between two spectra")
    low = Param("fraction", 0.5, "the loss must stay above this fraction of its reference...")
    scale = Param("positive_float", 0.25, "...or swing by at least this fraction of it")
    diverged = Param("above_one", 5.0, "a loss swinging above this multiple of its first value has diverged: the fix says so")
    overshoot = Param(
        "fraction", HEALTHY_UPDATE, "a period-2 swing needs updates of at least this fraction of the last layer's weights to be overshooting"
    )

    saved = (
        Saved("values", "window"),
        Saved("start", "numbers"),
        Saved("wait", "int"),
        Saved("reported", "bool"),
        Saved("seen", "int"),
        Saved("signed", "bool"),
        Saved("since", "int"),
        Saved("updates", "window"),
    )

    def validate(self) -> None:
        at_least("window", self.window, 12, "12 steps")

    def reset(self) -> None:
        self.values: deque[float] = deque(maxlen=self.window)
        self.start: list[float] = []
        self.wait = 0
        self.reported = False
        self.seen = 0
        self._start_ref: float | None = None
        # a loss below zero was seen (below_zero): no verdict from then on
        self.signed = False
        # the step the loss's current stretch at twice its first value began (advice.rise_since)
        self.since = -1
        # the last layer's latest measured update sizes, |dW|/|W| (measured steps only: absorb() takes none)
        self.updates: deque[float] = deque(maxlen=UPDATES_KEPT)

    def loaded(self) -> None:
        self._start_ref = None

    def reference(self, chance: float | None = None) -> float:
        """The loss scale of the run: where it started, or its chance level when that is higher."""
        if len(self.start) < self.window:
            ref = abs(median(self.start)) if self.start else 0.0
        else:  # the first window is complete and never changes again: its median once
            if self._start_ref is None:
                self._start_ref = abs(median(self.start))
            ref = self._start_ref
        if chance is not None and math.isfinite(chance) and chance > ref:
            ref = chance
        return ref

    def measure(self, chance: float | None = None, known: dict[str, float] | None = None) -> OscillationMeasure:
        """The spectrum of the window; ``known`` holds what :meth:`_ruled_out` already computed for it."""
        vals = list(self.values)
        return self._measure(vals, _peak(_spectrum(vals)), chance, known or {})

    def _measure(self, vals: list[float], peak: tuple[float, float, float], chance: float | None, known: dict[str, float]) -> OscillationMeasure:
        concentration, best, k = peak
        n = len(vals)
        return OscillationMeasure(
            concentration=concentration,
            period=n / (k + 0.5) if k < n // 2 else 2.0,
            swing=4.0 * math.sqrt(best) / n,
            level=known["level"] if "level" in known else abs(median(vals)),
            relative_decrease=known["relative_decrease"] if "relative_decrease" in known else _relative_decrease(vals),
            reference=known["reference"] if "reference" in known else self.reference(chance),
            first=self.start[0] if self.start else None,
        )

    def _ruled_out(self, vals: list[float], chance: float | None, known: dict[str, float]) -> bool:
        """True when the swing cannot reach the thresholds, whatever the spectrum says.

        What it computes on the way (level, reference, relative decrease) goes into ``known``
        for :meth:`measure`: the same window, so the same numbers.
        """
        n = len(vals)
        mean = sum(vals) / n
        # each v - mean and the sum of their squares in C (the same subtractions, the same sum in
        # the same order as a comprehension and a generator): no Python line per value
        dev = list(map(operator.sub, vals, repeat(mean, n)))
        bound = 4.0 * math.sqrt(sum(map(operator.mul, dev, dev)) / n)
        level = known["level"] = abs(median(vals))
        if level <= 0 or bound < self.amplitude * level:
            return True
        ref = known["reference"] = self.reference(chance)
        if level < self.low * ref and bound < self.scale * ref:
            return True
        decrease = known["relative_decrease"] = _relative_decrease(vals)
        return decrease >= self.trend and bound <= 4.0 * decrease * level

    def _diverged(self, m: OscillationMeasure) -> bool:
        """The loss swings far above where the run began (``diverged`` times its first loss)."""
        return m.first is not None and m.first > 0 and m.level >= self.diverged * m.first

    def _oscillating(self, m: OscillationMeasure) -> bool:
        return (
            m.concentration >= self.concentration
            and m.level > 0
            and m.swing >= self.amplitude * m.level
            and (m.relative_decrease < self.trend or m.swing > 4.0 * m.relative_decrease * m.level)
            and (m.level >= self.low * m.reference or m.swing >= self.scale * m.reference)
        )

    def _two_batches(self, vals: list[float], m: OscillationMeasure) -> bool:
        """A swing of period 2 whose two phases (every other step) do not rise over the window, while the last
        layer's updates are small (median of its last 8 measured |dW|/|W| below ``overshoot``, the top of healthy
        training): two alternating batches (or examples) of different losses, not updates that overshoot and bounce
        back, which need updates large next to the weights. pytorch/tutorials' BiLSTM-CRF tagger trains on two
        sentences in turn, its loss the summed negative log-likelihood of their 11 and 7 tags (13.4, 8.6, ... 11.2,
        6.4 by step 39, each phase falling) at SGD 0.01, its updates 0.003-0.008 of the weights (0 at lr 1e-7, where
        it stood beside LG103's "raise the learning rate"); the fault-injection scenario oscillating-sgd has the same
        loss shape (two fixed batches in turn, each phase falling) with updates of 0.2-0.6 of the weights, and is
        still reported. Not decided without 4 measured updates."""
        if m.period >= 2.5 or len(self.updates) < 4 or median(self.updates) >= self.overshoot:
            return False
        return _relative_decrease(vals[0::2]) >= 0 and _relative_decrease(vals[1::2]) >= 0

    def _fix(self, m: OscillationMeasure, lr: float | None, step: int = -1) -> str:
        if self._diverged(m):
            assert m.first is not None
            return (
                f"{capital(change_lr(lr, more=True, evidence=self.evidence, step=step))}{go_back(self.since if self.since >= 0 else None, 'the rise')}: it swings "
                f"around {fmt(m.level)}, {fmt(m.level / m.first)}x its first value {fmt(m.first)}, so training diverged and "
                "this swing is the diverged model's, not batch-to-batch variation."
            )
        if m.period < 3.0:
            return (
                f"{capital(change_lr(lr, 2, 10, evidence=self.evidence, step=step))}: the loss alternates every {m.period:.1f} steps, the signature of "
                "updates that overshoot the minimum and bounce back."
            )
        return (
            f"Increase the batch size, and shuffle the data if the loader repeats a fixed order: the loss swings with a "
            f"period of about {m.period:.1f} steps, batch-to-batch variation rather than overshooting; if that does not "
            f"help, {change_lr(lr, 2)}."
        )

    def absorb(self, run: Run, i: int) -> int:
        """The steps between two spectra: up to the next one due (``every``, a full window, no sign
        seen), which update() takes; every step under a constant binary target (update ignores them)."""
        losses, steps = run.losses, run.steps
        n = len(losses)
        if run.constant_target or i >= n:
            return n
        if not self.start:
            return i  # the first loss: update() starts the window
        first = self.start[0]
        # below_zero(loss, first), inline: loss < 0 and loss < below is loss < below (below <= 0; -0.0 when first is 0)
        below = -1e-4 * abs(first)
        bar = RISE * first if first > 0 else None  # advice.rise_since's
        values, start, window, every = self.values, self.start, self.window, self.every
        # update()'s test after it appended loss j: a spectrum is due unless (seen + 1) % every (seen counting the
        # steps taken here), a sign was seen, or fewer than window values are in (len(values) + 1 < window). The
        # first step due from i on: the first j >= i with j >= short and (j + phase) % every == 0. A sign seen
        # at or before it takes every step after it too (no spectrum from then on)
        if self.signed:
            stop = n
        else:
            phase, short = self.seen + 1 - i, i + window - 1 - len(values)
            due = max(i, short)
            due += -(due + phase) % every
            stop = due if due < n else n
            if min(losses[i : stop + 1]) < below:
                stop = n
                self.signed = True
            elif due < n and self._spectra_ruled_out(losses, i, below):
                # every spectrum due in the run is ruled out by the window's range: each only sets wait
                stop, self.wait = n, 0
        if stop > i:
            # what update() keeps of each step taken, for all of them at once (nothing above reads it)
            values.extend(losses[i:stop])
            room = window - len(start)
            if room > 0:
                start.extend(losses[i : min(stop, i + room)])
            self.seen += stop - i
            self.since = rise_since_run(losses, steps, i, stop - 1, bar, self.since)
        return stop

    def _spectra_ruled_out(self, losses: list[float], i: int, below: float) -> bool:
        """The screen of a run's spectra (``losses[i:]``, no sign seen before it): True when :meth:`_ruled_out`
        holds at every spectrum due there, proven once from the range of the window and the run, so that update()
        would only set ``wait`` to 0 at each.

        Each spectrum's window is among the window's values and the run's losses, so its level (``|median|``) is at
        most their largest magnitude ``top``, and its swing bound (4 standard deviations) at most twice their range
        (a standard deviation is at most half the range), plus ``1e-9 * top`` for the rounding of the mean and
        the sum of squares. With the first window complete the reference is at least :meth:`reference` without a
        chance level (a chance level only raises it), and when ``top`` is below ``low`` times it and the bound
        below ``scale`` times it, the swing is ruled out, whatever the spectrum. Not while a report stands (update
        then measures every spectrum), nor with a loss below zero in the run (a sign ends the spectra)."""
        if self.reported or len(self.start) < self.window or min(losses[i:]) < below:
            return False
        values = self.values
        hi, lo = max(max(values, default=-math.inf), max(losses[i:])), min(min(values, default=math.inf), min(losses[i:]))
        top = max(hi, -lo)
        ref = self.reference()
        return top < self.low * ref and 2.0 * (hi - lo) + 1e-9 * top < self.scale * ref

    def update(self, stats: StepStats) -> Finding | None:
        loss = stats.loss
        if loss is None or not math.isfinite(loss) or stats.constant_target:
            return None
        if below_zero(loss, self.start[0] if self.start else None):
            self.signed = True
        if stats.update_ratio is not None and stats.updated:
            self.updates.append(stats.update_ratio)
        self.values.append(loss)
        self.since = rise_since(loss, self.start[0] if self.start else None, stats.step, self.since)
        if len(self.start) < self.window:
            self.start.append(loss)
        self.seen += 1
        if len(self.values) < self.window or self.seen % self.every or self.signed:
            return None
        known: dict[str, float] = {}
        vals = list(self.values)
        if not self.reported and self._ruled_out(vals, stats.chance_loss, known):
            self.wait = 0
            return None
        peak = _peak(_spectrum(vals))
        m = None if peak[0] < self.concentration else self._measure(vals, peak, stats.chance_loss, known)
        if m is None or not self._oscillating(m) or self._two_batches(vals, m):
            # the concentration is _oscillating's first test: below it, the rest of the measure is not needed
            self.wait = 0
            if peak[0] < self.concentration / 2:
                self.reported = False
            return None
        self.wait += self.every
        if self.wait < self.patience or self.reported:
            return None
        self.reported = True
        return Finding(
            f"Step {stats.step}: the loss oscillates around {fmt(m.level)} with a swing of "
            f"{fmt(m.swing)} (period about {m.period:.1f} steps) and no downward trend over "
            f"the last {self.window} steps; it started at about {fmt(m.reference)}"
            + (f" (first loss {fmt(m.first)})." if self._diverged(m) else "."),
            {**asdict(m), "lr": stats.lr, "window": self.window},
            fix=self._fix(m, stats.lr, stats.step),
        )
