"""Nested functions that their enclosing function never calls: callbacks.

``optimizer.step(closure)`` (LBFGS), ``register_hook(fn)``, ``trainer.add_event_handler(..., step)``:
the body runs, but through a library, so no call in the checked code reaches it and a nested
function is not analysed on its own like a top-level one. When the enclosing body ends, each
function it defined and nothing called is analysed with the names it sees: a name the enclosing
body changed after the ``def`` holds what both values agree on (the callback may run before or
after the change).
"""

from __future__ import annotations

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame
from lossguard.static.values import FunctionRef, join


class NestedMixin(InterpBase):
    """Analyses the nested functions a body defined and never called."""

    def run_uncalled_nested(self, frame: Frame, env: Env) -> None:
        for fn in frame.nested:
            if id(fn) in self.covered:
                continue
            seen = self._closures.get(id(fn))
            if seen is not None:
                later = {k: v if k not in seen else join(seen[k], v) for k, v in env.items()}
                self._closures[id(fn)] = {**seen, **later}
            self.call_function(
                FunctionRef(fn, frame.module, None),
                [],
                {},
                self_value=None,
                depth=frame.depth + 1,
                standalone=not frame.module.facts.function(fn).calls_backward,
                no_grad=frame.no_grad,
                called=frame.called,
            )
