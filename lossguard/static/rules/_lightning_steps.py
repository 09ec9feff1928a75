"""A LightningModule's ``training_step`` keeps what it produces on ``self`` (LG006).

Lightning runs ``training_step`` once per batch and back-propagates the loss it returns (the
tensor, or the ``"loss"`` item of the dict). The step is the body of a training loop that the
checked code does not write: a list or sum on ``self`` that the step grows
(``self.training_step_outputs.append(log)``, ``self.total += loss``) and that only an epoch hook
clears keeps every step's graph alive until the epoch ends, the memory growth sktime's
pytorch-forecasting fixed in #1924 (Lightning 2's "training_step_outputs" migration pattern,
without the ``.detach()``).

Read from the class's text alone, so only the plain shape is taken:

* the method is ``training_step`` of a class that derives, in its own module, from a class whose
  name ends with ``LightningModule``; the class does not set ``automatic_optimization`` (manual
  optimization returns whatever it likes);
* the accumulator is ``self.<attr>``, started only as ``[]``, ``list()`` or a number literal in
  the class (a ``deque(maxlen=...)`` or a meter of unknown type may bound what it keeps), never
  assigned or cleared in ``training_step`` or in a per-batch hook (``on_train_batch_end``,
  ``on_before_optimizer_step``, ...), and never popped, removed or deleted from anywhere;
* what is added holds a graph: the interpreter knows it does, or it is the name ``training_step``
  returns, alone or as the ``"loss"`` item of a dict display (what Lightning back-propagates), bound
  only before the accumulation.

The validation and test steps run under ``no_grad``: not read."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.interp.restored_attributes import is_self_attribute
from lossguard.static.values import Tensor, holds_graph_items

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.events import Accumulate

#: hooks Lightning calls once per batch (or per optimizer step): a reset there bounds the list to one step
_PER_STEP_HOOKS = frozenset(
    {
        "training_step",
        "on_train_batch_start",
        "on_train_batch_end",
        "on_before_backward",
        "on_after_backward",
        "on_before_optimizer_step",
        "optimizer_step",
        "on_before_zero_grad",
        "optimizer_zero_grad",
    }
)
_SHRINKING = frozenset({"pop", "popleft", "remove", "clear"})


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return _dotted(node.value) + "." + node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _lineage(cls: ast.ClassDef, classes: dict[str, ast.ClassDef]) -> list[ast.ClassDef] | None:
    """``cls`` and its bases of the same module, when one of them derives from a ``LightningModule``."""
    seen: list[ast.ClassDef] = []
    stack = [cls]
    lightning = False
    while stack:
        c = stack.pop()
        if c in seen:
            continue
        seen.append(c)
        for base in c.bases:
            name = _dotted(base)
            if name.endswith("LightningModule"):
                lightning = True
            elif name in classes:
                stack.append(classes[name])
    return seen if lightning else None


def _owner(func: ast.AST, tree: ast.Module) -> ast.ClassDef | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(item is func for item in node.body):
            return node
    return None


def _started_empty(value: ast.expr) -> bool:
    """``[]``, ``list()`` or a number literal: a list or sum that grows without bound."""
    if isinstance(value, ast.List):
        return not value.elts
    if isinstance(value, ast.Call):
        return isinstance(value.func, ast.Name) and value.func.id == "list" and not value.args
    return isinstance(value, ast.Constant) and isinstance(value.value, (int, float)) and not isinstance(value.value, bool)


def _unbounded(attr: str, lineage: list[ast.ClassDef]) -> bool:
    """Every store of ``self.<attr>`` in the classes starts it afresh as an empty list or a number,
    and only an epoch-level method does so; nothing shrinks it."""
    for cls in lineage:
        for method in cls.body:
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(method):
                if isinstance(node, (ast.Assign, ast.AnnAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    if any(is_self_attribute(t, attr) for t in targets):
                        if method.name in _PER_STEP_HOOKS or node.value is None or not _started_empty(node.value):
                            return False
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and is_self_attribute(node.func.value, attr):
                    if node.func.attr in _SHRINKING and (node.func.attr != "clear" or method.name in _PER_STEP_HOOKS):
                        return False
                elif isinstance(node, ast.Delete) and any(is_self_attribute(getattr(t, "value", t), attr) for t in node.targets):
                    return False
    return True


def _manual(lineage: list[ast.ClassDef]) -> bool:
    """The class sets (or defines) ``automatic_optimization``: Lightning back-propagates nothing it returns."""
    for cls in lineage:
        for node in ast.walk(cls):
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Attribute) and t.attr == "automatic_optimization" for t in targets):
                    return True
            if isinstance(node, ast.FunctionDef) and node.name == "automatic_optimization":
                return True
    return False


def _back_propagated(value: ast.expr | None, name: str) -> bool:
    """``return name`` or ``return {"loss": name, ...}``: what Lightning back-propagates is ``name``."""
    if isinstance(value, ast.Name):
        return value.id == name
    if isinstance(value, ast.Dict):
        return any(
            isinstance(k, ast.Constant) and k.value == "loss" and isinstance(v, ast.Name) and v.id == name for k, v in zip(value.keys, value.values)
        )
    return False


def _returned_unchanged(added: ast.expr, acc_node: ast.AST, func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """``added`` is a name ``func`` returns (or returns as the ``"loss"`` item of a dict display), bound
    only before the accumulation."""
    if not isinstance(added, ast.Name):
        return False
    name = added.id
    returned = False
    for node in ast.walk(func):
        if isinstance(node, ast.Return) and _back_propagated(node.value, name):
            returned = True
        elif isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store) and node.lineno > getattr(acc_node, "lineno", 0):
            return False
    return returned


def kept_across_lightning_steps(acc: Accumulate) -> bool:
    """See the module docs: ``training_step`` grows ``self.<attr>`` with a graph every step."""
    func = acc.ctx.func
    if func is None or func.name != "training_step" or acc.ctx.loops or acc.ctx.no_grad:
        return False
    target = acc.target
    if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"):
        return False
    tree = acc.ctx.module.module
    cls = _owner(func, tree)
    if cls is None:
        return False
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    lineage = _lineage(cls, classes)
    if lineage is None or _manual(lineage) or not _unbounded(target.attr, lineage):
        return False
    value = acc.value
    if isinstance(value, Tensor) and value.graph or holds_graph_items(value):
        return True
    node = acc.node
    added = node.args[0] if isinstance(node, ast.Call) and node.args else getattr(node, "value", None)
    return added is not None and _returned_unchanged(added, node, func)
