"""State a model keeps between its own methods: ``self.pfB = F.log_softmax(...)`` in ``forward(self)``,
read by ``compute_G_loss(self)``.

Trainers written as a class (the pix2pix / CycleGAN layout: ``set_input``, ``forward``, ``backward_G``,
``optimize_parameters``) pass values from one method to the next through attributes of ``self``,
and often call the methods by names read from a table (``getattr(self, name)()``), so no call that
the interpreter follows assigns them. An assignment made while a method is analysed alone is
normally not counted for the reads of other methods (its arguments are unknown, so what it stores
may not be what any call stores). A method that takes no argument but ``self`` has no such
unknowns: what it stores is what every call of it stores. Its assignments count as a setter's
(``set_later``) when every method of the class and its checked bases that assigns the attribute
takes no argument either, so no assignment that is not counted can hold something else (round 19,
jolibrain/joliGEN's semantic-mask models)."""

from __future__ import annotations

import ast

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import FUNCTION_DEFS, Frame, has_decorator
from lossguard.static.values import ClassRef, Instance


def takes_no_arguments(fn: ast.AST) -> bool:
    """A plain method whose only parameter is ``self``."""
    args = getattr(fn, "args", None)
    if args is None or not isinstance(fn, FUNCTION_DEFS):
        return False
    if any(has_decorator(fn, d) for d in ("staticmethod", "classmethod", "property")):
        return False
    return len(args.posonlyargs) + len(args.args) == 1 and not args.kwonlyargs and args.vararg is None and args.kwarg is None


def _assigned_by(cls: ast.ClassDef, table: dict[str, bool]) -> None:
    """Fold into ``table`` the attributes of ``self`` that the methods of ``cls`` assign: ``True`` while
    every method that assigns one takes no argument (or is ``__init__``)."""
    for method in cls.body:
        if not isinstance(method, FUNCTION_DEFS):
            continue
        plain = takes_no_arguments(method) or method.name == "__init__"
        for node in ast.walk(method):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, (ast.Store, ast.Del))
                and isinstance(node.value, ast.Name)
                and node.value.id == "self"
            ):
                table[node.attr] = table.get(node.attr, True) and plain


class OwnStateMixin(InterpBase):
    def counts_as_set(self, frame: Frame, attr: str) -> bool:
        """``self.<attr> = ...`` in a method analysed alone counts for the other methods' reads."""
        inst = frame.self_value
        if frame.called or frame.is_init or not isinstance(inst, Instance) or frame.func is None or not takes_no_arguments(frame.func):
            return False
        table = self._own_state.get(id(inst.cls.node))
        if table is None:
            table = self._own_state[id(inst.cls.node)] = {}
            for c in self._bases(inst.cls):
                if isinstance(c, ClassRef):
                    _assigned_by(c.node, table)
        return table.get(attr, False)
