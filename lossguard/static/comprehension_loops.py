"""The one plain loop of a comprehension (``{k: ... for k in keys}``): what the readers of keyed dict comprehensions
(interp.keyed_comprehensions, dict_sums) and of name tables (interp.name_tables) accept."""

from __future__ import annotations

import ast

Comprehension = ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp


def plain_loop(node: Comprehension) -> tuple[ast.comprehension, str] | None:
    """The comprehension's loop and the name it binds, when it has one loop, with no filter, not ``async``, binding one
    plain name; None otherwise."""
    if len(node.generators) != 1:
        return None
    comp = node.generators[0]
    if comp.ifs or comp.is_async or not isinstance(comp.target, ast.Name):
        return None
    return comp, comp.target.id


def keyed_loop(node: ast.DictComp) -> tuple[ast.comprehension, str] | None:
    """:func:`plain_loop` of ``{x: ... for x in <iter>}``, whose key is the name the loop binds."""
    found = plain_loop(node)
    if found is None or not isinstance(node.key, ast.Name) or node.key.id != found[1]:
        return None
    return found
