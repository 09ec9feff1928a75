"""Lists of layers given to ``nn.Sequential(*layers)``.

Round 13 (realcode_dev3, e2e-model-learning): a baseline builds its hidden blocks with
``layers = reduce(operator.add, [[nn.Linear(a, b), nn.ReLU()] for a, b in ...])``, appends the head
with ``layers += [nn.Linear(h, k), nn.Softmax()]`` and wraps the lot in ``nn.Sequential(*layers)``.
The blocks are not known, but the last layers are, and they alone decide what the model returns
(probabilities here, fed to ``NLLLoss``). :class:`TailList` is a list whose last items are known;
``nn.Sequential(*name)`` of it (or of a list known item by item) is a Sequential ending in those
layers, its unknown front standing for whatever came before. Nothing else reads a :class:`TailList`:
for every other use it is a list the interpreter does not know.

Round 24: the more common way to build that list is ``layers.append(...)``, in a loop for the hidden
blocks and after it for the head (``layers.append(nn.Linear(h, k)); layers.append(nn.Softmax(dim=1))``).
After the loop the list is a list of like items of unknown length; a module appended to it outside
any loop and any ``if`` is now its known last item (:class:`TailedList`, still that list for everything
that reads one), and ``nn.Sequential(*layers)`` or ``nn.ModuleList(layers)`` of it ends in those
modules. A head appended under an ``if`` is left to the join of the branches: where a default decided
the branch (realcode_heldout4's qlib ``Net``, built by its class's defaults with ``loss="mse"`` while the
loss it is scored with is the ``"binary"`` branch's), the head would not be the one the loss sees.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from lossguard.static.values import MODEL_VALUES, UNKNOWN, Layer, ListOf, LossSpec, TupleVal, Unknown, Value

#: modules the code built (what a list of layers holds)
MODULES = (Layer, LossSpec, *MODEL_VALUES)
#: the most known last items a list keeps
_MOST_TAIL = 16


@dataclass(frozen=True)
class TailList(Value):
    """A list of unknown length whose last items are ``tail``."""

    tail: tuple[Value, ...]


@dataclass(frozen=True)
class TailedList(ListOf):
    """A list of unknown length, every item like ``item``, whose last items are the modules ``tail``."""

    tail: tuple[Value, ...] = ()


def appended_tail(recv: Value, added: Value, call: ast.AST, scope: ast.AST, taken: set[int]) -> tuple[Value, ...] | None:
    """The known last items of the list after ``layers.append(module)`` (``call``) outside any loop and
    any ``if`` of ``scope`` but those whose body this call certainly runs (``taken``: their test decided
    true for this call, as pytorchvideo's ``if head is not None:`` is for a ``head`` the caller names),
    where ``layers`` has an unknown length (a loop appended to it): those it had, then ``module``. None
    for anything else (the interpreter's own handling stands)."""
    if not isinstance(recv, ListOf) or not isinstance(added, MODULES) or _in_branch(call, scope, taken):
        return None
    tail = (*recv.tail, added) if isinstance(recv, TailedList) else (added,)
    return tail if len(tail) <= _MOST_TAIL else None


def _in_branch(node: ast.AST, scope: ast.AST, taken: set[int]) -> bool:
    """Whether ``node`` lies in a branch of an ``if`` (or a conditional expression) of ``scope``, other
    than the body of an ``if`` in ``taken``."""
    line = getattr(node, "lineno", None)
    if line is None:
        return True
    for n in ast.walk(scope):
        if isinstance(n, (ast.If, ast.IfExp)) and n.lineno <= line <= (n.end_lineno or n.lineno) and n is not node:
            if isinstance(n, ast.If) and id(n) in taken and n.body and n.body[0].lineno <= line <= (n.body[-1].end_lineno or 0):
                continue
            return True
    return False


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
    anywhere in it leave the list unknown here. A list or tuple written in place (``*[nn.Linear(4, 3),
    nn.Softmax(dim=1)]``) is its items."""
    if len(node.args) != 1 or node.keywords or not isinstance(node.args[0], ast.Starred):
        return None
    unpacked = node.args[0].value
    if isinstance(unpacked, (ast.List, ast.Tuple)):
        return value if isinstance(value, TupleVal) and len(value.items) == len(unpacked.elts) else None
    if not isinstance(unpacked, ast.Name):
        return None
    if isinstance(value, TailedList):
        # its appends were followed (any other list method makes it a plain list): only item stores are not
        return None if _changed_in_place(unpacked.id, scope, calls=False) else TailList(value.tail)
    if not isinstance(value, (TupleVal, TailList)) or _changed_in_place(unpacked.id, scope):
        return None
    return value


def _changed_in_place(name: str, scope: ast.AST, calls: bool = True) -> bool:
    """``name.method(...)`` is called (with ``calls``), or an item of ``name`` stored or deleted, somewhere in ``scope``."""
    for n in ast.walk(scope):
        if calls and isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name) and n.func.value.id == name:
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
