"""An object a function is given keeps what the function adds to it: ``collect(model, batch, stats)``
whose body runs ``stats.update("loss", loss)`` (or ``stats["loss"] = loss``) adds the loss to the
caller's ``stats``.

A method of the object that keeps a graph-holding value on ``self`` (``self.sum += val``) is, in a
body without a loop of its own, an accumulation for that body's callers (``Frame.self_accs`` when the
object is ``self`` or held by it). When the object is a parameter of the body instead, the
accumulation is passed to each caller through the argument it gave for that parameter, and judged
there like ``stats.update(...)`` written in the caller: inside the caller's training loop, every step's
loss is kept (round 19, IBM/mi-prometheus's ``predict_evaluate_collect(..., stat_col, ...)``). A
parameter the body binds again, a starred argument or a default leaves the accumulation unreported."""

from __future__ import annotations

import ast

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Frame, call_argument, parameter_names
from lossguard.static.values import BoundMethod, FunctionRef, Value


def _rebound(name: str, fn: ast.AST) -> bool:
    """``name`` is assigned, deleted or used as a loop or with target somewhere in ``fn``."""
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, (ast.Store, ast.Del)) for n in ast.walk(fn))


class PassedHoldersMixin(InterpBase):
    def keep_for_callers(self, root: ast.expr, accs: tuple, frame: Frame) -> bool:
        """Keep the accumulations made through a parameter of this body (``stats`` of
        ``stats.update(loss)``) for the callers; False when ``root`` is not such a parameter."""
        fn = frame.func
        if fn is None or not isinstance(root, ast.Name) or root.id not in parameter_names(fn, starred=False) or _rebound(root.id, fn):
            return False
        frame.param_accs.extend((root.id, acc) for acc in accs)
        return True

    def pass_to_arguments(self, node: ast.Call, callee: Value, kept: tuple, frame: Frame) -> None:
        """What the function ``node`` called added to objects it was given is added to the arguments
        of this call, for this body's loops (or its own callers)."""
        if isinstance(callee, BoundMethod):
            fn, bound_self = callee.func.node, True
        elif isinstance(callee, FunctionRef):
            fn, bound_self = callee.node, False
        else:
            return
        by_argument: dict[int, tuple[ast.expr, list]] = {}
        for name, acc in kept:
            arg = call_argument(node, fn, name, bound_self)
            if arg is not None:
                by_argument.setdefault(id(arg), (arg, []))[1].append(acc)
        for arg, accs in by_argument.values():
            self._outlived_accumulations(node, arg, tuple(accs), frame)
