"""The outcome of an ``and`` / ``or`` test from its operands' outcomes, each True, False or None (not decided): how
the interpreter's decided tests (interp.guards, interp.settings) and LG018's reading of a forward's flags
(rules._forward_paths) join the parts of one test."""

from __future__ import annotations

import ast


def joined_outcome(op: ast.boolop, outcomes: list[bool | None]) -> bool | None:
    """One operand that decides the whole (False for ``and``, True for ``or``) decides it; else an undecided operand
    leaves it undecided; else it is the other value."""
    stop = isinstance(op, ast.Or)
    if stop in outcomes:
        return stop
    return None if None in outcomes else not stop
