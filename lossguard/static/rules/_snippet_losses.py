"""A posted snippet's loss, from a criterion and a network it never defines.

Round 33 (code posted in Q&A threads, branch threads23): the PyTorch FAQ's out-of-memory example,
and questions cut the same way, show the loop and nothing it calls::

    total_loss = 0
    for i in range(10000):
        output = model(input)
        loss = criterion(output)
        total_loss += loss[0]

Run as posted, ``model`` and ``criterion`` are ``NameError``s; the code runs as its author meant only
with ``model`` a network and ``criterion`` a loss of its output, whose result holds the network's
graph. The accumulated value is read as such a loss when all of these hold:

* it is a name (or an item of one, ``loss[0]``) that the loop binds once, to a call of a plain name
  that the module binds nowhere (:func:`~lossguard.static.interp.unbuilt_models.bound_anywhere`) and
  whose words include ``loss`` or ``criterion`` (``criterion``, ``loss_fn``, ``compute_loss``);
* an argument of that call is a call of a plain name the module binds nowhere and names as a network
  (``model``, ``net`` as a word of its name), written in place or bound once by the loop to a name;
* the module has no star import (which may bind anything).

A criterion or network the snippet binds (a parameter, an assignment from an unknown call), a callee
named otherwise (``metric(model(x))``), or a value turned into a number (``loss.item()``) stay unknown;
the interpreter's own values (a known tensor) are not second-guessed.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static.identifier_words import words
from lossguard.static.interp.unbuilt_models import MODEL_WORDS, bound_anywhere
from lossguard.static.prefilter import LOSS_WORDS
from lossguard.static.rules._graph_evidence import LoopFacts, added_expr, bound_once
from lossguard.static.values import Tensor

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.events import Accumulate
    from lossguard.static.project import ModuleInfo


def _unbound_named(func: ast.expr, names: frozenset[str], module: ModuleInfo) -> bool:
    """``func`` is a plain name with one of ``names`` as a word, bound nowhere in the module."""
    return isinstance(func, ast.Name) and bool(names.intersection(words(func.id))) and not bound_anywhere(module.module, func.id)


def _network_output(arg: ast.expr, facts: LoopFacts, module: ModuleInfo) -> bool:
    """``arg`` is ``model(x)`` of an unbound network name, in place or through a name the loop binds once."""
    if isinstance(arg, ast.Name) and bound_once(arg.id, facts):
        arg = facts.bound_by[arg.id][0]
    return isinstance(arg, ast.Call) and _unbound_named(arg.func, MODEL_WORDS, module)


def unbound_loss_of_network(acc: Accumulate, value: object, facts: LoopFacts, module: ModuleInfo) -> bool:
    """The accumulated value is the loss an unbound criterion computes from an unbound network's
    output (module docstring)."""
    if isinstance(value, Tensor) or module.star_imports:
        return False
    expr = added_expr(acc, module)
    while isinstance(expr, ast.Subscript):
        expr = expr.value
    if not (isinstance(expr, ast.Name) and bound_once(expr.id, facts)):
        return False
    call = facts.bound_by[expr.id][0]
    if not (isinstance(call, ast.Call) and _unbound_named(call.func, LOSS_WORDS, module)):
        return False
    return any(_network_output(arg, facts, module) for arg in call.args)
