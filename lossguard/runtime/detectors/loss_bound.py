"""LG107: the loss went below the least value it can take (or fell without bound)."""

from __future__ import annotations

import math
from collections import deque

from lossguard import catalog
from lossguard.catalog.update_sizes import HEALTHY_BAND
from lossguard.runtime.detectors.advice import capital, change_lr
from lossguard.runtime.detectors.base import Detector, Finding, Param, Run, Saved, StepStats, fmt
from lossguard.runtime.misuse import pretty

# The first loss's magnitude is the scale of "how far below": never less than this (a first loss of 0).
_LEAST_SCALE = 1e-6

# A built-in loss that goes below 0 only when its input is not the log-probabilities it expects: the catalog
# problem whose fix names that input, by the loss's family (misuse.loss_kind).
_INPUT_PROBLEM = {"nll": "LG007", "kl": "LG008", "ctc": "LG012"}


def _input_fix(kind: str | None) -> str | None:
    """LG107's fix for a watched NLLLoss, KLDivLoss or CTCLoss (None otherwise: the catalog's fix, which names
    NLLLoss and a VAE's KL sign): the fix of the catalog problem of that loss's input, which is the only way these
    losses go below 0 (each is a sum of -target x log-probability terms, or a KL of distributions, with inputs of
    the right kind)."""
    code = _INPUT_PROBLEM.get(kind) if kind is not None else None
    if code is None:
        return None
    return f"{catalog.PROBLEMS[code].fix.rstrip('.')} (chosen because the watched loss is a {pretty(kind or '')}, never below 0 when its input is log-probabilities)."


def _fix(stats: StepStats) -> str | None:
    """LG107's fix: the targets' range when a binary loss saw targets outside [0, 1], else the watched loss's input."""
    return _targets_fix(stats.target_range) or _input_fix(stats.loss_kind)


def _targets_fix(target_range: tuple[str, float, float] | None) -> str | None:
    """LG107's fix when the targets of a binary cross-entropy or MultiLabelSoftMarginLoss were seen outside [0, 1]
    (``StepStats.target_range``; None otherwise: the catalog's fix): with a target y outside it, the term
    -y*log(p) - (1-y)*log(1-p) falls without bound as p goes to 0 or 1, so the loss goes below 0 however right the
    model is."""
    if target_range is None:
        return None
    name, lo, hi = target_range
    signs = " (the -1/1 labels of MultiLabelMarginLoss, SoftMarginLoss or a hinge loss)" if lo < 0 else ""
    return (
        f"The targets of {name} range over [{lo:.4g}, {hi:.4g}]{signs}; it takes targets in [0, 1]: 1 for a label that is "
        f"present, 0 for one that is absent. Map them (-1/1 labels: `(y + 1) / 2`), or keep -1/1 and use the loss written "
        "for them (SoftMarginLoss) (chosen because the targets were seen outside [0, 1])."
    )


class LossBelowBound(Detector):
    """A loss bounded below (``stats.loss_floor``: 0 for a built-in loss of
    ``torch_api.NON_NEGATIVE_FAMILIES``, see :func:`lossguard.runtime.misuse.lower_bound`) that goes
    below its bound by more than ``tolerance`` (relative to its first value) has inputs of the
    wrong kind, or a term of the wrong sign: minimising it drives the model to infinity. For a loss
    whose bound is unknown, a fall to ``-unbounded_factor`` times its first magnitude is the same
    signature (a VAE with its KL term's sign flipped), and so is another detector's alarm (huge
    gradients, a spike) at a step where the loss has fallen below zero by more than its first
    magnitude (:meth:`explains`). Reported once. The fix names the targets' range when a binary loss saw
    targets outside [0, 1], and the input a watched NLLLoss, KLDivLoss or CTCLoss expects (``_input_fix``).

    A loss of unknown bound that, after going below zero, rose above zero again by ``either_sign`` times the
    fall it would be reported at (``unbounded_factor`` times its first magnitude) or more takes either sign by
    design: a policy-gradient or actor-critic loss, a sum over an episode of -log p(a) x advantage, swings from
    -155 to +157 as the episodes lengthen (Lucasc-99/Actor-Critic's shape, healthy). It is not reported as falling
    without bound. The sign errors this test is for fall and stay below zero (a VAE's KL term subtracted, a
    log-likelihood minimised without its minus).

    A fall of a loss of unknown bound that comes right after an update that moved the last dense layer by more than
    ``overreach`` times its norm (one of the latest ``recent_updates`` measured updates) has a measured cause, the
    learning rate: the fix lowers it, chosen from that update (PyTorch-GAN's wgan_gp at Adam 0.2: the generator's
    loss went from -54 to -1.0e4 at its second step, after its first update moved its last layer by about 8 times
    its norm, and the sign fix was wrong advice; a sign error falls at a healthy rate's updates)."""

    code = "LG107"
    tolerance = Param("positive_float", 1e-3, "how far below its bound (relative to its first value, at least 1) the loss must go")
    unbounded_factor = Param("positive_float", 100.0, "a loss of unknown bound is reported below -unbounded_factor times its first magnitude")
    either_sign = Param("fraction", 0.1, "a loss that rose back above zero by this share of that fall takes either sign by design")
    overreach = Param(
        "positive_float", 1.0, "a fall right after an update that moved the last layer by more than this share of its norm names the rate"
    )
    recent_updates = Param("positive_int", 3, "the latest measured updates that count as right before the fall")

    saved = (
        Saved("start", "optional"),
        Saved("reported", "bool"),
        Saved("went_below", "bool"),
        Saved("high", "optional"),
        Saved("moves", "window"),
    )

    def reset(self) -> None:
        self.start: float | None = None
        self.reported = False
        # whether the loss has gone below zero, and its highest value since (None: none above zero yet)
        self.went_below = False
        self.high: float | None = None
        # the latest measured last-layer updates (|dW|/|W|), each taken after its step's loss
        self.moves: deque[float] = deque(maxlen=self.recent_updates)

    def _keep(self, losses: list[float]) -> None:
        """Note the losses' signs: the highest loss above zero after the first one below it."""
        if not self.went_below:
            if not losses or min(losses) >= 0:
                return
            k = next(j for j, v in enumerate(losses) if v < 0)
            self.went_below = True
            losses = losses[k:]
        top = max(losses) if losses else 0.0
        if top > 0 and (self.high is None or top > self.high):
            self.high = top

    def _either_sign(self, scale: float) -> bool:
        """Whether the loss rose back above zero by ``either_sign`` of the fall it would be reported at."""
        return self.high is not None and self.high >= self.either_sign * self.unbounded_factor * max(scale, 1.0)

    def absorb(self, run: Run, i: int) -> int:
        """Once the first loss is in, the losses above the limit of :meth:`update`'s tests (none after a report)."""
        losses = run.losses
        n = len(losses)
        if self.reported:
            return n
        if self.start is None:
            return i  # update() takes the first loss as the start
        scale = max(abs(self.start), _LEAST_SCALE, 1.0)
        floor = run.floor
        # update's two tests: below the bound by the tolerance, or, with no bound, below -unbounded_factor * scale (< 0)
        limit = floor - self.tolerance * scale if floor is not None else -self.unbounded_factor * scale
        if i >= n or min(losses[i:]) >= limit:
            if i < n:
                self._keep(losses[i:] if i else losses)
            return n  # every loss at the limit or above (finite losses): no loop over them
        for j in range(i, n):
            if losses[j] < limit:
                self._keep(losses[i:j])
                return j
        return n

    def update(self, stats: StepStats) -> Finding | None:
        loss = stats.loss
        if self.reported or loss is None or not math.isfinite(loss):
            return None
        if self.start is None:
            self.start = loss
        self._keep([loss])
        scale = max(abs(self.start), _LEAST_SCALE)
        floor = stats.loss_floor
        if floor is not None and loss < floor - self.tolerance * max(scale, 1.0):
            self.reported = True
            return Finding(
                f"The loss is {fmt(loss)}, below {fmt(floor)}, the least value this loss can take with inputs of the right kind "
                f"(it started at {fmt(self.start)}): its input is not what it expects, or a term has the wrong sign.",
                {"loss": loss, "floor": floor, "start": self.start},
                fix=_fix(stats),
            )
        moved = max(self.moves) if self.moves else None  # the updates before this step's loss
        ratio = stats.update_ratio
        if ratio is not None and math.isfinite(ratio):
            self.moves.append(ratio)
        if floor is None and loss < 0 and loss < -self.unbounded_factor * max(scale, 1.0) and not self._either_sign(scale):
            self.reported = True
            head = f"The loss fell to {fmt(loss)} from {fmt(self.start)}: more than {fmt(self.unbounded_factor)} times its first magnitude below zero"
            if moved is not None and moved > self.overreach:
                return Finding(
                    f"{head}, right after an update that moved the last layer's weights by {fmt(moved)} times their norm (healthy "
                    f"training: about {HEALTHY_BAND} of it per step). A learning rate far too high drives a loss with no bound below "
                    "(a GAN's, a policy gradient's) down as fast as a term of the wrong sign does.",
                    {"loss": loss, "start": self.start, "update_ratio": moved},
                    fix=f"{capital(change_lr(stats.lr, moved=moved, evidence=self.evidence, step=stats.step))}; if the loss still falls "
                    "without bound at that rate, check the sign of every term you add to it (chosen because the fall came right after an "
                    "update larger than the layer).",
                )
            return Finding(
                f"{head}. A loss that falls without bound has a term of the wrong sign (a KL or entropy term subtracted) or an input of the wrong kind.",
                {"loss": loss, "start": self.start},
                fix=_fix(stats),
            )
        return None

    def explains(self, stats: StepStats, symptom: str) -> Finding | None:
        """The finding of another detector (``symptom``: exploding gradients, a spike) at a step
        where the loss has fallen below zero by more than its first magnitude: the loss is
        unbounded below, and that is the problem to report (once)."""
        loss = stats.loss
        if self.reported or loss is None or not math.isfinite(loss) or self.start is None:
            return None
        if not (loss < 0 and loss < self.start - max(abs(self.start), _LEAST_SCALE)):
            return None
        if stats.loss_floor is None and self._either_sign(max(abs(self.start), _LEAST_SCALE)):
            return None
        self.reported = True
        return Finding(
            f"The loss fell to {fmt(loss)} from {fmt(self.start)} while {symptom}: a loss that falls below zero without bound "
            "has a term of the wrong sign (a KL or entropy term subtracted) or an input of the wrong kind; the large gradients follow from it, "
            "not from the learning rate.",
            {"loss": loss, "start": self.start, "symptom": symptom},
            fix=_fix(stats),
        )
