"""Attributes a method inherited from a base class of the checked code stores again (round 37).

``ClassesMixin._volatile`` makes unknown, for the whole class, an attribute that a method other than construction
stores: which value a method reads depends on which calls ran before it. It read only the class's own methods, so a
base class's setter (``BaseTrainer.use_criterion(self, criterion): self.criterion = criterion``) left the subclass's
construction value (``nn.CrossEntropyLoss()`` in ``Trainer.__init__``) standing for every method: a script that
calls ``trainer.use_criterion(nn.NLLLoss())`` before ``trainer.fit(loader)`` on a log-softmax model got LG001 on a
criterion that is no longer cross-entropy there. Now the methods of every base class of the checked code that the
class itself does not override count too, except each base's ``__init__`` and the helpers only it calls (run by
construction, through ``super().__init__()``): such a store keeps the attribute as construction made it only where it
puts back its own object (interp.restored_attributes, read in that base class), and leaves it unknown otherwise.
"""

from __future__ import annotations

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import FUNCTION_DEFS
from lossguard.static.interp.restored_attributes import kept_value
from lossguard.static.values import ClassRef, Value


def inherited_stores(interp: InterpBase, cls: ClassRef) -> tuple[tuple[ClassRef, str, frozenset[str]], ...]:
    """Each method a base class of the checked code gives ``cls`` (not overridden, not construction) that stores
    attributes, with its class and those attributes."""
    own = {stmt.name for stmt in cls.node.body if isinstance(stmt, FUNCTION_DEFS)}
    out: list[tuple[ClassRef, str, frozenset[str]]] = []
    for base in interp._bases(cls)[1:]:
        if not isinstance(base, ClassRef):
            continue
        helpers = base.module.facts.init_helpers(base.node)
        for stmt in base.node.body:
            if isinstance(stmt, FUNCTION_DEFS) and stmt.name != "__init__" and stmt.name not in helpers and stmt.name not in own:
                names = base.module.facts.function(stmt).self_assigned
                if names:
                    out.append((base, stmt.name, frozenset(names)))
        own |= {stmt.name for stmt in base.node.body if isinstance(stmt, FUNCTION_DEFS)}
    return tuple(out)


def inherited_setters(interp: InterpBase, cls: ClassRef) -> frozenset[str]:
    """The names of the methods :func:`inherited_stores` gives."""
    return frozenset(method for _, method, _ in inherited_stores(interp, cls))


def after_inherited_stores(interp: InterpBase, cls: ClassRef, attrs: dict[str, Value], unreached: frozenset[str] = frozenset()) -> None:
    """The construction values in ``attrs`` of the attributes inherited methods store again: kept where each such
    store puts back the attribute's own object, unknown otherwise (module docstring). The methods in ``unreached``
    cannot run on this object (interp.unreached_setters): their stores are not counted."""
    for base, method, names in inherited_stores(interp, cls):
        if method in unreached:
            continue
        for attr in names:
            if attr in attrs:
                attrs[attr] = kept_value(interp, base, attr, attrs[attr])
