"""LG101 nan-loss: the loss, or a gradient that reached the optimizer, is NaN or infinite."""

from __future__ import annotations

import math

from lossguard.catalog.update_sizes import HEALTHY_BAND
from lossguard.runtime.detectors.advice import change_lr, early
from lossguard.runtime.detectors.base import Detector, Finding, Param, Run, Saved, StepStats, UpdateEvidence, fmt

# The fix for a loss that turned non-finite while every parameter was finite (the watcher words its diagnosis two ways)
_OVERFLOW = (
    "Check this step's input batch for NaN or inf (`assert torch.isfinite(x).all()`); "
    "if it is clean, an activation overflowed: normalise the inputs, {lower} or clip the gradients."
)
# The watcher's diagnosis (StepStats.nonfinite_source) -> the fix it calls for. First match wins.
_FIXES = (
    (
        "that term's own computation",
        "Check how that term is computed for NaN or inf (a log of 0, a division by a count that can be 0, a degenerate "
        "or non-finite box into an IoU): the dict's other terms were finite, so the batch and the weights were not "
        "non-finite.",
    ),
    (
        "the criterion's argument",
        "Check that argument for NaN or inf where it is computed (a teacher model's scores, per-example weights, a "
        "mask or sequence lengths); the model being trained, its input batch and its learning rate are not to blame.",
    ),
    (
        "whose inputs are not seen",
        "Check the tensors this loss is computed from for NaN or inf (the batch, the targets, an RL rollout's rewards "
        "and returns); if they are clean, compute the loss in a numerically stable form (logits into the loss, not "
        "log(softmax) or log(sigmoid)). If you call `watcher.observe(loss)` yourself, pass `logits=` and `targets=` to have "
        "them checked (the Lightning and Hugging Face callbacks pass them when the loss is a cross-entropy of class indices).",
    ),
    (
        "both are computed from this step's input batch",
        "Check this step's input batch for NaN or inf (`assert torch.isfinite(x).all()` in the loader): the model's "
        "output and the target computed from the same batch are both non-finite while the weights were finite; the "
        "model and the learning rate are not to blame.",
    ),
    (
        "the target",
        "Check the data: this batch's targets hold NaN or inf (`assert torch.isfinite(y).all()` in the loader); "
        "the model and the learning rate are not to blame.",
    ),
    ("while the parameters were finite", _OVERFLOW),
    ("while every parameter is finite", _OVERFLOW),
    (
        "is non-finite",
        "An earlier update made the weights non-finite: {lower} and clip the gradients "
        "(`torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)`), then {restart}.",
    ),
    (
        "the loss itself overflowed",
        "Compute the loss in a numerically stable form: pass logits to CrossEntropyLoss or "
        "BCEWithLogitsLoss instead of taking log(softmax) or log(sigmoid) yourself, or clamp before log/exp.",
    ),
)
# "the loss" is the watched criterion's value: a term the script adds to it afterwards (a
# regulariser; Soft-Decision-Tree's penalty, log of a routing probability that reached 0) is not
# seen, and its inf makes the gradient NaN while the criterion stays finite
_GRAD_FIX = (
    "A gradient overflowed while the loss was finite: clip the gradients "
    "(`torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)`) and {lower}; under fp16, use a GradScaler. If the "
    "script adds terms to the loss after the watched criterion (a penalty, a regulariser), check them for inf or NaN "
    "first (a log of a probability that reached 0): the watcher sees the criterion's value only."
)


# The fixes that blame the data or the loss's form, not the rate; after an update larger than the weights themselves
# the rate is named first (NanLoss.top_update: SGNS at Adam 1, whose first update moved its last layer by 222x its
# norm, ended in log(sigmoid(x)) of an x that underflowed, three steps later).
_FORM_FIXES = ("whose inputs are not seen", "the loss itself overflowed")
# an update that moves the last layer by more than its own norm (healthy training: 0.001-0.05 of it)
_HUGE_UPDATE = 1.0


def _formatted(fix: str, lr: float | None, evidence: UpdateEvidence | None, step: int) -> str:
    # {lower}: the rate it ran at; {restart}: no checkpoint precedes a run's first steps
    restart = "start the run again" if early(step) else "restart from the last finite checkpoint"
    return fix.format(lower=change_lr(lr, evidence=evidence, step=step), restart=restart) + " (Chosen from the first non-finite tensor named above.)"


def fix_for(source: str, lr: float | None, evidence: UpdateEvidence | None, step: int, moved: float | None = None) -> str | None:
    """LG101's fix for a non-finite tensor the watcher located (:func:`lossguard.runtime.stats.locate_nonfinite`),
    also when the criterion raised on it (NaN into BCELoss) and no step statistics exist. ``moved``: the largest
    update measured before (the last layer's |dW|/|W|); above ``_HUGE_UPDATE`` a fix about the data or the loss's form
    first names the learning rate that made it."""
    key, fix = next(((k, f) for k, f in _FIXES if k in source), ("", None))
    if fix is None:
        return None
    if key in _FORM_FIXES and moved is not None and moved > _HUGE_UPDATE:
        lower = change_lr(lr, moved=moved, evidence=evidence, step=step)
        fix = (
            f"An earlier update moved the last layer by {fmt(moved)} of its norm (healthy training: about {HEALTHY_BAND}): "
            f"{lower.replace('{', '{{').replace('}', '}}')} and {{restart}}. Then: " + fix
        )
    return _formatted(fix, lr, evidence, step)


class NanLoss(Detector):
    """Reports the first non-finite loss or gradient of an episode.

    Gradients are seen only at real optimizer steps, unscaled: GradScaler's skipped overflow
    steps never reach the optimizer and are not reported. An episode ends after ``rearm_after``
    finite steps; a new one is reported again. The fix follows the watcher's diagnosis: the
    target, the input batch, weights made non-finite by an earlier update, a loss computed in an
    unstable form, or a gradient that overflowed with a finite loss.
    """

    code = "LG101"
    rearm_after = Param("positive_int", 20, "finite steps that end an episode; the next non-finite step is reported again")
    check_grads = Param("bool", True, "also report a non-finite gradient norm while the loss is finite")

    saved = (
        Saved("in_alarm", "bool"),
        Saved("finite_run", "int"),
        Saved("episodes", "int"),
        Saved("nonfinite_steps", "int"),
        Saved("top_update", "number"),
    )

    def reset(self) -> None:
        self.in_alarm = False
        self.finite_run = 0
        self.episodes = 0
        self.nonfinite_steps = 0
        self.top_update = 0.0  # the largest finite update measured (the last layer's |dW|/|W| of an optimizer step)

    def is_nonfinite(self, loss: float | None, grad_norm: float | None = None) -> bool:
        if loss is not None and not math.isfinite(loss):
            return True
        return self.check_grads and grad_norm is not None and not math.isfinite(grad_norm)

    def absorb(self, run: Run, i: int) -> int:
        """Finite losses, no gradient norm: each counts towards the end of an episode."""
        n = len(run.losses)
        if i < n:
            self.finite_run += n - i
            if self.finite_run >= self.rearm_after:
                self.in_alarm = False
        return n

    def update(self, stats: StepStats) -> Finding | None:
        moved = stats.update_ratio
        if moved is not None and stats.updated and moved > self.top_update and math.isfinite(moved):
            self.top_update = moved
        if not self.is_nonfinite(stats.loss, stats.grad_norm):
            if stats.loss is not None:
                self.finite_run += 1
                if self.finite_run >= self.rearm_after:
                    self.in_alarm = False
            return None
        self.nonfinite_steps += 1
        self.finite_run = 0
        if self.in_alarm:
            return None
        self.in_alarm = True
        self.episodes += 1
        loss_finite = stats.loss is None or math.isfinite(stats.loss)
        fix: str | None = None
        if loss_finite:
            what = f"the gradient is {fmt(stats.grad_norm)} while the loss is finite ({fmt(stats.loss)})"
            if stats.nonfinite_grad:
                what += f"; first non-finite gradient: {stats.nonfinite_grad}"
            fix = _formatted(_GRAD_FIX, stats.lr, self.evidence, stats.step)
        else:
            what = f"the loss is {fmt(stats.loss)}"
            if stats.nonfinite_source:
                what += f"; first non-finite tensor: {stats.nonfinite_source}"
                fix = fix_for(stats.nonfinite_source, stats.lr, self.evidence, stats.step, self.top_update or None)
        data = {
            "loss": stats.loss,
            "grad_norm": stats.grad_norm,
            "first_nonfinite": stats.nonfinite_source if not loss_finite else stats.nonfinite_grad,
        }
        return Finding(f"Step {stats.step}: {what}.", data, fix=fix)
