"""A model made with a flag that a setting picks: one instance per value of the flag.

Round 36 (docs/survey.md, branch survey27; txie-93/cgcnn's ``main.py``): the crystal-graph network is built with
``CrystalGraphConvNet(..., classification=True if args.task == 'classification' else False)`` and the criterion is
picked by ``if args.task == 'classification': criterion = nn.NLLLoss()``. The flag alone is unknown, so ``__init__``'s
and ``forward``'s ``if self.classification:`` took both branches, the two outputs (log-probabilities and a regression
value) joined to an unknown tensor, and every rule stayed silent on what reaches the loss (a softmax head there instead
of the log-softmax would not be reported).

The call is read as the two calls it stands for, ``Net(classification=True) if args.task == 'classification' else
Net(classification=False)``: each made as a call that writes the flag as a literal (``__init__`` then takes one
branch, as for ``Net(classification=True)``; interp.guards.decided_flag), and the two instances kept as the choice of
models that conditional expression gives (interp.guards.guarded_choice), which a later test of the same setting
resolves. Only a call with exactly one such argument is split, both its options literals, its test a comparison of a
name with a literal (``guards.literal_test``), no ``*args`` or ``**kwargs``; any other call is made once, as before.
"""

from __future__ import annotations

import ast
import copy

from lossguard.static.interp.guards import literal_test


def _literal_choice(arg: ast.expr) -> ast.IfExp | None:
    """``arg`` when it is ``<literal> if <name> == <literal> else <literal>``, else None."""
    if not isinstance(arg, ast.IfExp) or literal_test(arg.test) is None:
        return None
    if not (isinstance(arg.body, ast.Constant) and isinstance(arg.orelse, ast.Constant)):
        return None
    return arg


def split_flag_call(node: ast.Call) -> tuple[ast.expr, ast.Call, ast.Call] | None:
    """``(test, call with the first option, call with the second)`` for a call with one argument
    ``<literal> if <name> == <literal> else <literal>`` (see the module's docstring); None otherwise."""
    if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
        return None
    found: list[tuple[int | None, int | None]] = [(i, None) for i, a in enumerate(node.args) if _literal_choice(a) is not None]
    found += [(None, j) for j, k in enumerate(node.keywords) if _literal_choice(k.value) is not None]
    if len(found) != 1:
        return None
    i, j = found[0]
    choice = node.args[i] if i is not None else node.keywords[j].value if j is not None else None
    assert isinstance(choice, ast.IfExp)
    sides = []
    for option in (choice.body, choice.orelse):
        call = copy.copy(node)
        if i is not None:
            call.args = [option if n == i else a for n, a in enumerate(node.args)]
        else:
            assert j is not None
            keyword = copy.copy(node.keywords[j])
            keyword.value = option
            call.keywords = [keyword if n == j else k for n, k in enumerate(node.keywords)]
        sides.append(call)
    return choice.test, sides[0], sides[1]
