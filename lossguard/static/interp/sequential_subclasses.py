"""Subclasses of ``nn.Sequential`` that pass their layers to its constructor.

Round 24: ``class MLP(nn.Sequential)`` whose ``__init__`` ends in ``super().__init__(nn.Linear(d, h), nn.ReLU(),
nn.Linear(h, k), nn.Softmax(dim=1))`` and defines no ``forward`` (torchvision's ``ops.MLP`` is built this way,
and so are many projects' heads). Calling an instance ran no code of the checked project, so its output was
unknown. ``super().__init__(...)`` of such a class (and ``nn.Sequential.__init__(self, ...)``) now keeps the
layers it is given on the instance, and calling an instance whose class defines no ``forward`` (nor
``__call__``) runs them as ``nn.Sequential`` does. Layers given by unpacking (``*layers``) or by keyword are not
read: the instance's output stays unknown.

Round 25 (kazuto1011/deeplab-pytorch's ``DeepLabV2``, torchvision's DenseNet blocks): the other way to fill such a
class is ``super().__init__()`` and then ``self.add_module("layer1", ...)`` once per layer in ``__init__``. Each
``add_module`` that is a statement of ``__init__``'s body itself appends its layer; one under an ``if`` or in a
loop leaves the layers unknown, and so does a module stored in an attribute (``self.fc = nn.Linear(...)``, which
nn.Sequential runs too).

Round 31 (quic/sense before eb5bdb35): a subclass that defines its own ``forward`` and ends it in
``super().forward(x)`` runs the kept layers there (``sequential_forward``).
"""

from __future__ import annotations

import ast

from lossguard.static.values import MODEL_VALUES, UNKNOWN, Instance, Layer, QualName, SequentialVal, Value

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


def sequential_forward(parent: Value, name: str, self_value: Value) -> Value | None:
    """``super().forward`` (``name``) resolved to ``parent``, when that is ``nn.Sequential`` and the instance keeps
    the layers its constructor was given: those layers, run in order (round 31, quic/sense's ``LogisticRegression``,
    whose own ``forward`` pools its input and returns ``super().forward(input_tensor)``)."""
    if name == "forward" and isinstance(parent, QualName) and parent.name in _SEQUENTIAL and isinstance(self_value, Instance):
        return own_layers(self_value)
    return None


def keep_layers(init: SequentialInit, pos: list[Value], has_keywords: bool, starred: bool) -> None:
    """The layers the constructor was given, kept on the instance (unknown when not all are known);
    none for ``super().__init__()``, to be filled by ``self.add_module``."""
    known = not has_keywords and not starred
    init.instance.attrs[LAYERS] = SequentialVal(tuple(pos)) if known else UNKNOWN


def add_module(inst: Instance, call: ast.Call, pos: list[Value], has_keywords: bool, starred: bool, body: list[ast.stmt] | None) -> bool:
    """``self.add_module(name, layer)`` in the ``__init__`` of a subclass of nn.Sequential: the layer
    joins the end of the layers it runs, when the call is a statement of the body itself (not under
    an ``if`` or in a loop, where how many layers it adds, and which, is not known). Any other
    ``add_module`` of such an instance leaves its layers unknown. False when ``inst`` keeps no layers."""
    layers = inst.attrs.get(LAYERS)
    if layers is None:
        return False
    plain = body is not None and any(isinstance(stmt, ast.Expr) and stmt.value is call for stmt in body)
    if isinstance(layers, SequentialVal) and plain and len(pos) == 2 and not has_keywords and not starred:
        inst.attrs[LAYERS] = SequentialVal((*layers.layers, pos[1]))
    else:
        inst.attrs[LAYERS] = UNKNOWN
    return True


def added_module(method: str, pos: list[Value], kw: dict[str, Value]) -> Value | None:
    """The module ``seq.add_module(name, module)`` or ``seq.append(module)`` adds to an ``nn.Sequential``, its
    arguments given by position or by their names (round 36, skydvn/CVAE-Pytorch's
    ``self.d_network.add_module(name=f"L{i}", module=nn.Linear(...))``); None for any other shape."""
    names = ("name", "module") if method == "add_module" else ("module",)
    given = dict(zip(names, pos))
    if len(pos) > len(names) or any(k in given or k not in names for k in kw):
        return None
    given.update(kw)
    return given.get("module") if len(given) == len(names) else None


def own_layers(inst: Instance) -> Value | None:
    """The layers an instance without a ``forward`` of its own runs, when its nn.Sequential parent was
    given them (or ``add_module`` added them) and no module is stored in one of its attributes (which
    nn.Sequential would run too, in an order the checker does not keep)."""
    layers = inst.attrs.get(LAYERS)
    if not isinstance(layers, SequentialVal) or not layers.layers:
        return None
    if any(isinstance(v, (*MODEL_VALUES, Layer, SequentialVal)) for k, v in inst.attrs.items() if k != LAYERS):
        return None
    return layers
