"""A flag parameter left at its literal default by the call a body is analysed for.

Round 32 (realcode_heldout23's OpenASR): a speech model's ``forward(..., return_atten=False)`` ends
``if return_atten: return loss, atten_info`` then ``return loss``, and the trainer calls
``self.model(waves, lengths, ids, labels, paddings, label_smooth=...)``. The call leaves
``return_atten`` at ``False``: whoever calls the trainer, that call returns ``loss`` alone. The
interpreter decided ``if <param>:`` only for a literal written at the call (and, since round 31, for
a default left in place by a construction in ``__init__``), so the two returns were joined into an
unknown value and the trainer's epoch sum of the loss was not reported.

A default the call leaves in place is what that call passes, exactly as a literal written there
is; what is not certain is only what other callers pass, and they are analysed at their own calls.
So the branch the default never takes returns nothing and binds nothing for this call, and its nodes
are this call's dead branch (``Frame.dead``, carried on each event's ``Context.dead``). Unlike a
literal written at the call (``guards.decided_flag``), that branch keeps its events (as in
``__init__``): code that a user of the function reaches by passing the other value is still judged
(a loss built there with ``size_average=``, a KL term under ``if use_kl:``). Reading it as dead
matters to LG006: sentence-transformers' cached loss ``calculate_loss(reps, with_backward=False)``
runs ``if with_backward: loss_mbatch.backward(); loss_mbatch = loss_mbatch.detach()`` in its loop
and returns the sum of the mini-batch losses; without the rebinding, the losses appended hold
their graphs, and a loop read as training by that ``backward()`` would report them (realcode_dev2's
look-alike). The loop trains only through calls outside the dead branch (``frame.loops_trained``,
``LoopFacts.trains_outside``), so the sum is a helper's, returned for its caller.

Only where the call is the function's own call: a call naming the function (``compute(x, y)``,
``self.compute(...)``, ``super().forward(x)``) or an instance called for its ``forward`` /
``__call__``. A framework entry the interpreter runs for a call of another name (Lightning's
``trainer.fit(model)`` running ``training_step``, Hugging Face's ``Trainer`` running
``compute_loss``) passes arguments that call does not show, and decides nothing.
"""

from __future__ import annotations

import ast

from lossguard.static.facts import parameter_defaults
from lossguard.static.interp.frame import Frame, call_argument

#: methods Python runs when an instance is called: the call names the instance, not the method
_CALLED_AS_INSTANCE = frozenset({"forward", "__call__"})


def literal_default(func: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """Whether parameter ``name`` of ``func`` has a literal default (``classification=True``)."""
    return any(a.arg == name and isinstance(d, ast.Constant) for a, d in parameter_defaults(func.args))


def written_by_call(frame: Frame, name: str) -> bool:
    """Whether the call this body is analysed for writes a literal for parameter ``name`` or leaves
    its default in place (no starred argument or ``**kwargs`` that may carry it)."""
    node = _shown_call(frame)
    if node is None or frame.func is None:
        return False
    arg = call_argument(node, frame.func, name, frame.self_value is not None)
    return arg is None or isinstance(arg, ast.Constant)


def _shown_call(frame: Frame) -> ast.Call | None:
    """The call this body is analysed for, when it shows every argument it passes (no starred argument or
    ``**kwargs``)."""
    node = frame.callsite[1] if frame.callsite is not None else None
    if not isinstance(node, ast.Call) or any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
        return None
    return node


def _own_call(frame: Frame) -> bool:
    """The call this body is analysed for is a call of the function itself (see the module docs)."""
    if frame.callsite is None or frame.func is None or not isinstance(frame.callsite[1], ast.Call):
        return False
    func = frame.callsite[1].func
    named = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if named == frame.func.name:
        return True
    return frame.func.name in _CALLED_AS_INSTANCE and frame.self_value is not None


def left_at_default(frame: Frame, name: str) -> bool:
    """The call this body is analysed for leaves parameter ``name`` at its literal default: in
    ``__init__`` (the construction's own object, round 31) or in a function's own call."""
    node = _shown_call(frame)
    if node is None or frame.func is None or call_argument(node, frame.func, name, frame.self_value is not None) is not None:
        return False
    return literal_default(frame.func, name) and (frame.is_init or _own_call(frame))


def flag_name(test: ast.expr) -> str | None:
    """``flag`` in ``if flag:`` / ``if not flag:``."""
    while isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    return test.id if isinstance(test, ast.Name) else None


def decided_by_default(test: ast.expr, frame: Frame) -> bool:
    """``if <param>:`` (``if not <param>:``) where the call leaves the parameter at its literal
    default: the branch it never takes keeps its events (see the module docs)."""
    name = flag_name(test)
    return name is not None and left_at_default(frame, name)
