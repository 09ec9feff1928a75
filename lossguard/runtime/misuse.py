"""Misuses of a loss seen at runtime (catalog codes LG001-LG006, LG013).

Three kinds of check, all cheap:
* shape and dtype checks on the host (free), on sampled calls and when the criterion raises;
* value checks (softmax rows, sigmoid range) computed on the device as 0/1 flags and read with
  the step statistics, never synchronising by themselves;
* a diagnosis run only when the criterion raised, so that the user reads what went wrong
  before torch's own error.
"""

from __future__ import annotations

import math
from typing import Any, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F

_KINDS: tuple[tuple[Any, Any, str], ...] = (
    (nn.CrossEntropyLoss, F.cross_entropy, "cross_entropy"),
    (nn.NLLLoss, F.nll_loss, "nll"),
    (nn.BCELoss, F.binary_cross_entropy, "bce"),
    (nn.BCEWithLogitsLoss, F.binary_cross_entropy_with_logits, "bce_logits"),
    (nn.MSELoss, F.mse_loss, "mse"),
    (nn.L1Loss, F.l1_loss, "elementwise"),
    (nn.SmoothL1Loss, F.smooth_l1_loss, "elementwise"),
    (nn.HuberLoss, F.huber_loss, "elementwise"),
)
ELEMENTWISE = {"bce", "bce_logits", "mse", "elementwise"}
CLASS_INDEX = {"cross_entropy", "nll"}
BINARY = {"bce", "bce_logits"}


def loss_kind(criterion: Any) -> Optional[str]:
    """The built-in loss ``criterion`` is (module or function), or None for anything else."""
    for cls, fn, kind in _KINDS:
        if isinstance(criterion, cls) or criterion is fn:
            return kind
    return None


def input_and_target(args: tuple, kwargs: dict) -> tuple[Optional[torch.Tensor], Optional[torch.Tensor]]:
    inp = args[0] if len(args) > 0 else kwargs.get("input")
    tgt = args[1] if len(args) > 1 else kwargs.get("target")
    return (inp if isinstance(inp, torch.Tensor) else None, tgt if isinstance(tgt, torch.Tensor) else None)


def _broadcasts(a: torch.Size, b: torch.Size) -> bool:
    try:
        torch.broadcast_shapes(a, b)
        return True
    except RuntimeError:
        return False


def host_checks(kind: Optional[str], inp: Optional[torch.Tensor], tgt: Optional[torch.Tensor]) -> list[tuple[str, str, dict]]:
    """Shape and dtype misuses, decided from metadata alone (no device access)."""
    found: list[tuple[str, str, dict]] = []
    if kind is None or inp is None or tgt is None:
        return found
    shapes = {"input_shape": list(inp.shape), "target_shape": list(tgt.shape)}
    if kind in BINARY and not tgt.is_floating_point():
        found.append(("LG004", f"The target of {_pretty(kind)} has dtype {tgt.dtype}; it must be floating point like the input.", {"target_dtype": str(tgt.dtype)}))
    if kind in ELEMENTWISE and inp.shape != tgt.shape:
        if _broadcasts(inp.shape, tgt.shape):
            result = list(torch.broadcast_shapes(inp.shape, tgt.shape))
            found.append((
                "LG005",
                f"Input {tuple(inp.shape)} and target {tuple(tgt.shape)} of {_pretty(kind)} differ and broadcast to {tuple(result)}: the loss compares every pair.",
                {**shapes, "broadcast_shape": result},
            ))
        else:
            found.append(("LG005", f"Input {tuple(inp.shape)} and target {tuple(tgt.shape)} of {_pretty(kind)} have different shapes.", shapes))
    if kind in CLASS_INDEX and inp.dim() >= 1:
        soft = kind == "cross_entropy" and tgt.shape == inp.shape and tgt.is_floating_point()
        if tgt.is_floating_point() and not soft:
            found.append(("LG013", f"The target of {_pretty(kind)} is {tgt.dtype} with shape {tuple(tgt.shape)}: class indices must be int64 (float targets are only for soft labels of the input's shape).", {**shapes, "target_dtype": str(tgt.dtype)}))
        elif not soft and inp.dim() >= 2 and tgt.dim() == inp.dim() and tgt.shape[1:2] == (1,):
            found.append(("LG005", f"The class-index target of {_pretty(kind)} has shape {tuple(tgt.shape)} for input {tuple(inp.shape)}: it should be {(inp.shape[0], *inp.shape[2:])}.", shapes))
    return found


def value_flags(kind: Optional[str], inp: Optional[torch.Tensor]) -> dict[str, torch.Tensor]:
    """0/1 device flags for value misuses; read later with the step statistics.

    LG003 needs more than "inside (0, 1)": a fresh model's raw logits can all be small and
    positive. Sigmoid output of a fresh model clusters around 0.5; of a trained one it reaches
    both ends of (0, 1) without leaving it.
    """
    flags: dict[str, torch.Tensor] = {}
    if inp is None or not inp.is_floating_point() or inp.numel() == 0:
        return flags
    x = inp.detach()
    if kind == "cross_entropy" and x.dim() >= 2 and x.shape[1] >= 2:
        tol = 1e-3 if x.dtype == torch.float32 or x.dtype == torch.float64 else 3e-2
        rows = x.float().sum(dim=1)
        flags["LG001"] = ((x.amin() >= 0) & ((rows - 1).abs().amax() <= tol)).float()
    elif kind == "bce_logits" and x.numel() >= 8:
        lo, hi, mean = x.amin(), x.amax(), x.float().mean()
        fresh = (lo > 0.2) & (hi < 0.8) & ((mean - 0.5).abs() < 0.15)
        trained = (lo > 0) & (hi < 1) & (lo < 0.1) & (hi > 0.9)
        flags["LG003"] = (fresh | trained).float()
    return flags


def chance_loss(kind: Optional[str], inp: Optional[torch.Tensor], criterion: Any) -> Optional[float]:
    """The loss of a model that ignores its input, when it follows from shapes alone."""
    if inp is None:
        return None
    reduction = getattr(criterion, "reduction", "mean")
    if reduction != "mean":
        return None
    if kind in CLASS_INDEX and inp.dim() >= 2 and inp.shape[1] >= 2:
        return math.log(inp.shape[1]) if kind == "cross_entropy" else None
    if kind in BINARY:
        return math.log(2.0)
    return None


def diagnose_error(kind: Optional[str], inp: Optional[torch.Tensor], tgt: Optional[torch.Tensor]) -> list[tuple[str, str, dict]]:
    """Called only after the criterion raised: may synchronise, the step has failed anyway."""
    found = host_checks(kind, inp, tgt)
    if kind == "bce" and inp is not None and inp.is_floating_point() and inp.numel():
        with torch.no_grad():
            lo, hi = float(inp.detach().amin()), float(inp.detach().amax())
        if lo < 0 or hi > 1:
            found.insert(0, ("LG002", f"The input of BCELoss ranges over [{lo:.4g}, {hi:.4g}]; BCELoss needs probabilities in [0, 1]: these look like logits.", {"min": lo, "max": hi}))
    return found


def _pretty(kind: str) -> str:
    return {
        "cross_entropy": "CrossEntropyLoss",
        "nll": "NLLLoss",
        "bce": "BCELoss",
        "bce_logits": "BCEWithLogitsLoss",
        "mse": "MSELoss",
        "elementwise": "the loss",
    }[kind]
