"""Lists of layers given to ``nn.Sequential(*layers)``.

Round 13 (realcode_dev3, e2e-model-learning): a baseline builds its hidden blocks with
``layers = reduce(operator.add, [[nn.Linear(a, b), nn.ReLU()] for a, b in ...])``, appends the head
with ``layers += [nn.Linear(h, k), nn.Softmax()]`` and wraps the lot in ``nn.Sequential(*layers)``.
The blocks are not known, but the last layers are, and they alone decide what the model returns
(probabilities here, fed to ``NLLLoss``). :class:`TailList` is a list whose last items are known;
``nn.Sequential(*name)`` of it (or of a list known item by item) is a Sequential ending in those
layers, its unknown front standing for whatever came before. Nothing else reads a :class:`TailList`:
for every other use it is a list the interpreter does not know.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from lossguard.static.values import UNKNOWN, TupleVal, Unknown, Value


@dataclass(frozen=True)
class TailList(Value):
    """A list of unknown length whose last items are ``tail``."""

    tail: tuple[Value, ...]


def extended(current: Value, added: ast.expr, added_value: Value) -> Value | None:
    """The list after ``current += [a, b]`` (a list display): its tail is now known; None when the
    interpreter's own handling stands (a list known item by item, or anything but a list display)."""
    if not isinstance(added, ast.List) or not isinstance(added_value, TupleVal) or not added_value.items:
        return None
    if isinstance(current, TailList):
        return TailList(current.tail + added_value.items)
    if isinstance(current, Unknown):
        return TailList(added_value.items)
    return None  # a list known item by item, a tensor, a number: the interpreter's own handling


def starred_sequence(node: ast.Call, value: Value, scope: ast.AST) -> Value | None:
    """The list a call's only argument ``*name`` unpacks, when its items (or its last items) are known
    and ``scope`` (the function or module around the call) changes the list only by assigning or
    ``+=``-extending the name: ``layers.append(...)``, ``layers[-1] = ...`` or ``del layers[0]``
    anywhere in it leave the list unknown here."""
    if len(node.args) != 1 or node.keywords or not isinstance(node.args[0], ast.Starred) or not isinstance(node.args[0].value, ast.Name):
        return None
    if not isinstance(value, (TupleVal, TailList)) or _changed_in_place(node.args[0].value.id, scope):
        return None
    return value


def _changed_in_place(name: str, scope: ast.AST) -> bool:
    """``name.method(...)`` is called, or an item of ``name`` stored or deleted, somewhere in ``scope``."""
    for n in ast.walk(scope):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name) and n.func.value.id == name:
            return True
        if isinstance(n, ast.Subscript) and isinstance(n.ctx, (ast.Store, ast.Del)) and isinstance(n.value, ast.Name) and n.value.id == name:
            return True
    return False


def sequential_layers(seq: Value) -> tuple[Value, ...] | None:
    """The layers of ``nn.Sequential(*seq)``: an unknown first layer standing for an unknown front."""
    if isinstance(seq, TupleVal):
        return seq.items
    if isinstance(seq, TailList):
        return (UNKNOWN, *seq.tail)
    return None
