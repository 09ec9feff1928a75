"""Custom autograd functions: ``MyFunction.apply(x, ...)`` runs ``MyFunction.forward(ctx, x, ...)``.

Round 23 (realcode_heldout14 opened: PyLaia's CTC cost). A subclass of ``torch.autograd.Function``
is used through its class attribute ``apply``, which calls the static ``forward`` with a context
object first and the caller's arguments after it (torch's documented protocol). Where ``forward``
is readable, the call gives what it returns: a CTC cost that passes the network's raw activations
through such a function (to drop samples, to convert lengths) still hands ``F.ctc_loss`` raw
activations (LG012). ``backward`` is not read (it shapes gradients, not values).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lossguard.static.values import ClassRef, FunctionRef, QualName, Value

_FUNCTION_BASES = ("torch.autograd.Function", "torch.autograd.function.Function")


@dataclass(frozen=True, eq=False)
class AutogradApply(Value):
    """``MyFunction.apply``: its ``forward``, called with a context object before the arguments."""

    forward: FunctionRef

    def __hash__(self) -> int:
        return hash(self.forward)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AutogradApply) and other.forward == self.forward


def autograd_apply(interp: Any, cls: ClassRef) -> AutogradApply | None:
    """``cls.apply`` when ``cls`` derives from ``torch.autograd.Function`` and defines ``forward``."""
    if not any(isinstance(b, QualName) and b.name in _FUNCTION_BASES for b in interp._bases(cls)[1:]):
        return None
    forward = interp._find_method(cls, "forward")
    return AutogradApply(forward) if forward is not None else None
