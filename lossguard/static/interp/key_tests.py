"""A name tested equal to a string literal holds that string where the test holds, so a dict read by it is read
at that key.

Round 39 (branch mut29, kakusikun/deep-learning-works' ``src/graph/centernet_object_detection.py``): a CenterNet
loss head keeps its criteria in a dict filled key by key in ``__init__`` and picks one per output head by the loop's
key::

    self.crit = {}
    self.crit['hm'] = FocalLoss()      # BCEWithLogitsLoss(reduction="none") inside
    self.crit['wh'] = L1Loss()
    ...
    for head in feats:
        output = feats[head]
        if head == 'hm':
            output = _sigmoid(output)
            hm_loss += self.crit[head](output, batch['hm'])

``head`` came from an unknown dict, so ``self.crit[head]`` read as what the three criteria have in common
(nothing) and the sigmoid output given to the logits loss went unseen. In the body of ``if name == "lit":`` (and
the ``else`` of ``!=``) the name is the string, as Python's ``==`` on a string says. Only a local name the
interpreter knows nothing about (a loop's key, a parameter's item; not a parameter itself, whose unknown the
call-site reading uses), only a string literal, and only where the branch reads a container at that name
(``d[name]``): the narrowing exists for that lookup and changes nothing else.
"""

from __future__ import annotations

import ast

from lossguard.static.interp.frame import Env
from lossguard.static.values import Const, Unknown


def _keyed_by(body: list[ast.stmt], name: str) -> bool:
    """Whether ``body`` reads a subscript keyed by the bare name ``name`` (``d[name]``)."""
    return any(
        isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Name) and node.slice.id == name for stmt in body for node in ast.walk(stmt)
    )


def refine_key_test(stmt: ast.If, env: Env, body_env: Env, else_env: Env) -> None:
    """In the branch of ``if name == "lit":`` (``!=``: the ``else``) that reads ``d[name]``, ``name`` is ``"lit"``."""
    test = stmt.test
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], (ast.Eq, ast.NotEq)):
        return
    left, right = test.left, test.comparators[0]
    if isinstance(left, ast.Constant):
        left, right = right, left
    if not isinstance(left, ast.Name) or not isinstance(right, ast.Constant) or not isinstance(right.value, str):
        return
    if type(env.get(left.id)) is not Unknown:
        return  # a known value, a parameter nobody passed, or a name the function never bound
    holds, branch = (body_env, stmt.body) if isinstance(test.ops[0], ast.Eq) else (else_env, stmt.orelse)
    if _keyed_by(branch, left.id):
        holds[left.id] = Const(right.value)
