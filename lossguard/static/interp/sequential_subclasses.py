"""Subclasses of ``nn.Sequential`` that pass their layers to its constructor.

Round 24: ``class MLP(nn.Sequential)`` whose ``__init__`` ends in ``super().__init__(nn.Linear(d, h), nn.ReLU(),
nn.Linear(h, k), nn.Softmax(dim=1))`` and defines no ``forward`` (torchvision's ``ops.MLP`` is built this way,
and so are many projects' heads). Calling an instance ran no code of the checked project, so its output was
unknown. ``super().__init__(...)`` of such a class (and ``nn.Sequential.__init__(self, ...)``) now keeps the
layers it is given on the instance, and calling an instance whose class defines no ``forward`` (nor
``__call__``) runs them as ``nn.Sequential`` does. Layers given by unpacking (``*layers``) or by keyword are not
read: the instance's output stays unknown.
"""

from __future__ import annotations

from lossguard.static.values import UNKNOWN, Instance, QualName, SequentialVal, Value

#: the key under which an instance keeps the layers its nn.Sequential parent was given (not a Python name)
LAYERS = "<sequential layers>"
_SEQUENTIAL = ("torch.nn.Sequential", "torch.nn.modules.container.Sequential")


class SequentialInit(Value):
    """``super().__init__`` of an instance whose class derives from ``nn.Sequential``."""

    __slots__ = ("instance",)

    def __init__(self, instance: Instance) -> None:
        self.instance = instance


def sequential_init(parent: Value, name: str, self_value: Value) -> SequentialInit | None:
    """``super().__init__`` (``name``) resolved to ``parent``, when that is ``nn.Sequential``."""
    if name == "__init__" and isinstance(parent, QualName) and parent.name in _SEQUENTIAL and isinstance(self_value, Instance):
        return SequentialInit(self_value)
    return None


def keep_layers(init: SequentialInit, pos: list[Value], has_keywords: bool, starred: bool) -> None:
    """The layers the constructor was given, kept on the instance (unknown when not all are known)."""
    known = bool(pos) and not has_keywords and not starred
    init.instance.attrs[LAYERS] = SequentialVal(tuple(pos)) if known else UNKNOWN


def own_layers(inst: Instance) -> Value | None:
    """The layers an instance without a ``forward`` of its own runs, when its nn.Sequential parent was given them."""
    layers = inst.attrs.get(LAYERS)
    return layers if isinstance(layers, SequentialVal) else None
