"""Values made under one value of a setting, and loss calls under another value of it.

Round 19 (realcode_heldout12, SimpleView): a model wrapper builds its classifier and calls it only
``if self.task == "cls_trans":`` (any other task fails an ``assert``), so the log-softmax output it
returns exists only for that task; the trainer's loss helper branches on its own ``task`` parameter
and calls ``F.cross_entropy(out["logit"], ...)`` under ``if task == "cls":`` and again under ``if
task == "cls_trans":``. Both ``task``s are the one configuration value, passed down two ways: the
model's output never reaches the ``"cls"`` call, only the ``"cls_trans"`` one.

A tensor bound in one branch of ``if <setting> == <literal>:`` (or its ``else``) and not in the other
(reading it after the ``if`` on the other path is a ``NameError``) carries that condition
(:attr:`Tensor.only_when`). A torch loss call whose own body branches on a setting of the same name
(``self.task``, ``task``, ``cfg.TASK`` and ``cfg["task"]`` all name ``task``) with an outcome that
contradicts it (another literal, or the ``else`` of the same one) never receives that value: the
call is judged with the argument unknown, so the rules stay silent on it. Names tell settings apart;
two settings of one name that are not the same value only silence a call, never add a finding.

Round 26 (survey16): the outcomes of the tests around a call (:attr:`Frame.tests`) also silence the
options of a criterion chosen by a setting that they rule out (``interp/loss_choices.py``), and the
statements after a guard clause (``if <setting> == <literal>: return ...``) hold the outcome of the
branch that did not leave (``statements._exec_if``).
"""

from __future__ import annotations

import ast

from lossguard.static.interp.frame import Env
from lossguard.static.interp.guards import literal_test
from lossguard.static.values import UNKNOWN, Tensor, Value

#: (setting name, literal, whether ``name == literal`` holds)
Outcome = tuple[str, object, bool]


def setting_name(node: ast.expr) -> str | None:
    """The name a setting goes by, whatever holds it: ``task``, ``self.task``, ``cfg.EXP.TASK`` and
    ``cfg["task"]`` are all ``task``."""
    if isinstance(node, ast.Name):
        return node.id.lower()
    if isinstance(node, ast.Attribute):
        return node.attr.lower()
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        return node.slice.value.lower()
    return None


def branch_outcome(test: ast.expr) -> Outcome | None:
    """What ``if <setting> == literal:`` (``!=``) holds in its body: (name, literal, equal)."""
    parsed = literal_test(test)
    if parsed is None:
        return None
    assert isinstance(test, ast.Compare)
    subject = test.comparators[0] if isinstance(test.left, ast.Constant) else test.left
    name = setting_name(subject)
    return None if name is None else (name, parsed[1], parsed[2])


def negated(outcome: Outcome) -> Outcome:
    return outcome[0], outcome[1], not outcome[2]


def contradicts(a: Outcome, b: Outcome) -> bool:
    """Whether no value of the setting satisfies both outcomes."""
    if a[0] != b[0]:
        return False
    if a[2] and b[2]:
        return a[1] != b[1]
    return a[2] != b[2] and a[1] == b[1]


def tag_branch_only(outcome: Outcome, body_env: Env, body_live: bool, else_env: Env, else_live: bool) -> None:
    """Mark the tensors one live branch bound that the other did not (both start from the names
    bound before the ``if``) with the outcome of the test in that branch."""
    for env, other, holds in ((body_env, else_env, outcome), (else_env, body_env, negated(outcome))):
        if not (body_live if env is body_env else else_live):
            continue
        for name, value in env.items():
            if name in other or not isinstance(value, Tensor):
                continue
            if holds not in value.only_when:
                env[name] = value.with_(only_when=(*value.only_when, holds))


def never_received(value: Value, tests: list[Outcome]) -> bool:
    """Whether a value made under one outcome of a setting cannot reach a call made under ``tests``."""
    return isinstance(value, Tensor) and any(contradicts(made, test) for made in value.only_when for test in tests)


def reachable(value: Value, tests: list[Outcome]) -> Value:
    """``value`` as a call under ``tests`` can receive it: unknown when it never does."""
    return UNKNOWN if tests and never_received(value, tests) else value
