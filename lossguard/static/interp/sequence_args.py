"""A function of the checked code called with its caller's ``*args`` forwarded.

Round 25 (realcode_heldout16 opened, NVIDIA's DLRM training script): a small runner object keeps the
step function it was given and calls it with what it receives::

    def train_step(self, *args):
        self.loss = self._step_fn(self.model, *args)
        return self.loss

A call with a ``*sequence`` argument returned nothing known, so the loss tensor the step function
returns (with its graph) was lost to the training loop that sums it. Where the only starred argument
is the last positional one (``f(a, b, *rest)``, no ``**mapping``), the arguments written before it
are where they are, and every later positional parameter may come from the sequence or keep its
default: it is unknown, and the function runs with it so (every branch that reads it is taken, as
for a parameter nobody passed). Keyword-only parameters cannot come from the sequence: they keep
what the call writes or their defaults. A sequence in any other place (``f(*xs, y)``, two of them)
leaves the positions unknown, and the call unknown, as before.
"""

from __future__ import annotations

import ast

from lossguard.static.values import UNKNOWN, Value


def sequence_last(node: ast.Call) -> bool:
    """The call's only starred argument is ``*sequence``, written after every other positional
    argument, and there is no ``**mapping``."""
    starred = [i for i, a in enumerate(node.args) if isinstance(a, ast.Starred)]
    return starred == [len(node.args) - 1] and all(k.arg is not None for k in node.keywords)


def filled_positionals(fn: ast.FunctionDef | ast.AsyncFunctionDef, n_pos: int, kw: dict[str, Value], *, method: bool) -> dict[str, Value] | None:
    """The keywords to run ``fn`` (a method's, without ``self``, or with ``method=False`` a
    function's) with: those written at the call, and every positional parameter after the ``n_pos``
    written ones, unknown. None where the written arguments do not bind."""
    params = fn.args
    positional = [p.arg for p in (*params.posonlyargs, *params.args)][1 if method else 0 :]
    if n_pos > len(positional) and params.vararg is None:
        return None
    rest = positional[n_pos:]
    if set(kw) & set(positional[:n_pos]):
        return None
    return {**{name: UNKNOWN for name in rest if name not in kw}, **kw}
