"""A model class picked from a dict of classes by a key the checker cannot know, with each class's condition.

Round 12 joined the classes of ``MODELS[args.model]`` into :class:`~lossguard.static.values.Either`, so calling it
builds one of their models and a rule that holds for every model reports (every class ending in ``F.log_softmax``
into ``F.cross_entropy``); a dict whose classes differ was silent. An ``if`` chain on the same setting (``if
args.model == "a": model = A() elif ...``) keeps each model's condition instead (:mod:`.model_choices`, round 19), and
a loss of the chosen model's output runs once per model, reported with its condition. A lookup is the same choice
written as a table (round 39)::

    MODELS = {"cnn": CNN, "mlp": MLP}
    model = MODELS[args.model](args)      # CNN when args.model == 'cnn', MLP when args.model == 'mlp'

An unknown key raises ``KeyError``, so every run that builds the model builds one of the classes, the one whose key
the setting names. Here ``table[key]`` of a dict display whose values are all classes of the checked code, not all
the same, by a key read without running anything (``args.model``, ``cfg['model']``, a name that is no loop's target)
is the join of the classes with each class's condition (``args.model == 'cnn'``; a class under two keys, ``args.model
== 'a' or args.model == 'b'``); calling that choice keeps the conditions on the models it builds
(``CallsMixin._apply_each``), and :mod:`.model_choices` does the rest. ``.get(key)`` and a key computed by a call are
left to the join, as before.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from lossguard.static.interp.keyed_criteria import loop_target, plain_key
from lossguard.static.values import ClassRef, DictVal, Either, Instance, Value


def keyed_classes(table: DictVal, key: ast.expr, joined: Value, loops: Sequence[ast.stmt] = ()) -> Value:
    """``joined`` (the join of ``table``'s values) with each class's condition where ``table[key]`` is a choice among
    classes of the checked code (see the module docs); ``joined`` as it is anywhere else."""
    items = table.items
    if not isinstance(joined, Either) or joined.conditions or not plain_key(key) or loop_target(key, loops):
        return joined
    if not all(isinstance(v, ClassRef) for _, v in items):
        return joined
    conditions = []
    for option in joined.options:
        keys = [k for k, v in items if v == option]
        if not keys:
            return joined
        conditions.append(" or ".join(ast.unparse(ast.Compare(key, [ast.Eq()], [ast.Constant(k)])) for k in keys))
    return Either(joined.options, conditions=tuple(conditions))


def built_with_conditions(callee: Either, called: tuple[Value, ...], results: list[Value]) -> Either | None:
    """The models a call of a choice of classes with conditions builds, each with its class's condition; None where
    the call is of anything else, or does not build one model per class."""
    if not callee.conditions or len(called) != len(callee.options) or not all(isinstance(o, ClassRef) for o in called):
        return None
    if not all(isinstance(r, Instance) for r in results) or len({id(r) for r in results}) != len(results):
        return None
    condition = {id(o): c for o, c in zip(callee.options, callee.conditions)}
    return Either(tuple(results), conditions=tuple(condition[id(o)] for o in called))
