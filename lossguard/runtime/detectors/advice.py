"""Wording the detectors' fixes share: how to change the learning rate, and where to go back to.

A user reads "lower the learning rate from 1 to 0.1" and acts; "lower the learning rate by 10x"
leaves them to look the value up. And a run damaged within its first steps has no checkpoint to
go back to: "restart from a checkpoint taken before the jump" is advice that cannot be followed
(pytorch/examples' word_language_model at lr x100 jumped at step 1; mnist_hogwild at x1000 too).
"""

from __future__ import annotations

import math

from lossguard.catalog.update_sizes import HEALTHY_UPDATE, SLOWEST_UPDATE
from lossguard.runtime.detectors.base import UpdateEvidence, fmt

# damage done before this step was done by the first updates: no checkpoint precedes it, and the
# cure is a smaller learning rate (or a warm-up) from the start (LG102's blow-up bound and early
# test look at the same first steps)
EARLY_STEPS = 16


# the largest factor the update size may choose: past it, the measured update says more about a model
# already broken (gradients grown by the divergence) than about the learning rate
MOST = 1000.0


def _one_digit(value: float, up: bool) -> float:
    """``value`` rounded to one significant digit, up or down (0.00334 down: 0.003; 299.3 up: 300)."""
    scale = 10.0 ** math.floor(math.log10(value))
    digit = value / scale
    return (math.ceil(digit - 1e-9) if up else math.floor(digit + 1e-9)) * scale


def factor_from_update(moved: float | None, lr: float | None = None, down: bool = True) -> float | None:
    """The factor to change the learning rate by so that updates of ``moved`` of the last layer's norm
    per step reach the healthy band's edge: its top when lowering, its bottom when raising (an update is
    proportional to the learning rate, for SGD and Adam alike), when that is more than 10x; at most
    ``MOST``. None: no measurement, or 10x is enough. The new rate is the edge's, rounded to one
    significant digit towards the band's inside, and no further: the update size knows the rate only
    to a factor of a few (a healthy first Adam update can sit above the band: GIN at its default
    0.01), so a rate a little off is reported again later, and a factor rounded up to a power of ten
    would suggest a rate below what the evidence supports (GIN at Adam 1: 15 of the weights per step,
    0.003 brings it under the band's top; a power of ten said 0.001, 10x under its default 0.01)."""
    if moved is None or not math.isfinite(moved) or moved <= 0:
        return None
    need = moved / HEALTHY_UPDATE if down else SLOWEST_UPDATE / moved
    if need <= 10:
        return None
    if lr is None or not math.isfinite(lr) or lr <= 0:
        return min(MOST, _one_digit(need, up=down))
    new = _one_digit(lr / need if down else lr * need, up=False)
    return min(MOST, lr / new if down else new / lr)


def strongest(evidence: UpdateEvidence, moved: float | None, lr: float | None, step: int) -> tuple[float | None, int]:
    """The update size a fix lowering the learning rate at ``step`` chooses from: ``moved`` (this report's
    measurement; kept as the run's evidence when it is the largest yet), or the run's largest earlier one
    when that is larger, scaled to this learning rate (an update is proportional to it), with the step it
    was measured by (-1: this report's own). pytorch/examples' mnist at Adadelta 1000: "from 1000 to 1"
    at step 1 (45 of the head's norm per step); at step 79 a spike on a step with no update measured (the
    units dead since step 8) said "from 1000 to 100", the default 10x, with the rate unchanged."""
    usable = moved is not None and math.isfinite(moved) and moved > 0
    kept = evidence.moved
    if kept is not None and lr != evidence.lr:
        # the rate changed since (a schedule, the user): the earlier update at this rate
        kept = kept * lr / evidence.lr if lr is not None and evidence.lr is not None and lr > 0 and evidence.lr > 0 else None
    if usable and (kept is None or moved >= kept):  # type: ignore[operator]  # usable: moved is a float
        if kept is None or moved > kept:  # type: ignore[operator]  # an equal one keeps the step it was first measured by
            evidence.moved, evidence.lr, evidence.step = moved, lr, step
        return moved, -1
    if kept is not None and evidence.step != step:
        return kept, evidence.step
    return moved, -1


def change_lr(
    lr: float | None,
    low: float = 10.0,
    high: float | None = None,
    more: bool = False,
    down: bool = True,
    moved: float | None = None,
    evidence: UpdateEvidence | None = None,
    step: int = -1,
) -> str:
    """The phrase "lower the learning rate from 1 to 0.1" (by ``low``x; to ``high``x with a range; "or less"
    with ``more``), or "lower the learning rate by 10x" when the rate is unknown. ``down=False``
    raises it. ``moved``: the last layer's update per step relative to its norm; when it calls for
    more than ``low`` (:func:`factor_from_update`: siamese_network at Adadelta 1000, moving 36 times its
    norm per step, "from 1000 to 1"; SDT at Adam 1e-7, moving 5.6e-7 of it, "from 1e-07 to 0.0001"),
    the factor is that, and the phrase says what chose it. ``evidence`` (lowering only): the run's
    update sizes behind earlier fixes (:func:`strongest`); ``step``: this report's."""
    verb = "lower" if down else "raise"
    earlier = -1
    if down and evidence is not None:
        moved, earlier = strongest(evidence, moved, lr, step)
    by_update = factor_from_update(moved, lr, down)
    if by_update is not None and by_update > max(low, high or 0.0):
        assert moved is not None
        edge, side = (HEALTHY_UPDATE, "x the") if down else (SLOWEST_UPDATE, "x under the")
        shown = moved / edge if down else edge / moved
        when = ""
        if earlier >= 0 and evidence is not None:
            when = f" measured by step {earlier}" + (f" at learning rate {fmt(evidence.lr)}, scaled to this one" if evidence.lr != lr else "")
        why = (
            f" ({fmt(by_update) + 'x, ' if lr is not None and lr > 0 else ''}chosen from the update size{when}: {fmt(moved)} of the last layer's weights per step, "
            f"{fmt(shown)}{side} {fmt(edge)} of healthy training at {'most' if down else 'least'})"
        )
        return change_lr(lr, by_update, more=more, down=down) + why
    tail = (" or less" if down else " or more") if more else ""
    if lr is None or lr <= 0:
        by = f"{fmt(low)}-{fmt(high)}x" if high is not None else f"{fmt(low)}x"
        return f"{verb} the learning rate by {by}{' or more' if more else ''}"

    def to(k: float) -> float:
        return lr / k if down else lr * k

    if high is not None:
        ends = sorted((to(low), to(high)))
        return f"{verb} the learning rate from {fmt(lr)} to {fmt(ends[0])}-{fmt(ends[1])} ({fmt(low)}-{fmt(high)}x)"
    return f"{verb} the learning rate from {fmt(lr)} to {fmt(to(low))}{tail}"


# a loss at this multiple of its first value or more has risen above where the run began: the step
# its current stretch up there began is where damage began (not the step of its highest loss)
RISE = 2.0


def rise_since(loss: float, first: float | None, step: int, since: int) -> int:
    """The step the loss's current stretch at ``RISE`` times its first value or more began (``since``
    kept while the stretch lasts), or -1 when the loss is below that now. siamese_network at
    Adadelta 100: 0.69 at step 0, 18.3 at step 1, 50 from step 2 on; the damage began at step 1."""
    if first is None or first <= 0 or loss < RISE * first:
        return -1
    return step if since < 0 else since


def rise_since_run(losses: list[float], steps: list[int], i: int, j: int, bar: float | None, since: int) -> int:
    """:func:`rise_since` applied to ``losses[i]`` .. ``losses[j]`` in turn from ``since``: its value after
    step ``j`` (``bar``: ``RISE`` times the first loss, None when that is not above 0). Scans back from
    ``j`` over the stretch at the bar or above: one comparison when the latest loss is below it.
    :meth:`Detector.absorb` keeps a run's ``since`` with it; the losses are finite."""
    if bar is None or losses[j] < bar:
        return -1
    k = j
    while k > i and not losses[k - 1] < bar:
        k -= 1
    if k > i:
        return steps[k]  # the stretch began inside the run, after a loss below the bar
    return steps[i] if since < 0 else since


def peak_of_run(
    losses: list[float], steps: list[int], i: int, j: int, bar: float | None, since: int, peak: float | None
) -> tuple[float, int, int] | None:
    """The peak, its step and the step its rise began (``peak_rise``) after ``losses[i:j]`` (j > i), as
    a step-by-step update keeps them (a loss higher than the peak so far takes it; ``since`` is
    :func:`rise_since`'s value before step ``i``); None when no loss there is higher than ``peak``.
    The last loss to take the peak is the first of the highest (later equal ones do not)."""
    top = max(losses[i:j])
    if peak is not None and not top > peak:
        return None
    k = losses.index(top, i, j)
    rise = rise_since_run(losses, steps, i, k, bar, since)
    return top, steps[k], (rise if rise >= 0 else steps[k])


def capital(text: str) -> str:
    """The phrase as the start of a sentence."""
    return text[:1].upper() + text[1:]


def early(step: int | None) -> bool:
    """Was damage done at ``step`` done by the first updates (no checkpoint before it)?"""
    return step is not None and 0 <= step < EARLY_STEPS


def go_back(step: int | None, what: str, exact: bool = True) -> str:
    """Where to resume after damage (``what``, a noun: "the jump") done at ``step`` (None: unknown).

    Later: " and restart from a checkpoint taken before the jump". Within the first steps, the
    only cure is a smaller first update: ", or warm it up from a tenth of its value over the
    first few hundred steps, and start the run again (the jump came at step 1, before any
    checkpoint)", to follow a :func:`change_lr` phrase. ``exact=False``: ``step`` only bounds it
    ("their death came by step 9": LG105's dead units, measured dead from the first measurements on).
    The step of a rise is where it began (:func:`rise_since`), not the step of the highest loss.
    """
    if early(step):
        return (
            ", or warm it up from a tenth of its value over the first few hundred steps, and start the run again "
            f"({what} came {'at' if exact else 'by'} step {step}, before any checkpoint)"
        )
    return f" and restart from a checkpoint taken before {what}"


def _after_softmax(step: int, effect: str, persists: str) -> str:
    """A fix that blames the softmax LG001 reported at ``step`` for what a detector saw (``effect``), and says
    what to do when passing the logits does not end it (``persists``)."""
    return (
        f"The loss's input is already softmax output (LG001 at step {step}): {effect} Pass the logits to the loss; "
        f"if {persists}, look again (chosen because LG001 was reported)."
    )


def vanishing_through_softmax(step: int) -> str:
    """LG105's fix once LG001 said the cross-entropy's input is softmax output: a softmax of large scores
    saturates and passes back almost no gradient, to every layer below it (weihua916/powerful-gnns' GIN,
    whose summed scores of sum-pooled graphs are large, with a softmax before its CrossEntropyLoss: the
    first layer's gradient exactly 0 at step 40, reported as dead ReLUs and a learning rate too high)."""
    return _after_softmax(
        step,
        "a softmax of large scores saturates (its largest probability is 1 to float precision) and passes back almost "
        "no gradient, so the layers below it get none; dead units or the learning rate need not be the cause.",
        "the gradient still vanishes",
    )


def plateau_of_probabilities(step: int) -> str:
    """LG103's fix once LG001 said the cross-entropy's input is softmax output: a cross-entropy of
    probabilities stays close to its chance level whatever the model learns (xuyxu/Soft-Decision-Tree
    with a softmax before its CrossEntropyLoss: 100% of the training batch right, the loss at 2.26
    against a chance level of 2.30), so a plateau says nothing about the targets."""
    return _after_softmax(
        step,
        "a cross-entropy of probabilities stays close to its chance level even while the model learns, so this plateau "
        "does not show that nothing is learnt.",
        "the loss still stays at its chance level",
    )


def without_line_search(fix: str) -> str:
    """A fix lowering the learning rate of an L-BFGS-like optimizer constructed without a line search
    (``line_search_fn=None``): its usual cure is the line search, named first (jayroxis/PINNs' Burgers
    PINN at L-BFGS lr 1 without one: the loss 2000x its level within 10 evaluations; with
    ``line_search_fn="strong_wolfe"`` at the same lr it converges)."""
    return (
        "This optimizer has no line search (line_search_fn=None): each of its iterations moves the full step, the learning "
        'rate times its direction, wherever the loss goes there. Construct it with line_search_fn="strong_wolfe" (the '
        "search picks each step's length and backs off where the loss rose; lr=1 is its usual value), or " + fix[:1].lower() + fix[1:]
    )
