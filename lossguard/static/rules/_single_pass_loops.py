"""A ``for`` loop over a list the function wrote with a single item runs once (LG014).

Round 37 (realcode_fix27, pytorch/benchmark at e50b595bb5): a benchmark's ``train`` builds ``real_input = [
torch.rand_like(x)]`` and ``real_output = [torch.rand_like(y)]``, then in its loop over iterations clears the
gradients and runs ``for data, target in zip(real_input, real_output): ...; loss.backward(); optimizer.step()``. The
inner loop was read as a training loop that never clears; it runs once per outer iteration, whose ``zero_grad()``
comes before it. A loop is a single pass when what it iterates is a name (or ``zip``/``enumerate`` of names) that
the function binds once, to a list or tuple display of one item, and never grows (no ``append``, ``extend``,
``insert`` or ``+=`` on it). AST facts only: any other binding, a display of more items or a starred one leaves the
loop a loop.
"""

from __future__ import annotations

import ast

from lossguard.static.scope_nodes import own_nodes

_GROWS = frozenset({"append", "extend", "insert"})


def _single_item_name(name: str, scope: ast.AST) -> bool:
    """``name`` is bound once in ``scope``'s own code, to a display of one plain item, and never grown."""
    bindings = 0
    single = False
    for node in own_nodes(ast.iter_child_nodes(scope)):
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
            bindings += 1
        elif isinstance(node, ast.arg) and node.arg == name:
            return False  # a parameter: whatever the caller gives
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and node.targets[0].id == name:
            value = node.value
            single = isinstance(value, (ast.List, ast.Tuple)) and len(value.elts) == 1 and not isinstance(value.elts[0], ast.Starred)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _GROWS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == name
        ):
            return False
    return bindings == 1 and single


def single_pass(loop: ast.AST, scope: ast.AST | None) -> bool:
    """``loop`` is a ``for`` over one-item lists the function wrote (``for x, y in zip(inputs, targets)`` with
    ``inputs = [x0]``, ``targets = [y0]``): it runs once."""
    if scope is None or not isinstance(loop, (ast.For, ast.AsyncFor)):
        return False
    it = loop.iter
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id in ("zip", "enumerate") and it.args and not it.keywords:
        names = it.args if it.func.id == "zip" else it.args[:1]
    else:
        names = [it]
    return all(isinstance(n, ast.Name) and _single_item_name(n.id, scope) for n in names)
