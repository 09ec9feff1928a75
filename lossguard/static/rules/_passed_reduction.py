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
  (no ``*args`` or ``**kwargs``) and writes a string literal for that parameter, or leaves it at a string literal
  default;
* the interpreter's value of the name at the torch call is that same string (nothing between the two rebound it:
  ``if reduction == "mean": reduction = "batchmean"`` gives another value and decides nothing here).

A class or function that no checked code calls is analysed alone, or built with its defaults, with no such call:
its default is not read (a wrapper that mirrors torch's default is a library's choice its users may override).
"""

from __future__ import annotations

import ast

from lossguard.static.events import Context
from lossguard.static.facts import parameter_defaults
from lossguard.static.rule import passed_argument
from lossguard.static.values import Const, Value


def _parameter(func: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    params = func.args
    return name in {p.arg for p in (*params.posonlyargs, *params.args, *params.kwonlyargs)}


def _written(call: ast.Call, func: ast.FunctionDef | ast.AsyncFunctionDef, name: ast.Name) -> str | None:
    """The string literal ``call`` writes for parameter ``name`` of ``func``, or its string literal default where the
    call leaves it; None where the call hides its arguments or passes anything else."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return None
    arg = passed_argument(name, func, call)
    if arg is None:
        arg = next((d for p, d in parameter_defaults(func.args) if p.arg == name.id), None)
    return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None


def passed_reduction(written: ast.expr | None, value: Value | None, ctx: Context) -> str | None:
    """The reduction a loss call's ``reduction=<name>`` holds (``written``, with the interpreter's ``value``) where the
    call the body is analysed for decides it (see the module docs); None anywhere else."""
    func = ctx.func
    if not isinstance(written, ast.Name) or func is None or ctx.callsite is None or not _parameter(func, written.id):
        return None
    caller = ctx.callsite[1]
    if not isinstance(caller, ast.Call):
        return None
    given = _written(caller, func, written)
    return given if given is not None and value == Const(given) else None
