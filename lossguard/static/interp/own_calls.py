"""An inherited method that calls the object itself runs the subclass's ``forward``.

Round 34 (opendataval/opendataval before 9123a6b, its issue #25): ``TorchClassMixin.fit`` builds the optimizer,
picks ``F.binary_cross_entropy`` or ``F.cross_entropy`` by ``self.num_classes`` and computes
``criterion(self.__call__(x_batch), y_batch)``; the mixin, a module class of its own, defines no ``forward``:
each model that inherits ``fit`` (``LogisticRegression``, ending in ``F.sigmoid``; ``LeNet``, ending in
``F.softmax``) brings the one that runs. Round 27's template methods (``interp.classes.inherited_callers``) ran an
inherited method on the subclass when it calls ``self.<name>(...)`` for a method ``<name>`` the subclass
overrides, so ``self.forward(x)`` in ``fit`` ran each subclass's ``forward``; ``self(x)`` and
``self.__call__(x)`` are the same call for a module (``nn.Module.__call__`` runs ``forward``) and were not
read so. Now they are, for a module class that does not define ``__call__`` itself in the checked code.
"""

from __future__ import annotations

import ast

#: the method a module runs when the object itself is called
FORWARD = "forward"


def calls_itself(fn: ast.AST) -> bool:
    """``fn``'s body calls ``self(...)`` or ``self.__call__(...)``."""
    for n in ast.walk(fn):
        if not isinstance(n, ast.Call):
            continue
        func = n.func
        if isinstance(func, ast.Name) and func.id == "self":
            return True
        if isinstance(func, ast.Attribute) and func.attr == "__call__" and isinstance(func.value, ast.Name) and func.value.id == "self":
            return True
    return False


def runs_subclass_forward(node: ast.ClassDef) -> bool:
    """A class that defines no ``forward`` and has a method (not a dunder) that calls the object itself: written
    for subclasses that bring the forward. Read from the text alone, to find the files that subclass it."""
    methods = [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if any(m.name == FORWARD for m in methods):
        return False
    return any(not m.name.startswith("__") and calls_itself(m) for m in methods)
