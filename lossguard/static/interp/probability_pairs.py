"""``torch.stack([1 - p, p], -1)``: a two-outcome distribution written by hand.

Round 32 (princeton-nlp/MeZO at 552cb1b, ``medium_models/src/models.py``, LM-BFF's regression head, confirmed upstream in
princeton-nlp/LM-BFF#45): a score scaled to [0, 1] is turned into the distribution ``(1 - p, p)`` over two label words
and given as the target of ``nn.KLDivLoss(log_target=True)``, which reads its target as log-probabilities: the loss is
``exp(t) * (t - input)`` and its minimum is ``softmax(t)``, not ``t``, so the model learns a target squeezed towards
one half. Whatever ``p`` is, one of ``1 - p`` and ``p`` is at least 0.5, and every log-probability is at most 0: such
a pair is never a log-distribution. Only ``torch.stack`` of two items that are ``1 - e`` and ``e`` (the same
expression, in either order, ``1`` or ``1.0``) is read; a concatenation (``torch.cat``) may join them along the batch
axis, and a pair written any other way is not recognised (silent).
"""

from __future__ import annotations

import ast
from dataclasses import replace

from lossguard.static.values import Site, Tensor, Value

#: what a finding calls the construct (LG008's message)
PAIR_WRITTEN = "torch.stack([1 - p, p])"


def _one_minus(node: ast.expr) -> ast.expr | None:
    """``e`` for ``1 - e`` (``1.0 - e``), else None."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub):
        left = node.left
        if isinstance(left, ast.Constant) and type(left.value) in (int, float) and left.value == 1:
            return node.right
    return None


def complement_pair(node: ast.Call) -> bool:
    """The call stacks exactly two items, ``1 - e`` and ``e``, in either order (``torch.stack([1 - p, p], dim=-1)``)."""
    if not node.args or not isinstance(node.args[0], (ast.List, ast.Tuple)) or len(node.args[0].elts) != 2:
        return False
    first, second = node.args[0].elts
    for a, b in ((first, second), (second, first)):
        rest = _one_minus(a)
        if rest is not None and ast.dump(rest) == ast.dump(b):
            return True
    return False


def mark_pair(value: Value, site: Site) -> Value:
    """``value``, the result of the stack, marked as a hand-written pair of probabilities."""
    if isinstance(value, Tensor):
        return replace(value, prob_pair=True, prob_pair_site=site)
    return Tensor(prob_pair=True, prob_pair_site=site)
