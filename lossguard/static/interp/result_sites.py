"""The call whose result a function's result becomes, through thin pass-through wrappers (LG006).

A helper that sums its loader's losses as tensors is judged by what its caller does with the sum
(``rules/_caller_use.py``): the graphs are waste only where every use drops them. When the caller is
a wrapper whose whole body is ``return helper(...)`` (``def get_cost_nll(...): return
get_cost_helper(..., get_vars_scalar_out)``), that use is a ``return``, which may differentiate, and
the rule stayed silent even where every caller of the wrapper only printed ``.item()`` (round 38,
locuslab/e2e-model-learning, realcode_dev3). The wrapper adds nothing to the value: Python hands the
helper's result to the wrapper's caller unchanged, so the helper's result site is the wrapper's.
A wrapper analysed alone (no caller) has no site, and neither has the helper through it: silent."""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.function_bodies import returned_call

#: ``(module, call)`` of a call, as ``Frame.callsite``
Site = tuple[Any, ast.Call]


def result_site(wrapped: dict[int, Site | None], callsite: Site | None) -> Site | None:
    """Where the result of a body analysed for ``callsite`` goes: ``callsite`` itself, or, when that
    call is the whole body of a thin wrapper now running, the wrapper's own result site."""
    if callsite is not None and id(callsite[1]) in wrapped:
        return wrapped[id(callsite[1])]
    return callsite


def remember_wrapper(wrapped: dict[int, Site | None], fn: ast.FunctionDef | ast.AsyncFunctionDef, site: Site | None) -> None:
    """Before ``fn``'s body runs: when it is one ``return f(...)``, that call's result goes to ``site``.
    The body runs depth first, so the entry read by the call is the running wrapper's."""
    call = returned_call(fn)
    if call is not None:
        wrapped[id(call)] = site
