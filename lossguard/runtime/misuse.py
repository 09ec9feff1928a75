"""Misuses of a loss seen at runtime (catalog codes LG001-LG006, LG013).

Three kinds of check, all cheap:
* shape and dtype checks on the host (free), on sampled calls and when the criterion raises;
* value checks (softmax rows, sigmoid range, log-probabilities) in
  :mod:`lossguard.runtime.value_checks`;
* a diagnosis run only when the criterion raised, so that the user reads what went wrong
  before torch's own error.
"""

from __future__ import annotations

import math
from typing import Any

import torch
import torch.nn as nn
import torch.nn.functional as F

from lossguard.static.torch_api import (
    BINARY_FAMILIES,
    CLASS_INDEX_FAMILIES,
    ELEMENTWISE_FAMILIES,
    LOSS_CLASSES,
    LOSS_FUNCTIONS,
    NN,
    NON_NEGATIVE_FAMILIES,
)
from lossguard.static.torch_api import F as FN

# Loss families come from the checker's table of the torch API (one place for both sides);
# the runtime only refines "elementwise" with "mse", whose chance level is the target variance.
_MSE = ("MSELoss", "mse_loss")
ELEMENTWISE = ELEMENTWISE_FAMILIES | {"mse"}
CLASS_INDEX = CLASS_INDEX_FAMILIES
BINARY = BINARY_FAMILIES
NON_NEGATIVE = NON_NEGATIVE_FAMILIES | {"mse"}
# Losses whose targets must lie in [0, 1] (binary cross-entropies, MultiLabelSoftMarginLoss): one outside
# makes them unbounded below (the value checks note the targets' range for LG107's fix).
TARGETS_IN_UNIT = BINARY_FAMILIES | {"multilabel_logits"}
# How messages name a family: its first loss class in the checker's table ("elementwise" losses
# are too different to name one).
_NAMES = {"mse": "MSELoss", "elementwise": "the loss"}
for _qname, _sig in LOSS_CLASSES.items():
    _NAMES.setdefault(_sig.family, _qname.removeprefix(NN))


def loss_kind(criterion: Any) -> str | None:
    """The checker's family of the built-in loss ``criterion`` (module or function), or None."""
    if isinstance(criterion, nn.modules.loss._Loss):
        name = type(criterion).__name__
        sig = LOSS_CLASSES.get(NN + name)
    elif callable(criterion) and getattr(F, fn_name := getattr(criterion, "__name__", ""), None) is criterion:
        name = fn_name
        sig = LOSS_FUNCTIONS.get(FN + name)
    else:
        return None
    if sig is None or sig.family == "other":
        return None
    return "mse" if name in _MSE else sig.family


def lower_bound(kind: str | None, criterion: Any) -> float | None:
    """The least value the loss can take with inputs of the right kind (None: unknown)."""
    return 0.0 if kind in NON_NEGATIVE else None


# the names a dict of losses gives its total (a dict's "loss" entry; "losses": yjh0410's YOLO family)
TOTAL_KEYS = ("loss", "total_loss", "loss_total", "losses", "total")


def is_scalar(v: Any) -> bool:
    """A one-element floating tensor: a loss term of a dict or tuple a criterion returns."""
    return isinstance(v, torch.Tensor) and v.numel() == 1 and v.is_floating_point()


def dict_terms(value: dict, weights: Any = None) -> tuple[torch.Tensor | None, str]:
    """The total a dict of losses is trained on, and how it was found: its total entry (``TOTAL_KEYS``); with the
    criterion's ``weight_dict`` (DETR's ``SetCriterion`` and its family: the script sums ``loss_dict[k] *
    weight_dict[k]`` over the keys both share), that weighted sum ("weighted"); else the unweighted sum of the
    entries that carry a gradient ("unweighted": metrics the criterion logs beside its terms, DETR's
    ``class_error`` and ``cardinality_error``, carry none). None when there is no such entry."""
    for key in TOTAL_KEYS:
        if is_scalar(value.get(key)):
            return value[key], "total"
    if isinstance(weights, dict):
        shared = [(value[k], weights[k]) for k in value if k in weights and is_scalar(value[k]) and isinstance(weights[k], (int, float))]
        if shared:
            return torch.stack([v.reshape(()) * w for v, w in shared]).sum(), "weighted"
    parts = [v for v in value.values() if is_scalar(v) and v.requires_grad]
    return (torch.stack([p.reshape(()) for p in parts]).sum(), "unweighted") if parts else (None, "")


def scalar_total(value: Any, weights: Any = None) -> torch.Tensor | None:
    """The scalar total of a criterion that returns a dict or a tuple (detection losses, HF-style
    outputs): a dict's total (:func:`dict_terms`, ``weights`` the criterion's ``weight_dict``), a tuple's first
    scalar tensor; None when there is none."""
    if isinstance(value, dict):
        return dict_terms(value, weights)[0]
    if isinstance(value, (tuple, list)) and value:
        first = value[0]
        if is_scalar(first):
            return first
    loss = getattr(value, "loss", None)  # transformers' ModelOutput
    if isinstance(loss, torch.Tensor) and loss.numel() == 1:
        return loss
    return None


def class_index_pair(logits: Any, targets: Any) -> bool:
    """Tensors a cross-entropy takes as input and class-index target: the targets are integers."""
    return isinstance(logits, torch.Tensor) and isinstance(targets, torch.Tensor) and not targets.is_floating_point()


def input_and_target(args: tuple, kwargs: dict) -> tuple[torch.Tensor | None, torch.Tensor | None]:
    n = len(args)
    inp = args[0] if n > 0 else kwargs.get("input")
    tgt = args[1] if n > 1 else kwargs.get("target")
    return (inp if isinstance(inp, torch.Tensor) else None, tgt if isinstance(tgt, torch.Tensor) else None)


def _broadcasts(a: torch.Size, b: torch.Size) -> bool:
    try:
        torch.broadcast_shapes(a, b)
        return True
    except RuntimeError:
        return False


def host_checks(kind: str | None, inp: torch.Tensor | None, tgt: torch.Tensor | None) -> list[tuple[str, str, dict]]:
    """Shape and dtype misuses, decided from metadata alone (no device access)."""
    found: list[tuple[str, str, dict]] = []
    if kind is None or inp is None or tgt is None:
        return found
    shapes = {"input_shape": list(inp.shape), "target_shape": list(tgt.shape)}
    if kind in BINARY and not tgt.is_floating_point():
        found.append(
            (
                "LG004",
                f"The target of {pretty(kind)} has dtype {tgt.dtype}; it must be floating point like the input.",
                {"target_dtype": str(tgt.dtype)},
            )
        )
    if kind in ELEMENTWISE and inp.shape != tgt.shape:
        if _broadcasts(inp.shape, tgt.shape):
            result = list(torch.broadcast_shapes(inp.shape, tgt.shape))
            found.append(
                (
                    "LG005",
                    f"Input {tuple(inp.shape)} and target {tuple(tgt.shape)} of {pretty(kind)} differ and broadcast to {tuple(result)}: the loss compares every pair.",
                    {**shapes, "broadcast_shape": result},
                )
            )
        else:
            found.append(("LG005", f"Input {tuple(inp.shape)} and target {tuple(tgt.shape)} of {pretty(kind)} have different shapes.", shapes))
    if kind in CLASS_INDEX and inp.dim() >= 1:
        soft = kind == "ce" and tgt.shape == inp.shape and tgt.is_floating_point()
        if tgt.is_floating_point() and not soft:
            found.append(
                (
                    "LG013",
                    f"The target of {pretty(kind)} is {tgt.dtype} with shape {tuple(tgt.shape)}: class indices must be int64 (float targets are only for soft labels of the input's shape).",
                    {**shapes, "target_dtype": str(tgt.dtype)},
                )
            )
        elif not soft and inp.dim() >= 2 and tgt.dim() == inp.dim() and tgt.shape[1:2] == (1,):
            found.append(
                (
                    "LG005",
                    f"The class-index target of {pretty(kind)} has shape {tuple(tgt.shape)} for input {tuple(inp.shape)}: it should be {(inp.shape[0], *inp.shape[2:])}.",
                    shapes,
                )
            )
    return found


def chance_loss(kind: str | None, inp: torch.Tensor | None, criterion: Any) -> float | None:
    """The loss of a model that ignores its input, when it follows from shapes alone."""
    if inp is None:
        return None
    reduction = getattr(criterion, "reduction", "mean")
    if reduction != "mean":
        return None
    if kind in CLASS_INDEX and inp.dim() >= 2 and inp.shape[1] >= 2:
        return math.log(inp.shape[1]) if kind == "ce" else None
    if kind in BINARY:
        return math.log(2.0)
    return None


def diagnose_error(kind: str | None, inp: torch.Tensor | None, tgt: torch.Tensor | None) -> list[tuple[str, str, dict]]:
    """Called only after the criterion raised: may synchronise, the step has failed anyway."""
    found = host_checks(kind, inp, tgt)
    if kind == "bce" and inp is not None and inp.is_floating_point() and inp.numel():
        with torch.no_grad():
            lo, hi = float(inp.detach().amin()), float(inp.detach().amax())
        if not (math.isfinite(lo) and math.isfinite(hi)):
            bad = int((~torch.isfinite(inp.detach())).sum())
            found.insert(
                0,
                (
                    "LG101",
                    f"The input of BCELoss holds {bad} non-finite value(s) of {inp.numel()}: the model output became NaN or infinite before the loss (torch's check 'between 0 and 1' fails on NaN).",
                    {"nonfinite": bad},
                ),
            )
        elif lo < 0 or hi > 1:
            found.insert(
                0,
                (
                    "LG002",
                    f"The input of BCELoss ranges over [{lo:.4g}, {hi:.4g}]; BCELoss needs probabilities in [0, 1]: these look like logits.",
                    {"min": lo, "max": hi},
                ),
            )
    return found


def nonfinite_entry(value: Any, name: str = "", depth: int = 2) -> tuple[str, int, int] | None:
    """The first floating tensor of a dict, list or tuple of a criterion's input (a detector's output dict, its
    auxiliary outputs a list of such dicts; ``depth`` levels) that holds NaN or inf: (its name, how many of its
    values, its size). Called only after the criterion raised: may synchronise."""
    items: list[tuple[str, Any]]
    if isinstance(value, dict):
        items = [(f"{name}[{k!r}]" if name else repr(k), v) for k, v in value.items()]
    elif isinstance(value, (list, tuple)):
        items = [(f"{name}[{i}]" if name else f"item {i}", v) for i, v in enumerate(value)]
    else:
        return None
    for key, v in items:
        if isinstance(v, torch.Tensor) and v.is_floating_point() and v.numel():
            bad = int((~torch.isfinite(v.detach())).sum())
            if bad:
                return key, bad, v.numel()
        elif depth > 1 and (found := nonfinite_entry(v, key, depth - 1)) is not None:
            return found
    return None


def pretty(kind: str) -> str:
    """``CrossEntropyLoss`` for ``"ce"``: the loss a family's messages name."""
    return _NAMES[kind]
