"""What a method run on an object a name holds leaves in its attributes for the next call on that name (round 38).

``interp.self_effects`` carries a method's certain stores to the next call on the caller's own ``self``
(``self.forward(x)`` then ``self.get_loss(out, y)``). A script does the same on an object it holds:

    output = model.forward(data)        # forward stores self.loss on every path
    loss = model.get_loss(output, target)   # `if self.loss is not None: return self.loss`, else cross-entropy

``get_loss`` ran with ``self.loss`` unknown, so its cross-entropy fallback on the softmax output was reported (LG001),
on a path the program never takes (prec27's reproduction, zhuofupan/Pytorch-Deep-Neural-Networks's shape).

Now a call ``name.m(...)`` or ``name(...)`` on an object of the checked code records what the method certainly set
(``self_effects.always_sets``, the values its body left) under the name, and a later call on the same name starts
with those bindings (for the attributes it reads) where they certainly hold there:

* both calls are on the same plain name, which holds the same object at both;
* the first call is a statement of its own or the whole value of an assignment that does not bind the name, and the
  second is in a later statement of the same statement list (so every path to the second runs the first: not across
  a branch, nor from before a loop into its body, whose statements after the call may store again on a later
  iteration), as a statement of its own, the value of an assignment or a ``return``, with no call among its arguments;
* no statement between them makes a call or names the name (another method, a function handed the object, or one
  reaching it as a global could store again).

Anything else starts the second call with the attributes as construction left them, as before.
"""

from __future__ import annotations

import ast

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Frame, FunctionNode
from lossguard.static.interp.self_effects import _blocks, _contains, _hashable, reads
from lossguard.static.values import UNKNOWN, Instance, Value


def receiver_name(node: ast.Call) -> str | None:
    """The plain name a call is made on: ``model.m(...)`` and ``model(...)`` give ``model``; ``self`` gives None."""
    func = node.func
    name = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else func.id if isinstance(func, ast.Name) else None
    return None if name == "self" else name


def carried_in(interp: InterpBase, frame: Frame, inst: Instance, fn: FunctionNode, node: ast.Call) -> tuple[tuple[str, Value], ...]:
    """The bindings the last call on the same name left that ``fn``, called on ``inst`` at ``node``, starts with."""
    name = receiver_name(node)
    record = frame.receiver_state.get(name) if name is not None and not frame.is_init else None
    if record is None or record[0] is not inst or not record[2]:
        return ()
    if not _follows(frame, record[1], node, name):  # type: ignore[arg-type]
        return ()
    read = reads(interp, inst.cls, fn)
    return tuple((a, v) for a, v in sorted(record[2].items()) if a in read and v is not UNKNOWN and _hashable(v))


def note_call(frame: Frame, inst: Instance, node: ast.Call, left: dict[str, Value] | None) -> None:
    """After a call on a name: what it certainly set, for the next call on the name (none where it set nothing)."""
    name = receiver_name(node)
    if name is not None:
        frame.receiver_state[name] = (inst, node, dict(left or {}))


def _follows(frame: Frame, first: ast.Call, second: ast.Call, name: str) -> bool:
    body = frame.func.body if frame.func is not None else frame.module.module.body
    where_first = _innermost(body, first)
    where_second = _innermost(body, second)
    if where_first is None or where_second is None or where_first[0] is not where_second[0]:
        return False
    block, i, j = where_first[0], where_first[1], where_second[1]
    if i >= j or not _whole_value(block[i], first, name) or not _whole_value(block[j], second, name):
        return False
    if any(isinstance(n, ast.Call) for n in ast.walk(second) if n is not second):
        return False
    return not any(isinstance(n, ast.Call) or isinstance(n, ast.Name) and n.id == name for stmt in block[i + 1 : j] for n in ast.walk(stmt))


def _innermost(stmts: list[ast.stmt], node: ast.AST) -> tuple[list[ast.stmt], int] | None:
    """The innermost statement list holding a statement that contains ``node``, and that statement's index."""
    for i, stmt in enumerate(stmts):
        if _contains(stmt, node):
            for block in _blocks(stmt):
                inner = _innermost(block, node)
                if inner is not None:
                    return inner
            return stmts, i
    return None


def _whole_value(stmt: ast.stmt, call: ast.Call, name: str) -> bool:
    """``stmt`` is the call itself, ``<targets> = <call>`` binding other names, or ``return <call>``."""
    if isinstance(stmt, (ast.Expr, ast.Return)):
        return stmt.value is call
    if isinstance(stmt, ast.Assign) and stmt.value is call:
        return not any(isinstance(n, ast.Name) and n.id == name for t in stmt.targets for n in ast.walk(t))
    return False
