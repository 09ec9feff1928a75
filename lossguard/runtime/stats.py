"""From the values read for one step to the detectors' :class:`StepStats`: a pure function.

No watcher state here: what was read (loss, named scalars, gradient and weight norms per
parameter) and the model's layout go in; the step's statistics and its TensorBoard scalars come
out. Only :func:`locate_nonfinite`, for the first non-finite loss, looks at the parameters.
"""

from __future__ import annotations

import inspect
import math
from operator import mul
from typing import Any

import torch
from torch import nn

from lossguard.runtime.detectors import StepStats
from lossguard.runtime.layout import Layout
from lossguard.runtime.sinks import GRAD_NORM

# A gradient-to-weight ratio needs a weight norm above this to mean anything.
_MIN_BASE = 1e-12


def step_stats(
    step: int,
    loss: float,
    scalars: dict[str, float],
    grads: list[float] | None,
    index: tuple[int, ...] | None,
    weights: list[float] | None,
    layout: Layout,
    *,
    lr: float | None = None,
    chance: float | None = None,
    updated: bool = True,
    grad_tags: bool = False,
) -> tuple[StepStats, dict[str, float]]:
    """The statistics of one step, and its gradient-norm scalars when ``grad_tags``."""
    stats = StepStats.of_step(step, loss, lr, chance, updated)
    if "update" in scalars:
        base = scalars.get("update_base", 0.0)
        stats.update_ratio = scalars["update"] / base if base > _MIN_BASE else None
    tb: dict[str, float] = {}
    if grads is None or index is None:
        return stats, tb
    # map() over C functions: the same values in the same order, without a Python call per gradient
    total = math.sqrt(sum(map(mul, grads, grads))) if all(map(math.isfinite, grads)) else float("nan")
    if any(map(math.isinf, grads)) and not any(map(math.isnan, grads)):
        total = float("inf")
    stats.grad_norm = total
    if not math.isfinite(total):
        bad = next(i for i, g in zip(index, grads) if not math.isfinite(g))
        stats.nonfinite_grad = layout.names[bad]
    if weights is not None:
        _ratios(stats, loss, total, grads, index, weights, layout)
    if grad_tags:
        sums = [0.0] * len(layout.group_labels)
        for i, g in zip(index, grads):
            sums[layout.group_of[i]] += g * g
        tb[GRAD_NORM + "total"] = total
        for tag, s in zip(layout.group_tags, sums):
            tb[tag] = math.sqrt(s)
    return stats, tb


def _ratios(stats: StepStats, loss: float, total: float, grads: list[float], index: tuple[int, ...], weights: list[float], layout: Layout) -> None:
    wtotal = math.sqrt(sum(map(mul, weights, weights)))
    if wtotal > 0 and math.isfinite(total):
        stats.grad_to_weight = total / wtotal
    first, last = layout.dense
    if first is None or first == last or first not in index or last not in index:
        return
    i, j = index.index(first), index.index(last)
    # the head's weight norm per output unit: about 0.58 at torch's default init, 0 for a zero-initialised head
    stats.head_scale = weights[j] / math.sqrt(layout.params[last].shape[0])
    stats.normalised = layout.normalised
    if weights[i] > 0 and weights[j] > 0 and grads[j] > 0:
        stats.grad_ratio = (grads[i] / weights[i]) / (grads[j] / weights[j])
    elif weights[i] > 0 and grads[i] == 0.0 and math.isfinite(loss) and loss != 0.0:
        # the first layer gets exactly nothing (every unit below the head dead)
        stats.grad_ratio = 0.0
    pen = layout.penultimate
    if pen is not None and pen in index:
        k = index.index(pen)
        if weights[i] > 0 and weights[k] > 0 and grads[k] > 0:
            stats.body_ratio = (grads[i] / weights[i]) / (grads[k] / weights[k])


def first_nonfinite(params: list[torch.Tensor]) -> int | None:
    """Index of the first parameter holding a NaN or Inf, or None: one host read per device (the
    per-parameter flags are stacked), so a model on the GPU is not synchronised once per tensor."""
    flags: dict[torch.device, list[tuple[int, torch.Tensor]]] = {}
    with torch.no_grad():
        for i, p in enumerate(params):
            flags.setdefault(p.device, []).append((i, torch.isfinite(p).all()))
        bad = [idx for group in flags.values() for idx, ok in zip((i for i, _ in group), torch.stack([f for _, f in group]).tolist()) if not ok]
    return min(bad) if bad else None


def all_finite(params: list[torch.Tensor]) -> bool:
    """Whether every parameter holds only finite values; False when that cannot be read (meta
    tensors before materialisation), which keeps the per-read scan of :func:`locate_nonfinite`."""
    try:
        return first_nonfinite(params) is None
    except Exception:  # noqa: BLE001 - a parameter we cannot read must not stop watch()
        return False


def nonfinite_argument(criterion: Any, args: tuple, kwargs: dict) -> str | None:
    """The first argument of a criterion call after its input and target that holds a NaN or inf (a
    distillation teacher's scores, per-example weights, a mask), named as the criterion names it;
    None when there is none. Read on the host: called only once a loss on the CPU is non-finite."""
    further: list[tuple[int | str, Any]] = [(i, a) for i, a in enumerate(args) if i >= 2]
    further += [(k, v) for k, v in kwargs.items() if k not in ("input", "target")]
    for key, value in further:
        if isinstance(value, torch.Tensor):
            bad = value.is_floating_point() and not bool(torch.isfinite(value.detach()).all())
        else:
            bad = isinstance(value, float) and not math.isfinite(value)
        if bad:
            return key if isinstance(key, str) else _positional_name(criterion, key)
    return None


def _positional_params(criterion: Any) -> list[str]:
    """The names of the criterion's parameters that a positional argument can fill, in order ([] without a signature)."""
    fn = criterion.forward if isinstance(criterion, nn.Module) else criterion
    try:
        return [p.name for p in inspect.signature(fn).parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):  # a builtin or a callable without a signature
        return []


def _positional_name(criterion: Any, i: int) -> str:
    params = _positional_params(criterion)
    return f"{params[i]} (argument {i + 1})" if i < len(params) else f"argument {i + 1}"


def as_positional(criterion: Any, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    """A criterion call made with keywords (``loss_function(preds=out, labels=adj, mu=mu, ...)``) read as the same call
    made positionally: the keyword arguments that fill the criterion's first two parameters, by its signature, become
    its input and target, as they would be as ``loss_function(out, adj, ...)``; the others stay keywords. Read only
    once a loss on the host is non-finite (the per-step path takes ``input``/``target`` keywords alone)."""
    if len(args) >= 2 or not kwargs:
        return args, kwargs
    out, rest = list(args), dict(kwargs)
    for name in _positional_params(criterion)[len(out) : 2]:
        if name not in rest:
            break
        out.append(rest.pop(name))
    return tuple(out), rest


# how a non-finite term of a criterion's dict of losses is named (Watcher._name_bad_term), and recognised here
_DICT_SUFFIX = " of the criterion's dict of losses"


def dict_term(key: Any) -> str:
    """``further`` for :func:`locate_nonfinite`: a term of a dict of losses that was non-finite while others were not."""
    return f"term {key!r}{_DICT_SUFFIX}"


# locate_nonfinite's name for a model output and a target both non-finite while the parameters were finite
BOTH_FROM_BATCH = (
    "the model output (loss input) and the target passed to the loss, both, while the parameters were finite: "
    "both are computed from this step's input batch (a teacher's scores of it, or the batch itself as the target)"
)


def locate_nonfinite(scalars: dict[str, float], prev_finite: bool, names: list[str], params: list[torch.Tensor], further: str | None = None) -> str:
    """Where a non-finite loss came from: the target, the model output (and whether a parameter is
    already non-finite: one scan, only for the first bad loss), both (from finite parameters: the batch), another argument of the criterion
    (``further``, from :func:`nonfinite_argument`), or the loss itself."""
    if not math.isfinite(scalars.get("target_bad", 0.0)):
        # the model output non-finite too, from finite parameters: one tensor both were computed from, the batch
        # (a distillation teacher's scores of a NaN image; an autoencoder's target, the image itself)
        if not math.isfinite(scalars.get("input_bad", 0.0)) and (prev_finite or first_nonfinite(params) is None):
            return BOTH_FROM_BATCH
        return "the target passed to the loss"
    if not math.isfinite(scalars.get("input_bad", 0.0)):
        if prev_finite:
            return "the model output (loss input), while the parameters were finite: the input batch or an activation overflowed"
        bad = first_nonfinite(params)
        if bad is not None:
            return f"the model output (loss input); parameter {names[bad]} is non-finite"
        return "the model output (loss input), while every parameter is finite: the input batch or an activation overflowed"
    if further is not None and further.endswith(_DICT_SUFFIX):
        return f"the {further}, while its other terms were finite: that term's own computation"
    if further is not None:
        return f"the criterion's argument {further}, while its input and target were finite"
    if "input_bad" not in scalars:
        # observe(loss) without logits=, a criterion of three embeddings (a triplet loss): the
        # tensors the loss was computed from were never seen
        bad = None if prev_finite else first_nonfinite(params)
        if bad is not None:
            return f"the loss; parameter {names[bad]} is non-finite"
        return (
            "the loss, whose inputs are not seen (a loss watched through observe() or a trainer callback without its "
            "logits, or a criterion of several tensors); every parameter was finite before the step"
        )
    return "none of the loss inputs: the loss itself overflowed (log of 0 or exp of a large value)"
