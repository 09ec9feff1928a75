"""A LightningModule's ``training_step`` under manual optimization is one step of a training loop.

Round 26 (Zasder3/train-CLIP): with ``self.automatic_optimization = False`` in ``__init__``, Lightning
calls ``training_step`` once per batch and leaves the optimizer to it: ``opt = self.optimizers()``,
``opt.zero_grad()``, ``self.manual_backward(loss)``, ``opt.step()``. The loop that repeats these calls
is Lightning's, never written in the checked code, so a step without ``zero_grad()`` was left silent
(LG014 reads loops). Such a ``training_step`` is now summarised as a loop of its own
(:class:`~lossguard.static.events.LoopSummary` whose node is the method), with the gradient calls it
and the functions it calls make, folded as a loop folds them (``frame.fold_callee_calls``). Under
automatic optimization Lightning clears and steps itself, and nothing is summarised.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.interp.frame import as_seen_from
from lossguard.static.values import Const, Instance, Value

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.interp.frame import Frame


def manual_training_step(fn: ast.FunctionDef | ast.AsyncFunctionDef, self_value: Value | None) -> bool:
    """Whether ``fn`` is ``training_step`` of an object whose ``__init__`` set
    ``self.automatic_optimization = False``."""
    return fn.name == "training_step" and isinstance(self_value, Instance) and self_value.attrs.get("automatic_optimization") == Const(False)


def step_calls(frame: Frame) -> tuple[tuple[str, Value, ast.AST], ...]:
    """The gradient calls the method's body made, directly or in functions it called, as a loop
    keeps them: a call of another file's function is kept with that file (a step) or stands as a
    clearing whose optimizer is not known."""
    return tuple(as_seen_from(frame.module, frame.grad_calls))
