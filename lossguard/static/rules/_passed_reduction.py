"""A loss's reduction that a parameter receives from the call its body is analysed for (LG009).

A loss class of a project often hands its own constructor's parameter to the torch loss it wraps::

    class LabelSmoothLoss(nn.Module):
        def __init__(self, label_smoothing=0.1, reduction="mean"):
            self.criterion = nn.KLDivLoss(reduction=reduction)

    loss_fct = LabelSmoothLoss(label_smoothing=eps, reduction="mean")

The reduction written at the torch call is a name, so no literal decides it there (Zessay/NLP-Pytorch-Template's
label smoothing, realcode_heldout29). The interpreter analyses ``__init__`` for each call of the checked code that
builds the class, with that call's arguments bound. Here such a call decides the reduction when:

* the reduction written at the torch call is a name that is a parameter of the enclosing function;
* the body is analysed for a call of the checked code (``Context.callsite``), which shows every argument it passes
  (no ``*args`` or ``**kwargs``) and writes a string literal for that parameter (by keyword or position);
* the interpreter's value of the name at the torch call is that same string (nothing between the two rebound it:
  ``if reduction == "mean": reduction = "batchmean"`` gives another value and decides nothing here).

A class or function that no checked code calls is analysed alone, or built with its defaults, with no such call:
its default is not read (a wrapper that mirrors torch's default is a library's choice its users may override). Nor is
it where a call leaves the parameter at a "mean" default: the call did not choose it. Measured in round 39, reading
such defaults too adds two findings, both KL means in real training (intersun/PKD-for-BERT-Model-Compression's
``distillation_loss(..., reduction_kd="mean")`` called without it, realcode_rare25's LG006 look-alike, and
LongxingTan/open-retrievals' ``RDropLoss()`` in its own test), left for a decision on the rule's scope.
"""

from __future__ import annotations

import ast

from lossguard.static.events import Context
from lossguard.static.interp.frame import parameter_names
from lossguard.static.rule import passed_argument
from lossguard.static.values import Const, Value


def _written(call: ast.Call, func: ast.FunctionDef | ast.AsyncFunctionDef, name: ast.Name) -> str | None:
    """The string literal ``call`` writes for parameter ``name`` of ``func``; None where the call hides its arguments,
    leaves the parameter at its default or passes anything else."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return None
    arg = passed_argument(name, func, call)
    return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None


def passed_reduction(written: ast.expr | None, value: Value | None, ctx: Context) -> str | None:
    """The reduction a loss call's ``reduction=<name>`` holds (``written``, with the interpreter's ``value``) where the
    call the body is analysed for decides it (see the module docs); None anywhere else."""
    func = ctx.func
    if not isinstance(written, ast.Name) or func is None or ctx.callsite is None or written.id not in parameter_names(func, starred=False):
        return None
    caller = ctx.callsite[1]
    if not isinstance(caller, ast.Call):
        return None
    given = _written(caller, func, written)
    return given if given is not None and value == Const(given) else None
