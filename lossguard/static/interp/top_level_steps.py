"""A file's top level read as one training step.

Code posted in an issue is often a few bare statements said to run "in every batch"
(``loss.backward()``, ``optimizer.zero_grad()``, ``optimizer.step()``), with no loop and no
function around them; a script's top level can run one step the same way. The gradient calls the
module's own straight-line statements make (not those inside a loop, a function or a class, which
are summarised where they stand) are summarised as one step, as an uncalled function that
back-propagates is (``one_step`` in the summary's ``extra``: whatever loop runs them is not seen,
so rules about clearing across iterations stay silent)."""

from __future__ import annotations

import ast

from lossguard.static.events import BACKWARD_CALLS, LoopSummary
from lossguard.static.interp.frame import Frame, as_seen_from
from lossguard.static.scope_nodes import SCOPES, own_nodes

#: what a straight-line statement list leaves out: loops (summarised where they stand) and scopes of their own
_NOT_STRAIGHT = (ast.For, ast.AsyncFor, ast.While, *SCOPES)


def top_level_step(module: ast.Module, frame: Frame) -> LoopSummary | None:
    """The summary of the gradient calls ``module``'s straight-line statements made, when one of
    them back-propagates; None otherwise."""
    straight = {id(node) for node in own_nodes(module.body, _NOT_STRAIGHT)}
    calls = [c for c in as_seen_from(frame.module, frame.grad_calls) if id(c[2]) in straight]
    if not any(name in BACKWARD_CALLS for name, _, _ in calls):
        return None
    # the summary's node is a statement with lines, as a loop's or a function's is: the top level as the body of an
    # `if True:` spanning the file's statements (a node of its own, made here; nothing reads it but the rules)
    whole = ast.If(test=ast.Constant(True), body=list(module.body), orelse=[])
    whole.lineno, whole.col_offset = module.body[0].lineno, 0
    whole.end_lineno, whole.end_col_offset = module.body[-1].end_lineno, module.body[-1].end_col_offset
    return LoopSummary(whole, tuple(calls), frame.ctx(), extra={"one_step": True, **frame.dead_extra()})
