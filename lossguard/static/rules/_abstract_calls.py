"""A loop that calls a method its class leaves to subclasses: the code that runs there is not the class's own.

Round 33 (uma-pi1/kge before bab500ecb5): ``TrainingJob.run_epoch`` loops over the batches, calls
``self._compute_batch_loss(batch_index, batch)``, then ``cost_value.backward()`` and
``self.optimizer.step()``. ``TrainingJob._compute_batch_loss`` only raises ``NotImplementedError``; each
subclass (``TrainingJobKvsAll``, ``TrainingJobNegativeSampling``, ``TrainingJob1vsAll``) overrides it and
calls ``self.optimizer.zero_grad()`` first. Analysed on the base class, the loop showed a backward and a
step and no clearing, and LG014 reported it; what the loop runs there is an override the base class does
not hold, which may clear (here every one does). Such a loop is not known to leave the gradients uncleared.

A method is left to subclasses when its body (a docstring aside) is only ``raise NotImplementedError``
(or ``NotImplementedError(...)``), or it is decorated ``@abstractmethod``. The class is the one of the
loop's own file that defines the loop's method, and its bases defined in the same file; a hook with a
``pass`` body is not such a method (the base class runs it as it is). The loop counts as clearing only
when a subclass in the same file overrides that method with a body that clears (the caller's test): an
abstract helper that samples data (realcode_fix19's meta-learner, ``self.memory_sampling(t)``, cut to
``raise NotImplementedError``) is no evidence that anything clears.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from lossguard.static.function_bodies import body_without_docstring
from lossguard.static.project import ModuleInfo
from lossguard.static.rules._sibling_resets import class_of
from lossguard.static.scope_nodes import FUNCTION_DEFS


def left_to_subclasses(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """``fn``'s body, a docstring aside, is only ``raise NotImplementedError``, or ``fn`` is decorated
    ``@abstractmethod`` (``@abc.abstractmethod``)."""
    for d in fn.decorator_list:
        name = d.attr if isinstance(d, ast.Attribute) else d.id if isinstance(d, ast.Name) else None
        if name == "abstractmethod":
            return True
    body = body_without_docstring(fn)
    if len(body) != 1 or not isinstance(body[0], ast.Raise) or body[0].exc is None:
        return False
    exc = body[0].exc
    if isinstance(exc, ast.Call):
        exc = exc.func
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def _methods(cls: ast.ClassDef, module: ModuleInfo) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    """The methods ``cls`` defines or inherits from the classes of its own file, by name (its own first)."""
    classes = {c.name: c for c in ast.walk(module.module) if isinstance(c, ast.ClassDef)}
    out: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
    todo, seen = [cls], set()
    while todo:
        c = todo.pop(0)
        if id(c) in seen:
            continue
        seen.add(id(c))
        for stmt in c.body:
            if isinstance(stmt, FUNCTION_DEFS):
                out.setdefault(stmt.name, stmt)
        todo.extend(classes[b.id] for b in c.bases if isinstance(b, ast.Name) and b.id in classes)
    return out


def _subclasses(cls: ast.ClassDef, module: ModuleInfo) -> list[ast.ClassDef]:
    """The classes of ``module`` that derive from ``cls``, directly or through classes of the same file."""
    classes = [c for c in ast.walk(module.module) if isinstance(c, ast.ClassDef)]
    names, out = {cls.name}, []
    grew = True
    while grew:
        grew = False
        for c in classes:
            if c is not cls and c not in out and any(isinstance(b, ast.Name) and b.id in names for b in c.bases):
                out.append(c)
                names.add(c.name)
                grew = True
    return out


def calls_a_subclass_method(
    loop: ast.AST, func: ast.AST | None, module: ModuleInfo, clears: Callable[[ast.FunctionDef | ast.AsyncFunctionDef], bool]
) -> bool:
    """Whether ``loop`` (in the method ``func`` of a class of ``module``) calls ``self.<name>(...)`` on the
    method's own first parameter, where ``<name>`` is a method that class leaves to its subclasses and a
    subclass in the same file overrides it with a body that ``clears``."""
    if not isinstance(func, FUNCTION_DEFS) or not func.args.args:
        return False
    cls = class_of(func, module)
    if cls is None:
        return False
    me = func.args.args[0].arg
    methods = _methods(cls, module)
    subs: list[ast.ClassDef] | None = None
    for node in ast.walk(loop):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == me
            and node.func.attr in methods
            and left_to_subclasses(methods[node.func.attr])
        ):
            name = node.func.attr
            if subs is None:
                subs = _subclasses(cls, module)  # once per loop, at the first such call
            for sub in subs:
                override = next((f for f in sub.body if isinstance(f, FUNCTION_DEFS) and f.name == name), None)
                if override is not None and clears(override):
                    return True
    return False
