"""A name tested to be a Python number: no tensor, and no graph, where the test holds.

Round 35 (branch rare25, intersun/PKD-for-BERT-Model-Compression's ``NLI_KD_training.py``): a distillation
helper returns its KL term as a tensor, or as ``0.0`` when no teacher scores are given, and the training
loop adds it to a running total under a test of its type::

    if isinstance(kd_loss, float):
        tr_kd_loss += kd_loss * n_sample
    else:
        tr_kd_loss += kd_loss.item() * n_sample

The value is maybe a tensor, so the first sum was read as keeping the graph (LG006). In the body of
``if isinstance(x, float)`` (``int``, ``numbers.Number``, or a tuple of those), ``x`` is a Python number.
Only that exact test narrows, only a local name or ``self.<attr>``, and only the body: the ``else`` of such
a test (a tensor, or anything else) and any other test (``isinstance(x, torch.Tensor)``) leave the value as
it was.
"""

from __future__ import annotations

import ast

from lossguard.static.interp.criterion_isinstance import isinstance_parts
from lossguard.static.interp.frame import Env, Frame
from lossguard.static.interp.guards import _env_key
from lossguard.static.values import NUMBER

#: the classes whose instances are Python numbers, as the code writes them
_NUMBER_CLASSES = frozenset({"float", "int", "numbers.Number", "Number", "numbers.Real", "Real"})


def _number_class(node: ast.expr) -> bool:
    if isinstance(node, ast.Tuple):
        return bool(node.elts) and all(_number_class(e) for e in node.elts)
    return ast.unparse(node) in _NUMBER_CLASSES


def refine_number_test(test: ast.expr, frame: Frame, body_env: Env) -> None:
    """In the body of ``if isinstance(x, float):`` the name ``x`` holds a Python number."""
    parts = isinstance_parts(test)
    if parts is None or not _number_class(parts[1]):
        return
    key = _env_key(parts[0], frame)
    if key is not None:
        body_env[key] = NUMBER
