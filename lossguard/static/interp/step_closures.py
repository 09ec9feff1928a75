"""``optimizer.step(closure)`` runs the closure (round 29): torch's optimizers call ``closure()`` inside ``step()`` (LBFGS up
to ``max_iter`` times, the others once) to get the loss, so the closure's ``backward()`` and ``zero_grad()`` are part of
the loop that steps (nnaakkaaii/g2-MLP's torchnet-style ``Engine.train``: ``def closure(): ...; loss.backward()``, then
``state['optimizer'].step(closure)`` in the batch loop). A closure defined in the body that steps (a ``def`` or a lambda
taking no required argument) is run there, just before the step is recorded."""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.interp.frame import Env, Frame, LambdaRef
from lossguard.static.values import FunctionRef


def closure_name(node: ast.Call) -> ast.Name | None:
    """``opt.step(closure)`` or ``opt.step(closure=closure)``: the name passed."""
    if len(node.args) == 1 and not node.keywords:
        given: ast.expr | None = node.args[0]
    elif not node.args:
        given = next((k.value for k in node.keywords if k.arg == "closure"), None)
    else:
        given = None
    return given if isinstance(given, ast.Name) else None


def _takes_no_argument(args: ast.arguments) -> bool:
    required = len(args.posonlyargs) + len(args.args) - len(args.defaults)
    return required == 0 and all(d is not None for d in args.kw_defaults)


def run_step_closure(interp: Any, node: ast.Call, frame: Frame, env: Env) -> None:
    """Run the closure ``node`` (a ``.step(...)`` call) passes, when it is one the stepping body defines."""
    name = closure_name(node)
    if name is None:
        return
    ref = env.get(name.id)
    if isinstance(ref, FunctionRef):
        if not _takes_no_argument(ref.node.args) or not any(n is ref.node for n in ast.walk(frame.scope_node)):
            return
    elif isinstance(ref, LambdaRef):
        if not _takes_no_argument(ref.node.args):
            return
    else:
        return
    call = ast.copy_location(ast.Call(func=ast.Name(id=name.id, ctx=ast.Load()), args=[], keywords=[]), name)
    interp.ev_call(call, frame, env)
