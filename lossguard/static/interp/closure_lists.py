"""Lists a nested function grows for the body that defines and calls it.

``def decode(step, out): outputs.append(out)`` inside a decoder's ``forward``, called by that
``forward`` once per step, and ``return outputs`` after the loop (IBM pytorch-seq2seq's
``DecoderRNN`` and the projects built on it): ``outputs`` is a name of the enclosing body, so
Python's ``append`` grows the enclosing body's list. The nested function is analysed with the
names it saw where it was defined (:mod:`.nested`), and what it appended stayed in its own
analysis: the list the decoder returned was still the empty one.

Each item a nested function appends (``append``, ``extend``, ``insert``) to a free name of its
body (read, never bound there) is recorded with the call; when the body that defined the function
calls it, its list becomes a list of its items and those (:meth:`grow_list` without an order: the
call may run any number of times). A function called from elsewhere (returned, passed as a
callback) grows nothing there: the caller's name is another list. A name the nested function
binds (``outputs = []``, a parameter, ``nonlocal``/``global``) is not the enclosing one, and is
left out.
"""

from __future__ import annotations

import ast

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame
from lossguard.static.values import FunctionRef, Value, join


def _bound_names(fn: ast.AST) -> frozenset[str]:
    """Every name ``fn``'s body may bind (parameters, assignment targets anywhere under it, names
    declared ``nonlocal``/``global``): more than Python's locals, so that a name read as free is."""
    names: set[str] = set()
    for node in ast.walk(fn):
        if isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, (ast.Nonlocal, ast.Global)):
            names.update(node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not fn:
            names.add(node.name)
    return frozenset(names)


class ClosureListsMixin(InterpBase):
    """Appends of a nested function to its enclosing body's lists, carried back to that body."""

    def record_free_growth(self, target: ast.expr, added: Value | None, frame: Frame) -> None:
        """``outputs.append(x)`` in a nested function, ``outputs`` a free name of its body."""
        fn = frame.func
        if added is None or fn is None or not isinstance(target, ast.Name) or id(fn) not in self._closures:
            return
        bound = self._bound_by_fn.get(id(fn))
        if bound is None:
            bound = self._bound_by_fn[id(fn)] = _bound_names(fn)
        if target.id in bound:
            return
        earlier = frame.free_growth.get(target.id)
        frame.free_growth[target.id] = added if earlier is None else join(earlier, added)

    def grow_enclosing(self, callee: Value, growth: dict[str, Value], frame: Frame, env: Env) -> None:
        """The body that defined ``callee`` called it: its lists hold what the call appended."""
        if not isinstance(callee, FunctionRef) or not any(callee.node is fn for fn in frame.nested):
            return
        for name, added in growth.items():
            if name in env:
                self.grow_list(ast.Name(id=name, ctx=ast.Load()), env[name], added, frame, env)
