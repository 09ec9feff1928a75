"""Runtime checks of the loss's input values, with their state (catalog LG001, LG003, LG007, LG008),
and what the watcher learns about the targets (the chance level, the loss's lower bound).

On sampled ("checked") calls each check computes a 0/1 flag on the device; flags travel with
the step statistics and are decided here after the read, so no check synchronises by itself.
"""

from __future__ import annotations

from typing import Any

import torch

from lossguard.runtime.collect import Record
from lossguard.runtime.detectors import StepStats
from lossguard.runtime.misuse import BINARY, CLASS_INDEX, ELEMENTWISE, TARGETS_IN_UNIT, lower_bound, pretty

# LG003 "sigmoid output fed to BCEWithLogitsLoss": a value heuristic (a fresh model's raw logits,
# a GAN discriminator's, can sit inside (0.2, 0.8) for a few steps), so it is checked on each of
# the first SIGMOID_EARLY calls, needs SIGMOID_CALLS of them in a row inside (0, 1), and is a
# warning at most.
SIGMOID_CALLS = 20
SIGMOID_EARLY = 32
# Class counts for the chance level: every call for the first COUNT_EARLY, then every
# COUNT_EVERY-th (a few device ops each; their entropy is computed on the same calls).
COUNT_EARLY = 16
COUNT_EVERY = 64
# LG007 "NLLLoss input is not log-probabilities": a row's logsumexp this far from 0 (LG008's for KLDivLoss too).
LOGSUMEXP_TOL = 1e-2
# LG008's check looks at the first KL_MAX_ELEMENTS elements' worth of examples of a larger input (a
# language model's distillation: batch x tokens x vocabulary), whole examples along the first axis.
KL_MAX_ELEMENTS = 1 << 22
# LG001 "softmax output fed to CrossEntropyLoss": row sums this close to 1 (float32/64; else 3e-2).
ROW_SUM_TOL = 1e-3
ROW_SUM_TOL_LOW = 3e-2
# Smallest number of counted targets before their entropy is the chance level.
MIN_COUNTED = 256


class ValueChecks:
    """The value checks of one watched criterion; a small stateful object with ``state_dict``."""

    def __init__(self, kind: str | None, criterion: Any, adversarial: bool = False) -> None:
        self.kind = kind
        self.criterion = criterion
        # the loss is measured against another network trained at the same time (watch(adversarial=True):
        # a GAN's generator or discriminator, the Lightning plugin's watcher per optimizer): an equilibrium too
        self.adversarial = adversarial
        self.sigmoid_inside = 0
        self.sigmoid_outside = False
        self.target_var: float | None = None
        # one target value for the whole batch on every checked call and rank of a binary cross-entropy, or
        # of an elementwise loss with that value 1 or 0 (a GAN's real/fake labels, under BCE or least squares):
        # the loss hovers at an equilibrium, not a plateau
        self.constant_target: bool | None = None
        self.entropy: float | None = None
        self.counted = 0.0
        self._counts: torch.Tensor | None = None
        self._classes: int | None = None
        self._chance_key: Any = None
        # the chance level last computed from the input's shape (None: not known)
        self.chance: float | None = None
        # the least value the loss can take (the same for every step)
        self.floor = lower_bound(kind, criterion)
        # the targets of the latest call seen here (host metadata): 1 is a batch of one example
        self.examples: int | None = None
        # the least and greatest target of a binary cross-entropy (or MultiLabelSoftMarginLoss) on a checked
        # call, once one was outside [0, 1] (-1/1 targets): the loss is then unbounded below (LG107's fix)
        self.target_range: tuple[float, float] | None = None
        self._plain = _plain(criterion)

    @property
    def equilibrium(self) -> bool | None:
        """True when the loss hovers at an equilibrium, not a minimum (``StepStats.constant_target``): one
        target value per batch on every checked call, or a loss declared adversarial."""
        return True if self.adversarial else self.constant_target

    def criterion_changed(self) -> None:
        """An attribute of the criterion was set through the watcher (``criterion.weight = w``):
        its least value and whether the class-count entropy is its chance level follow; a weighted
        or smoothed loss drops the entropy counted so far."""
        self.floor = lower_bound(self.kind, self.criterion)
        self._plain = _plain(self.criterion)
        if not self._plain:
            self.entropy = None

    # ------------------------------------------------------------------ on the device, per call

    def on_call(self, rec: Record, inp: torch.Tensor | None, tgt: torch.Tensor | None, checked: bool, calls: int, disabled: set[str]) -> None:
        if tgt is not None:
            self.examples = tgt.numel()
        if rec.chance is None:
            key = None if inp is None else (inp.dim(), inp.shape[1] if inp.dim() >= 2 else None)
            if key != self._chance_key or self.chance is None:
                from lossguard.runtime.misuse import chance_loss

                self._chance_key, self.chance = key, chance_loss(self.kind, inp, self.criterion)
            rec.chance = self.chance
        counted = calls < COUNT_EARLY or calls % COUNT_EVERY == 0
        # losses over class-index targets have a no-signal level: the entropy of the class counts
        # (NLLLoss on log-probabilities as much as CrossEntropyLoss on logits)
        if counted and self.kind in CLASS_INDEX and self._plain and inp is not None and tgt is not None:
            self._count(rec, inp, tgt)
        checked = checked or (self.kind == "bce_logits" and calls < SIGMOID_EARLY and not self.sigmoid_outside)
        if not checked or inp is None or not inp.is_floating_point() or inp.numel() == 0:
            return
        own = rec.own_flags()
        for code, flag in flags(self.kind, inp, tgt, self.criterion).items():
            if code not in disabled:
                own[code] = flag
        if self.kind in ELEMENTWISE and tgt is not None and tgt.numel() > 1:
            hi = tgt.detach().amax()
            same = (hi == tgt.detach().amin()).float()
            if self.kind not in BINARY:
                # a regression's one target value is a real/fake label only when it is 1 or 0 (a least-squares
                # GAN's valid and fake): two contradictory batches of targets 1 and -1 (the fault-injection
                # scenario oscillating-sgd) are a minimisation that overshoots, not an equilibrium
                same = same * ((hi == 1) | (hi == 0)).float()
            prev = own.get("const_target")
            own["const_target"] = same if prev is None else torch.minimum(prev, same)
        if self.kind in TARGETS_IN_UNIT and self.target_range is None and tgt is not None and tgt.is_floating_point() and tgt.numel():
            own["target_lo"], own["target_hi"] = tgt.detach().amin().float(), tgt.detach().amax().float()
        # a target that carries gradient is a model output (MSE's arguments swapped, as DDPM code
        # often has them, or two outputs compared): its variance is no chance level
        if self.kind == "mse" and tgt is not None and tgt.is_floating_point() and tgt.numel() > 1 and not tgt.requires_grad:
            own["target_var"] = tgt.detach().float().var()

    def _count(self, rec: Record, inp: torch.Tensor, tgt: torch.Tensor) -> None:
        """Running class counts of integer targets, on the device (index_add_: no host sync)."""
        if tgt.is_floating_point() or inp.dim() < 2 or tgt.dim() != inp.dim() - 1:
            return
        classes = inp.shape[1]
        if self._counts is None or self._classes != classes or self._counts.device != tgt.device:
            self._counts = torch.zeros(classes + 1, device=tgt.device)
            self._classes = classes
        t = tgt.detach().reshape(-1)
        ignore = getattr(self.criterion, "ignore_index", -100)
        valid = (t >= 0) & (t < classes)
        if not (isinstance(ignore, int) and not 0 <= ignore < classes):
            valid = valid & (t != ignore)  # an ignore_index outside [0, classes) (-100) is not valid anyway: two ops fewer
        idx = torch.where(valid, t, classes)
        if idx.device.type == "cpu":
            # idx is at most classes: bincount's length is minlength, classes + 1
            self._counts += torch.bincount(idx, minlength=classes + 1)
        else:  # bincount reads the maximum back to the host; index_add_ does not
            self._counts.index_add_(0, idx, torch.ones(idx.shape, device=idx.device))
        counts = self._counts[:classes]
        total = counts.sum()
        p = counts / total.clamp(min=1)
        own = rec.own_flags()
        own["entropy"] = -(p * torch.log(p.clamp(min=1e-30))).sum()
        own["counted"] = total

    def quiet(self, calls: int) -> bool:
        """True when an unchecked call ``calls`` has nothing to do here: the chance level is known
        (:attr:`chance`), the targets are not counted on this call, and no early LG003 check is due."""
        return (
            self._chance_key is not None
            and calls >= COUNT_EARLY
            and calls % COUNT_EVERY != 0
            and not (self.kind == "bce_logits" and calls < SIGMOID_EARLY and not self.sigmoid_outside)
        )

    # ------------------------------------------------------------------ on the host, after a read

    def on_read(self, stats: StepStats, scalars: dict[str, float], world: int) -> None:
        if scalars:
            if "target_var" in scalars:
                self.target_var = scalars["target_var"] / world
            if "const_target" in scalars:
                self.constant_target = scalars["const_target"] > world - 0.5 and self.constant_target is not False
            if "entropy" in scalars:
                self.entropy = scalars["entropy"] / world
                self.counted = scalars.get("counted", 0.0)
            if "target_lo" in scalars and self.target_range is None:
                # summed over ranks: their mean, whose sign says enough here
                lo, hi = scalars["target_lo"] / world, scalars["target_hi"] / world
                if lo < 0 or hi > 1:
                    self.target_range = (lo, hi)
        stats.constant_target = True if self.adversarial else self.constant_target  # self.equilibrium, without the call
        stats.examples = self.examples
        if self.target_range is not None:
            stats.target_range = (pretty(self.kind or "bce"), *self.target_range)
        if self.kind == "mse" and self.target_var is not None:
            stats.chance_loss = self.target_var
        elif self.kind in CLASS_INDEX and self.entropy is not None and self.counted >= MIN_COUNTED:
            # a model that ignores its input learns the class frequencies: their entropy
            stats.target_entropy = self.entropy
            stats.chance_loss = self.entropy if stats.chance_loss is None else min(stats.chance_loss, self.entropy)
        stats.loss_floor = self.floor
        stats.loss_kind = self.kind

    def findings(self, step: int, scalars: dict[str, float]) -> list[tuple[str, str, dict, str | None]]:
        found: list[tuple[str, str, dict, str | None]] = []
        if scalars.get("LG001", 0.0) > 0:
            found.append(
                (
                    "LG001",
                    "Every row of the CrossEntropyLoss input is non-negative and sums to 1: it is already softmax output, so softmax is applied twice.",
                    {},
                    None,
                )
            )
        if "LG003" in scalars:
            if scalars["LG003"] <= 0:
                self.sigmoid_outside = True
            elif not self.sigmoid_outside:
                self.sigmoid_inside += 1
                if self.sigmoid_inside >= SIGMOID_CALLS:
                    found.append(
                        (
                            "LG003",
                            f"The BCEWithLogitsLoss input stayed inside (0, 1) on {self.sigmoid_inside} checked calls in a row: it looks like sigmoid output, so sigmoid is applied twice.",
                            {"checked_calls": self.sigmoid_inside},
                            "warning",
                        )
                    )
        if scalars.get("LG007", 0.0) > 0:
            found.append(
                (
                    "LG007",
                    f"The {pretty(self.kind or 'nll')} input is not log-probabilities (positive values, or rows whose exp does not sum to 1): "
                    "NLLLoss is then unbounded below and the model drives it to minus infinity.",
                    {},
                    None,
                )
            )
        if scalars.get("LG008", 0.0) > 0:
            found.append(
                (
                    "LG008",
                    f"The {pretty(self.kind or 'kl')} input is not log-probabilities (positive values, or no axis along which its exp sums to at "
                    "most 1 where the target has mass): KLDivLoss computes target * (log(target) - input), which for probabilities as input "
                    "is no divergence (it goes below 0, and the model learns a weaker objective).",
                    {},
                    None,
                )
            )
        return found

    # ------------------------------------------------------------------ state

    def state_dict(self) -> dict[str, Any]:
        return {
            "bce_inside": self.sigmoid_inside,
            "bce_outside": self.sigmoid_outside,
            "target_var": self.target_var,
            "constant_target": self.constant_target,
            "entropy": self.entropy,
            "counted": self.counted,
            "class_counts": None if self._counts is None else self._counts.tolist(),
            "target_range": None if self.target_range is None else list(self.target_range),
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.sigmoid_inside = int(state.get("bce_inside", 0))
        self.sigmoid_outside = bool(state.get("bce_outside", False))
        self.target_var = state.get("target_var")
        self.constant_target = state.get("constant_target")
        self.entropy = state.get("entropy")
        self.counted = float(state.get("counted", 0.0))
        rng = state.get("target_range")
        self.target_range = None if rng is None else (float(rng[0]), float(rng[1]))
        counts = state.get("class_counts")
        self._counts = None if counts is None else torch.tensor(counts, dtype=torch.float32)
        self._classes = None if counts is None else len(counts) - 1


def flags(kind: str | None, inp: torch.Tensor, tgt: torch.Tensor | None = None, criterion: Any = None) -> dict[str, torch.Tensor]:
    """0/1 device flags for value misuses; read later with the step statistics.

    LG003 needs more than "inside (0, 1)": a fresh model's raw logits can all be small and
    positive. Sigmoid output of a fresh model clusters around 0.5; of a trained one, or of a
    segmentation net's thousands of pixels, it spreads over a third of (0, 1) or more without
    leaving it (Pytorch-UNet's first masks: 0.33 to 0.83), which raw logits bounded by nothing do
    not do call after call.
    """
    out: dict[str, torch.Tensor] = {}
    x = inp.detach()
    if kind == "ce" and x.dim() >= 2 and x.shape[1] >= 2:
        tol = ROW_SUM_TOL if x.dtype in (torch.float32, torch.float64) else ROW_SUM_TOL_LOW
        rows = x.float().sum(dim=1)
        out["LG001"] = ((x.amin() >= 0) & ((rows - 1).abs().amax() <= tol)).float()
    elif kind == "nll" and x.dim() >= 2 and x.shape[1] >= 2:
        lse = x.float().logsumexp(dim=1)
        out["LG007"] = ((x.amax() > LOGSUMEXP_TOL) | (lse.abs().amax() > LOGSUMEXP_TOL)).float()
    elif kind == "bce_logits" and x.numel() >= 8:
        lo, hi, mean = x.amin(), x.amax(), x.float().mean()
        fresh = (lo > 0.2) & (hi < 0.8) & ((mean - 0.5).abs() < 0.15)
        spread = (lo > 0) & (hi < 1) & (hi - lo >= 0.3)
        out["LG003"] = (fresh | spread).float()
    elif kind == "kl" and x.numel() >= 2:
        out["LG008"] = _not_log_probabilities(x, tgt, criterion)
    return out


def _not_log_probabilities(x: torch.Tensor, tgt: torch.Tensor | None, criterion: Any) -> torch.Tensor:
    """LG008's 0/1 flag for a KLDivLoss input: a positive value (no log-probability is above 0), or no axis
    along which the exp of every slice sums to at most 1.

    Which axis holds the distribution is not known (classes on axis 1, a vocabulary on the last, a saliency map
    normalised over all its pixels, a distribution over the batch), so the input counts as log-probabilities
    when along any one axis, every axis but the first, or the whole tensor no slice's exp sums to over 1. At most,
    not exactly 1: log-probabilities of part of the classes (a top-k distillation's gathered log_softmax) sum to
    less, and are no misuse; probabilities sum to at least the number of classes. Slices where the target has no
    mass are left out: KLDivLoss gives 0 there whatever the input (a padding row masked to 0 on both sides).
    """
    if x.numel() > KL_MAX_ELEMENTS and x.dim() >= 2 and x.shape[0] > 1:
        keep = max(1, KL_MAX_ELEMENTS // max(1, x[0].numel()))
        whole = keep >= x.shape[0]
        x = x[:keep]
        tgt = tgt[:keep] if tgt is not None and tgt.dim() == x.dim() and tgt.shape[0] > 1 else tgt
    else:
        whole = True
    xf = x.float()
    positive = xf.amax() > LOGSUMEXP_TOL
    mass: torch.Tensor | None = None
    if tgt is not None and tgt.is_floating_point() and tgt.shape == x.shape:
        t = tgt.detach().float()
        mass = t.exp() if getattr(criterion, "log_target", False) else t
    axes: list[tuple[int, ...]] = [(d,) for d in range(x.dim()) if x.shape[d] >= 2 and (d > 0 or whole)]
    if x.dim() >= 3:
        axes.append(tuple(range(1, x.dim())))
    if whole and x.dim() >= 2:
        axes.append(tuple(range(x.dim())))
    if not axes:
        return positive.float()
    tol = LOGSUMEXP_TOL if x.dtype in (torch.float32, torch.float64) else ROW_SUM_TOL_LOW
    normalised = torch.zeros((), dtype=torch.bool, device=x.device)
    for dims in axes:
        off = xf.logsumexp(dim=dims) > tol
        if mass is not None:
            off = off & (mass.sum(dim=dims) > 0)
        normalised = normalised | ~off.any()
    return (positive | ~normalised).float()


def _plain(criterion: Any) -> bool:
    """No class weights, no label smoothing, mean reduction: the class-count entropy is the
    chance level of its loss."""
    return (
        getattr(criterion, "weight", None) is None
        and not getattr(criterion, "label_smoothing", 0.0)
        and getattr(criterion, "reduction", "mean") == "mean"
    )
