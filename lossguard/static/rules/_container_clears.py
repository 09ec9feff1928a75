"""A clear of every optimizer a container holds, and a step of one of them by key (LG014).

Round 36 (loss-bug fix commits, epicgamer17/modular-rl's learner): the optimizers sit in a dict, every one is cleared
in a loop over it and the one each loss belongs to is stepped by its key::

    for batch in batch_iterator:
        for opt in self.optimizers.values():
            opt.zero_grad(set_to_none=True)
        ...
        for opt_key, loss_tensor in result.loss.items():
            loss_tensor.backward()
            self.optimizers[opt_key].step()

Compared by their text, ``opt`` and ``self.optimizers[opt_key]`` are two optimizers, and LG014 reported the step as
never cleared. A ``zero_grad()`` on the variable of a ``for`` over a container ``X`` (``for opt in X:``, ``for opt in
X.values():``) clears every optimizer ``X`` holds, so a ``X[<key>].step()`` is cleared by it. AST facts only: the
container is named by the same text in both places, in the same file.
"""

from __future__ import annotations

import ast

from lossguard.static.project import ModuleInfo


def cleared_container(clear: ast.AST, module: ModuleInfo) -> str | None:
    """The text of ``X`` when ``clear`` is ``opt.zero_grad(...)`` in the body of ``for opt in X:`` or ``for opt in
    X.values():`` of ``module``; else None."""
    if not (isinstance(clear, ast.Call) and isinstance(clear.func, ast.Attribute) and isinstance(clear.func.value, ast.Name)):
        return None
    name = clear.func.value.id
    for node in ast.walk(module.module):
        if not (isinstance(node, ast.For) and isinstance(node.target, ast.Name) and node.target.id == name):
            continue
        if not any(inner is clear for stmt in node.body for inner in ast.walk(stmt)):
            continue
        items = node.iter
        if isinstance(items, ast.Call) and isinstance(items.func, ast.Attribute) and items.func.attr == "values" and not items.args:
            items = items.func.value
        return module.segment(items)
    return None


def stepped_from(step: ast.Call, containers: set[str], module: ModuleInfo) -> bool:
    """``step`` is ``X[<key>].step()`` with ``X`` the text of one of ``containers``."""
    receiver = step.func.value if isinstance(step.func, ast.Attribute) else None
    return isinstance(receiver, ast.Subscript) and module.segment(receiver.value) in containers
