"""Tables of classes keyed by their names: ``{c.__name__.lower(): c for c in [UNet, FPN]}``.

Round 16 (realcode_heldout11, thaw-slump): factories pick a model or a loss class by a name from the
configuration through a table that a dict comprehension builds from a list of classes, keyed by each
class's ``__name__`` (often lowercased). The comprehension runs over a list the checker knows item
by item, so each key is known: the table is a dict of those classes by those names, and a lookup
by a name the checker cannot know (``table[name.lower()]``) is one of them (``DictVal`` with an
unknown key reads as any of its values, like ``MODELS[args.model]``).
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.comprehension_loops import plain_loop
from lossguard.static.values import ClassRef, DictVal, QualName, TupleVal, Value

#: the string methods that change only the letters' case: evaluated on a known string (a key's ``__name__``,
#: an option ``name.lower()`` of a literal, interp/torch_calls.py)
STRING_CASES = {"lower": str.lower, "upper": str.upper, "casefold": str.casefold}


def _class_name(value: Value) -> str | None:
    if isinstance(value, ClassRef):
        return value.node.name
    if isinstance(value, QualName):
        return value.name.rsplit(".", 1)[-1]
    return None


def _key(node: ast.expr, var: str, item: Value) -> str | None:
    """The key ``c.__name__`` (or ``c.__name__.lower()`` / ``.upper()``) for the item ``c`` is."""
    case = None
    if isinstance(node, ast.Call) and not node.args and not node.keywords and isinstance(node.func, ast.Attribute):
        case = STRING_CASES.get(node.func.attr)
        if case is None:
            return None
        node = node.func.value
    if not (isinstance(node, ast.Attribute) and node.attr == "__name__" and isinstance(node.value, ast.Name) and node.value.id == var):
        return None
    name = _class_name(item)
    return None if name is None else case(name) if case is not None else name


def name_table(interp: Any, node: ast.DictComp, frame: Any, env: Any) -> Value | None:
    """``{c.__name__: c for c in [A, B]}`` over a list or tuple of classes known item by item: the
    dict of those classes by name. None in any other shape (a filter, two loops, another key or
    value, an item that is not a class)."""
    found = plain_loop(node)
    if found is None:
        return None
    comp, var = found
    if not isinstance(node.value, ast.Name) or node.value.id != var:
        return None
    if not isinstance(comp.iter, (ast.Name, ast.List, ast.Tuple)):
        return None  # evaluating a call again could repeat what it does
    items = interp.ev(comp.iter, frame, env)
    if type(items) is not TupleVal or not items.items:
        return None
    keys = [_key(node.key, var, item) for item in items.items]
    if any(k is None for k in keys):
        return None
    return DictVal(tuple((k, item) for k, item in zip(keys, items.items) if k is not None))
