"""Branches on a setting that the call a body is analysed for never takes, or certainly takes.

Round 36 (mut26, IvLabs/stagewise-knowledge-distillation): one ``train`` serves every experiment
script, each passing its own name and criteria::

    def train(student, teacher, ..., loss_function, loss_function2, ..., expt=None):
        ...
        elif expt == 'hinton-kd':
            loss = loss_function(F.log_softmax(y_pred / T, dim=1), soft_targets) * ...

hinton_kd.py calls it with ``expt='hinton-kd'`` and ``loss_function = nn.KLDivLoss()``;
attention_transfer_kd.py with ``expt='attention-kd'`` and ``loss_function = nn.CrossEntropyLoss()``.
The body analysed for the second call decided the test false (:meth:`~.guards.GuardsMixin.decided_test`:
the parameter holds the literal that call passes), yet ran the branch with its events, so the
log-softmax written for the KL divergence was reported as handed to the other script's
``CrossEntropyLoss``. The branch runs as a truth test's untaken branch does (``if regression:`` in
``train(..., regression=True)``, :meth:`~.guards.GuardsMixin.decided_flag`): for what it binds, its
events dropped; they are judged in the body analysed for a call that takes it. In ``__init__`` the
events stay (an object built by another call may take the branch, and a loss built there with
``size_average=`` is still written wrong).

The same round (cksruf91/recomm-deepfm-pytorch's ``MultiLayerPerceptron``): the output layer is appended
under ``if output_layer:``, a parameter defaulting to ``True`` that the model's own constructor leaves in
place (``MultiLayerPerceptron(dim, dims, dropout)``). A truth test of a parameter the call shown writes as
a literal or leaves at its literal default, decided true, is taken by every run of that call, not only by
one whose caller's own default happened to reach it (qlib's ``Net(..., loss=self.loss_type)``, which
:func:`~.guards.certainly_taken` refuses): a layer appended in its body is the list's known last one
(:mod:`.layer_lists`), as one appended outside any ``if`` is.
"""

from __future__ import annotations

import ast

from lossguard.static.interp.default_flags import written_by_call
from lossguard.static.interp.frame import Frame, call_argument


def untaken_by_literal(decided: bool | None, test: ast.expr, frame: Frame) -> bool | None:
    """Which branch of ``if <param> == <literal>:`` (``!=``, ``in``, ``not in``) the call this body is analysed
    for takes, where the other one is to run with its events dropped (``decided``, the test's outcome for that
    call); None when nothing is dropped: not decided, ``__init__``, another kind of test (``running is None``
    holds for a loop's first call only), or a value the call passes that may change from one run of the call
    to the next (:func:`_fixed_argument`)."""
    if decided is None or frame.is_init or frame.func is None or frame.callsite is None:
        return None
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.left, ast.Name):
        return None
    if not isinstance(test.ops[0], (ast.Eq, ast.NotEq, ast.In, ast.NotIn)):
        return None
    return decided if _fixed_argument(frame, test.left.id) else None


def _fixed_argument(frame: Frame, name: str) -> bool:
    """The call this body is analysed for gives parameter ``name`` the same value whenever it runs: a literal
    written at the call, the parameter's default left in place, or a name its module binds once, to a literal,
    and nowhere else (a script's ``expt = 'hinton-kd'``)."""
    if written_by_call(frame, name):
        return True
    assert frame.callsite is not None and frame.func is not None
    module, node = frame.callsite
    arg = call_argument(node, frame.func, name, frame.self_value is not None)
    if not isinstance(arg, ast.Name):
        return False
    bindings = [n for n in ast.walk(module.module) if _binds(n, arg.id)]
    if len(bindings) != 1 or not any(stmt is bindings[0] for stmt in module.module.body):
        return False
    bound = bindings[0]
    return isinstance(bound, ast.Assign) and len(bound.targets) == 1 and isinstance(bound.value, ast.Constant)


def _binds(node: ast.AST, name: str) -> bool:
    """``node`` binds ``name`` (an assignment, a loop or ``with`` target, an import, a definition, a parameter)."""
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor, ast.withitem, ast.comprehension, ast.NamedExpr)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.optional_vars] if isinstance(node, ast.withitem) else [node.target]
        return any(isinstance(n, ast.Name) and n.id == name for t in targets if t is not None for n in ast.walk(t))
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name == name
    if isinstance(node, ast.arg):
        return node.arg == name
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return any((alias.asname or alias.name.split(".")[0]) == name for alias in node.names)
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return name in node.names
    return False


def flag_written_true(by_call: bool | None, test: ast.expr, frame: Frame) -> bool:
    """``if <param>:`` decided true (``by_call``) by the literal the call this body is analysed for writes,
    or the literal default it leaves in place: every run of that call takes the body."""
    return by_call is True and isinstance(test, ast.Name) and written_by_call(frame, test.id)
