"""A loss stored into a Python dict or list at a key that is new at every iteration of the loop around it.

Round 37 (realcode_fix27, caikit/caikit-nlp): a prompt-tuning trainer logs each step's loss as
``step_loss_log[step_count] = loss`` and ``step_count += 1`` in its batch loop, and reads the dict after the loop.
A slot of a dict or list is overwritten when its key comes again (``interp.slot_stores`` leaves such stores alone
for that reason), but a key that is the loop's own index (``for i in range(n)``, ``for i, batch in
enumerate(loader)``) or a counter the loop adds one to never comes again: every iteration adds one more loss, and
while the loss holds its graph the container keeps every step's graph alive, as ``losses.append(loss)`` does. Such a
store is read here as that append (LG006 judges it the same way: silent when the loop re-makes the container,
back-propagates what it holds or runs under ``no_grad``).

Only a container the interpreter knows to be a Python dict or list (a literal, ``[0.0] * n``), through a name or an
attribute, only the innermost loop's index or counter, and only in a loop whose own body back-propagates (a training
loop; a meter's ``for i, v in enumerate(values): self.last[i] = v`` stores at the same keys at every call): a key
the checker cannot follow (a string, a name the loop binds from its data) may repeat, and the store then keeps one
graph per distinct key, which the rule cannot count.
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.interp.numpy_calls import stored_container
from lossguard.static.scope_nodes import own_nodes
from lossguard.static.values import DictVal, NumberedDict, NumberList, Tensor, TupleVal, Unknown, Value

#: the iterables whose loop target (or the first name of it) is new at every iteration
_INDEXING = ("range", "enumerate")


def _index_names(loop: ast.stmt) -> set[str]:
    """The names ``loop`` binds to a number that grows by one at every iteration: ``i`` of ``for i in
    range(n)`` and of ``for i, batch in enumerate(loader)``."""
    if not isinstance(loop, (ast.For, ast.AsyncFor)) or not isinstance(loop.iter, ast.Call):
        return set()
    func = loop.iter.func
    name = func.id if isinstance(func, ast.Name) else None
    if name == "range" and isinstance(loop.target, ast.Name):
        return {loop.target.id}
    if name == "enumerate" and isinstance(loop.target, ast.Tuple) and loop.target.elts:
        first = loop.target.elts[0]
        return {first.id} if isinstance(first, ast.Name) else set()
    return set()


def _counters(loop: ast.stmt) -> set[str]:
    """The names ``loop``'s body adds a positive constant to (``step += 1``), outside nested functions,
    and binds in no other way there."""
    added: set[str] = set()
    bound: set[str] = set()
    augmented: set[int] = set()
    body: list[ast.stmt] = getattr(loop, "body", [])
    for node in own_nodes(body):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            augmented.add(id(node.target))
            value = node.value
            if isinstance(node.op, ast.Add) and isinstance(value, ast.Constant) and isinstance(value.value, int) and value.value > 0:
                added.add(node.target.id)
            else:
                bound.add(node.target.id)
    for node in own_nodes(body):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and id(node) not in augmented:
            bound.add(node.id)
    return added - bound


def _new_every_iteration(key: ast.expr, loop: ast.stmt) -> bool:
    """Whether ``key`` is the index or a counter of ``loop``: a value it never takes twice."""
    return isinstance(key, ast.Name) and (key.id in _index_names(loop) or key.id in _counters(loop))


def _backpropagates(loop: ast.stmt) -> bool:
    """``loop``'s own body calls a ``backward`` (``loss.backward()``, ``accelerator.backward(loss)``): its iterations
    are training steps. A loop over the items of one call (a meter's ``for i, v in enumerate(values)``) is not: the
    next call stores at the same keys again."""
    body: list[ast.stmt] = getattr(loop, "body", [])
    return any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "backward" for node in own_nodes(body))


def keyed_store_base(interp: Any, target: ast.expr, value: Value, frame: Any, env: Any) -> ast.expr | None:
    """``target``'s container when ``target = value`` stores a tensor that holds its graph, or a value the
    interpreter does not know (``outputs.loss`` of a model it cannot see; LG006 asks whether the loop
    back-propagates it), into a Python dict or list at a key new at every iteration of the innermost loop
    (``log[step] = loss`` with ``step += 1``); None otherwise."""
    if not (isinstance(target, ast.Subscript) and frame.loops) or isinstance(value, Tensor) and not value.graph:
        return None
    if not isinstance(value, (Tensor, Unknown)):
        return None  # a number, a string, a container: LG006 reads what it holds elsewhere
    loop = frame.loops[-1]
    if isinstance(target.value, ast.Subscript) or not _new_every_iteration(target.slice, loop) or not _backpropagates(loop):
        return None
    found = stored_container(interp, target, frame, env)
    if found is None or not isinstance(found[1], (DictVal, NumberedDict, TupleVal, NumberList)):
        return None
    return found[0]
