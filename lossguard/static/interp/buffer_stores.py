"""A store into a registered buffer of a built model: new numbers, the same model.

Round 26 (CorentinJ/Real-Time-Voice-Cloning's synthesizer): ``train()`` sets ``model.r = r`` on a built
``Tacotron`` before each training session. Any store into an attribute its code reads used to make the model
unknown (it may be a layer replaced, or a flag its ``forward`` tests), and the mutated stop token, a raw
``nn.Linear`` output into ``F.binary_cross_entropy``, was missed. ``r`` is a property whose setter stores
``self.decoder.r = self.decoder.r.new_tensor(value, requires_grad=False)``, and the decoder's ``__init__``
registered ``r`` as a buffer (``self.register_buffer("r", torch.tensor(1))``): a buffer holds numbers, never a
layer, so storing into one keeps the module's layers and what they return.

Kept: ``model.<name> = v`` where a class of the model's hierarchy registers ``<name>`` as a buffer in its
``__init__`` (``self.register_buffer("<name>", ...)``, the name a literal), or where ``<name>`` is a property of
that hierarchy whose setter's every statement is such a store into a buffer of ``self`` or of a module it holds
(followed through the instance's attributes as ``__init__`` left them). Anything else forgets the model, as
before. A buffer a ``forward`` tests (``if self.initted:``) is still taken as numbers that change no layer.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.values import ClassRef, Instance

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.interp.base import InterpBase


def _registers_buffer(interp: InterpBase, cls: ClassRef, name: str) -> bool:
    """Whether ``__init__`` of ``cls`` or of a class it derives from calls ``self.register_buffer("<name>", ...)``."""
    for base in interp._bases(cls):
        if not isinstance(base, ClassRef):
            continue
        for stmt in base.node.body:
            if isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__":
                for node in ast.walk(stmt):
                    if (
                        isinstance(node, ast.Call)
                        and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "register_buffer"
                        and isinstance(node.func.value, ast.Name)
                        and node.func.value.id == "self"
                        and node.args
                        and isinstance(node.args[0], ast.Constant)
                        and node.args[0].value == name
                    ):
                        return True
    return False


def _setter(interp: InterpBase, cls: ClassRef, name: str) -> ast.FunctionDef | None:
    """The ``@<name>.setter`` method of the hierarchy, if any."""
    for base in interp._bases(cls):
        if not isinstance(base, ClassRef):
            continue
        for stmt in base.node.body:
            if isinstance(stmt, ast.FunctionDef) and stmt.name == name:
                for d in stmt.decorator_list:
                    if isinstance(d, ast.Attribute) and d.attr == "setter" and isinstance(d.value, ast.Name) and d.value.id == name:
                        return stmt
    return None


def _buffer_store(interp: InterpBase, owner: Instance, stmt: ast.stmt) -> bool:
    """``self.<a>...<name> = v``: a store into a buffer of ``self`` or of a module ``self`` holds."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Attribute)):
        return False
    target = stmt.targets[0]
    path: list[str] = []
    node: ast.expr = target.value
    while isinstance(node, ast.Attribute):
        path.append(node.attr)
        node = node.value
    if not (isinstance(node, ast.Name) and node.id == "self"):
        return False
    held: object = owner
    for attr in reversed(path):
        held = held.attrs.get(attr) if isinstance(held, Instance) else None
    return isinstance(held, Instance) and _registers_buffer(interp, held.cls, target.attr)


def keeps_model(interp: InterpBase, owner: Instance, name: str) -> bool:
    """Whether storing into ``owner.<name>`` leaves the model's layers as they are (module docstring)."""
    if _registers_buffer(interp, owner.cls, name):
        return True
    setter = _setter(interp, owner.cls, name)
    if setter is None:
        return False
    body = [s for s in setter.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    return bool(body) and all(_buffer_store(interp, owner, s) for s in body)
