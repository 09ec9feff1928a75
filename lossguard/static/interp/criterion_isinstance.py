"""A criterion chosen by a setting, called under a test of its own class.

Round 25 (mutations of real code, YuanGongND/ast): the training function picks its criterion by a setting
and then calls it under a test of the criterion's class, to hand each loss the target it takes::

    if args.loss == "BCE":
        loss_fn = nn.BCEWithLogitsLoss()
    elif args.loss == "CE":
        loss_fn = nn.CrossEntropyLoss()
    ...
    if isinstance(loss_fn, torch.nn.CrossEntropyLoss):
        loss = loss_fn(audio_output, torch.argmax(labels.long(), axis=1))
    else:
        loss = loss_fn(audio_output, labels)

A call under a test of the criterion was left silent (round 14: the option the call is written for is
not known). A test of the criterion's class says which it is: in the body of ``if isinstance(loss_fn,
C):`` the criterion is the options of class ``C`` (a tuple of classes: any of them), in its ``else`` the
other options. Only torch loss modules are narrowed so (a loss written by hand may derive from any
of them), only by the innermost such ``if`` around the call whose test is exactly ``isinstance(<the
criterion called>, <torch loss classes>)``; any other test of the criterion still leaves the call silent.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from lossguard.static.tree_index import ancestors
from lossguard.static.values import LossSpec, QualName, TupleVal, Value


def isinstance_parts(test: ast.expr) -> tuple[ast.expr, ast.expr] | None:
    """``(<subject>, <class>)`` when ``test`` is ``isinstance(<subject>, <class>)``, else None."""
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "isinstance" and len(test.args) == 2 and not test.keywords:
        return test.args[0], test.args[1]
    return None


def isinstance_test(test: ast.expr, func: ast.expr) -> ast.expr | None:
    """The class argument of ``test`` when it is ``isinstance(<func>, <class>)``, else None."""
    parts = isinstance_parts(test)
    if parts is not None and ast.dump(parts[0]) == ast.dump(func):
        return parts[1]
    return None


def class_test_around(
    call: ast.Call, root: ast.AST, test: Callable[[ast.expr, ast.expr], ast.expr | None] | None = None
) -> tuple[ast.expr, bool] | None:
    """The class tested by the innermost ``if isinstance(<call.func>, <class>):`` of ``root`` around
    ``call``, with whether the call is in its body (True) or its ``else`` (False). ``test`` reads
    another form of class test (``class_tests.class_test``: ``type(c) == <class>`` too)."""
    found: tuple[ast.expr, bool] | None = None
    depth = -1
    path = ancestors(root, call)  # the ifs around the call are among them, outermost (first walked) first
    for node, below in zip(path, [*path[1:], call]):
        if not isinstance(node, ast.If):
            continue
        cls = (test or isinstance_test)(node.test, call.func)
        if cls is None:
            continue
        for holds, part in ((True, node.body), (False, node.orelse)):
            if any(stmt is below for stmt in part):
                level = node.lineno  # an if inside another starts after it
                if level > depth:
                    found, depth = (cls, holds), level
    return found


def _qnames(value: Value) -> frozenset[str] | None:
    if isinstance(value, QualName):
        return frozenset({value.name})
    if isinstance(value, TupleVal) and value.items and all(isinstance(v, QualName) for v in value.items):
        return frozenset(v.name for v in value.items if isinstance(v, QualName))
    return None


def narrowed(options: list[tuple[Value, str]], tested: Value, holds: bool) -> list[tuple[Value, str]] | None:
    """The options a test of class ``tested`` leaves where it ``holds`` (or fails); None when they are
    not all torch loss modules, the class is not known, or no option is left."""
    names = _qnames(tested)
    if names is None or not all(isinstance(spec, LossSpec) for spec, _ in options):
        return None
    kept: list[tuple[Value, str]] = [(spec, cond) for spec, cond in options if isinstance(spec, LossSpec) and (spec.qname in names) == holds]
    return kept or None
