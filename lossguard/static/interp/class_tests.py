"""A loss module called under a test of its own class that it fails.

Round 36 (loss-bug fix commits, pliang279/MultiBench): a helper hands each loss the target it takes by
testing the criterion's class, and the objective that calls it defaults to one loss module::

    def criterioning(pred, truth, criterion):
        if type(criterion) == torch.nn.CrossEntropyLoss:
            return criterion(pred, truth.long())
        elif type(criterion) == torch.nn.BCEWithLogitsLoss or type(criterion) == torch.nn.MSELoss:
            return criterion(pred, truth.float())

    def RMFE_object(model, criterion=torch.nn.BCEWithLogitsLoss()):
        ...criterioning(pred, truth, criterion)...

With the default, ``BCEWithLogitsLoss`` was reported for the ``.long()`` target of the first branch
(LG004), a branch that criterion never takes. A call of a criterion whose value is one torch loss
module is not run with that module when the innermost ``if`` around it that tests the class of the
criterion called (``isinstance(c, C)``, ``type(c) == C``, ``type(c) is C``, ``C == type(c)``; ``C`` a
torch loss class or a tuple of them) holds only for other classes and the call is in its body, or holds
for the module's own class and the call is in its ``else``: its findings are dropped there, its
result still flows on. A class that is not a torch loss class (``isinstance(c, nn.Module)``, a loss
written by hand, which may derive from any loss class) decides nothing, and a test of the criterion
that is not one of those shapes (``if "CrossEntropy" in str(c):``) leaves the call as it was.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from lossguard.static import torch_api as api
from lossguard.static.interp.criterion_isinstance import class_test_around, isinstance_test
from lossguard.static.values import LossSpec, QualName, TupleVal, Value


def _type_of(expr: ast.expr, func: ast.expr) -> bool:
    """``expr`` is ``type(<func>)``."""
    return (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Name)
        and expr.func.id == "type"
        and len(expr.args) == 1
        and not expr.keywords
        and ast.dump(expr.args[0]) == ast.dump(func)
    )


def class_test(test: ast.expr, func: ast.expr) -> ast.expr | None:
    """The class a test of ``func``'s class names: ``isinstance(<func>, C)``, ``type(<func>) == C``,
    ``type(<func>) is C`` or ``C == type(<func>)``; else None."""
    cls = isinstance_test(test, func)
    if cls is not None:
        return cls
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Eq, ast.Is)):
        left, right = test.left, test.comparators[0]
        if _type_of(left, func):
            return right
        if _type_of(right, func):
            return left
    return None


def _loss_classes(value: Value) -> frozenset[str] | None:
    """The torch loss classes a class value names (one, or a tuple of them); None for anything else."""
    items = value.items if isinstance(value, TupleVal) else (value,)
    if not items or not all(isinstance(v, QualName) and v.name in api.LOSS_CLASSES for v in items):
        return None
    return frozenset(v.name for v in items if isinstance(v, QualName))


def excluded_by_class_test(spec: LossSpec, call: ast.Call, root: ast.AST, ev: Callable[[ast.expr], Value]) -> bool:
    """``call`` (of a criterion whose value is ``spec``) sits where the innermost test of its class
    around it in ``root`` rules ``spec`` out (see the module's docstring)."""
    found = class_test_around(call, root, class_test)
    if found is None:
        return False
    names = _loss_classes(ev(found[0]))
    return names is not None and (spec.qname in names) != found[1]
