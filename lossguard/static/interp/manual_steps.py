"""A LightningModule's ``training_step`` under manual optimization is one step of a training loop.

Round 26 (Zasder3/train-CLIP): with ``self.automatic_optimization = False`` in ``__init__``, Lightning
calls ``training_step`` once per batch and leaves the optimizer to it: ``opt = self.optimizers()``,
``opt.zero_grad()``, ``self.manual_backward(loss)``, ``opt.step()``. The loop that repeats these calls
is Lightning's, never written in the checked code, so a step without ``zero_grad()`` was left silent
(LG014 reads loops). Such a ``training_step`` is now summarised as a loop of its own
(:class:`~lossguard.static.events.LoopSummary` whose node is the method), with the gradient calls it
and the functions it calls make, folded as a loop folds them (``frame.fold_callee_calls``). Under
automatic optimization Lightning clears and steps itself, and nothing is summarised.

Round 26 (issues16, fchollet/deep-learning-with-python-notebooks#293): a Keras 3 model on the torch backend
that overrides ``train_step`` is the same shape. ``fit()`` calls ``train_step`` once per batch; the step runs
``loss.backward()`` (torch autograd fills each weight's ``.grad``) and applies the gradients with the Keras
optimizer (``self.optimizer.apply(grads, weights)`` or ``apply_gradients(zip(grads, weights))``); nothing clears
``.grad`` unless the step calls ``self.zero_grad()``. Such a ``train_step`` (of a class deriving, directly or
through classes of the checked code, from a ``keras`` ``Model``/``Sequential``, whose body back-propagates) is
summarised as a loop too, each ``apply``/``apply_gradients`` call on a receiver named like an optimizer standing
as the step (:data:`~lossguard.static.events.KERAS_APPLY`). On the TensorFlow or JAX backends a ``train_step``
computes gradients with a tape or a function and calls no ``backward()``: not summarised.

Round 31 (LG017's recall gap): a function or method that no checked call reaches and that makes gradient calls (a
DQN agent's ``learn()``: ``loss.backward(); self.optimizer.zero_grad(); self.optimizer.step()``, a posted
``train_step``) is summarised too, marked ``one_step`` in the summary's ``extra``: whatever loop calls it is not in
the checked code. Rules that read the order of gradient calls within one step (LG017) read it; LG014 does not (a
step function may leave clearing to the loop that calls it).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.events import BACKWARD_CALLS, KERAS_APPLY
from lossguard.static.interp.frame import as_seen_from
from lossguard.static.scope_nodes import own_nodes
from lossguard.static.values import UNKNOWN, ClassRef, Const, Instance, QualName, Value

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from lossguard.static.interp.frame import Frame
    from lossguard.static.project import ModuleInfo

#: Keras model classes whose ``train_step`` ``fit()`` runs once per batch (keras.Model, keras.models.Sequential, ...)
_KERAS_MODELS = frozenset({"Model", "Sequential", "Functional"})
_KERAS_APPLY_NAMES = frozenset({"apply", "apply_gradients"})


def manual_training_step(fn: ast.FunctionDef | ast.AsyncFunctionDef, self_value: Value | None) -> bool:
    """Whether ``fn`` is ``training_step`` of an object whose ``__init__`` set
    ``self.automatic_optimization = False``."""
    return fn.name == "training_step" and isinstance(self_value, Instance) and self_value.attrs.get("automatic_optimization") == Const(False)


def step_calls(frame: Frame) -> tuple[tuple[str, Value, ast.AST], ...]:
    """The gradient calls the method's body made, directly or in functions it called, as a loop
    keeps them: a call of another file's function is kept with that file (a step) or stands as a
    clearing whose optimizer is not known."""
    return tuple(as_seen_from(frame.module, frame.grad_calls))


def _keras_model_class(cls: ClassRef, resolve: Callable[[ast.expr, ModuleInfo], Value], seen: set[int] | None = None) -> bool:
    """Whether ``cls`` derives, directly or through classes of the checked code, from a Keras model class."""
    seen = set() if seen is None else seen
    if id(cls.node) in seen:
        return False
    seen.add(id(cls.node))
    for base in cls.node.bases:
        value = resolve(base, cls.module)
        if isinstance(value, ClassRef) and _keras_model_class(value, resolve, seen):
            return True
        parts = value.name.split(".") if isinstance(value, QualName) else [""]
        if parts[0] == "keras" and parts[-1] in _KERAS_MODELS:
            return True
    return False


def keras_torch_train_step(
    fn: ast.FunctionDef | ast.AsyncFunctionDef, self_value: Value | None, frame: Frame, resolve: Callable[[ast.expr, ModuleInfo], Value]
) -> bool:
    """Whether ``fn`` is ``train_step`` of a Keras model of the checked code that back-propagates with ``backward()``
    (the torch backend)."""
    if fn.name != "train_step" or not isinstance(self_value, Instance):
        return False
    if not any(name in BACKWARD_CALLS for name, _, _, _ in frame.grad_calls):
        return False
    return _keras_model_class(self_value.cls, resolve)


def _optimizer_named(node: ast.expr) -> bool:
    last = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return "optim" in last.lower()


def keras_apply_calls(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[tuple[str, Value, ast.AST], ...]:
    """The ``<optimizer>.apply(...)`` / ``<optimizer>.apply_gradients(...)`` calls of the method's own body (not of
    the functions it defines), each as the step of the loop the method stands for."""
    return tuple(
        (KERAS_APPLY, UNKNOWN, node)
        for node in own_nodes(fn.body)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in _KERAS_APPLY_NAMES
        and node.args
        and _optimizer_named(node.func.value)
    )
