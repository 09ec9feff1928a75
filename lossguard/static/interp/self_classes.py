"""The class of ``self`` and its base classes of the checked code, for a loop summary (round 38).

LG014 compares the optimizers a loop clears and steps by their text. Two attributes of ``self`` that construction
binds to one argument (``self.optimizer_D`` stored by a base class's ``__init__``, ``self.Discriminator_opt`` by
the subclass's) are one optimizer; the values cannot tell (an argument nobody passed is the one placeholder
``values.PARAM``), the text of construction can (``rules._aliased_optimizers``), given the classes. A loop inside a
method whose ``self`` is an instance of a class of the checked code carries that class and its bases, resolved by
the interpreter (imports included), as ``extra["self_classes"]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lossguard.static.values import ClassRef, Instance

if TYPE_CHECKING:
    from lossguard.static.interp.base import InterpBase
    from lossguard.static.interp.frame import Env, Frame


def self_classes(interp: InterpBase, frame: Frame, env: Env) -> dict[str, object]:
    """``{"self_classes": (cls, base, ...)}`` for a method's loop whose ``self`` is a known instance, else {}."""
    func = frame.func
    if func is None or not func.args.args or func.args.args[0].arg != "self":
        return {}
    value = env.get("self")
    if not isinstance(value, Instance) or not isinstance(value.cls, ClassRef):
        return {}
    return {"self_classes": tuple(c for c in interp._bases(value.cls) if isinstance(c, ClassRef))}
