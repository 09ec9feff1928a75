"""An item store into an object of a class of the checked code (``stats["loss"] = loss``) runs the
class's ``__setitem__(key, value)``, as Python does.

A statistics collector that keeps every value it is given (``self.statistics[key].append(value)``
in ``__setitem__``) then keeps every step's loss when a training loop stores the loss into it, as
``stats.update("loss", loss)`` would (round 19, IBM/mi-prometheus). Classes without their own
``__setitem__``, and objects the interpreter does not know, are left to the ordinary item store."""

from __future__ import annotations

import ast

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame, fold_callee_calls
from lossguard.static.values import BoundMethod, Instance, Value


class ItemStoresMixin(InterpBase):
    def store_through_setitem(self, target: ast.Subscript, base: Value, index: Value, value: Value, frame: Frame, env: Env) -> bool:
        """Run ``base.__setitem__(index, value)`` for ``target = value``; False when ``base`` is not an
        instance of a checked class that defines ``__setitem__`` (nothing was run)."""
        if not isinstance(base, Instance):
            return False
        method = self._find_method(base.cls, "__setitem__")
        if method is None:
            return False
        # the store reads as a call of the method on the subscript's receiver, located at the subscript:
        # the rules name it by that text (`stats["loss"]`)
        call = ast.Call(func=target, args=[], keywords=[])
        ast.copy_location(call, target)
        self._last_effects = {}
        self._last_grad_calls = ()
        self._last_self_accs = ()
        self._last_param_accs = ()
        self.apply(BoundMethod(method, base), call, [index, value], {}, False, frame, env)
        fold_callee_calls(frame, self._last_grad_calls)
        if self._last_self_accs:
            self._outlived_accumulations(call, target.value, self._last_self_accs, frame)
        return True
