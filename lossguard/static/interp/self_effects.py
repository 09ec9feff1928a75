"""What a method run on ``self`` leaves in ``self``'s attributes for the statements after the call, and what the
caller's own bindings of ``self`` attributes are when such a method starts (round 36).

A class that keeps its state on ``self`` passes it from one method to the next: a model's ``forward`` stores
``self.loss``, and the base class's ``get_loss`` tests ``if self.loss is not None:`` before it falls back to a
cross-entropy on the forward's output (zhuofupan/Pytorch-Deep-Neural-Networks). The interpreter reads an attribute
that methods other than ``__init__`` assign as unknown (``classes.ClassesMixin._volatile``), so that test was
undecided and the fallback's cross-entropy on softmax probabilities was reported, on a path the program never takes.

Three facts, each about one call on the caller's own ``self`` (``self.m(...)``, ``self.forward(...)``, ``self(...)``):

* *What the call certainly sets* (:func:`always_sets`): a statement at the top of the method's body (or of a ``with``
  block there) stores ``self.<attr>`` (or calls a method of the same object that certainly sets it), and the body
  returns nowhere but at its last statement. Every run of the method that comes back stores it, so after the call the
  caller's ``self.<attr>`` is what the method's body left there.
* *What the call may set* (:func:`may_set`): every ``self.<attr>`` the method or the methods it calls on ``self``
  store. The caller's own binding of such an attribute no longer holds after the call; it is forgotten (read again
  from the object), unless the call certainly sets it. A ``setattr(self, <not a literal>, ...)``, ``self.__dict__``,
  a method picked by ``getattr(self, <not a literal>)``, or a chain of calls on ``self`` deeper than the methods
  followed may set any attribute.
* *What the callee starts with* (:func:`carried_state`): the caller's bindings of ``self.<attr>`` that the method (or
  the methods it calls on ``self``) reads, where they hold on every path to the call: the caller runs no loop there,
  or an earlier statement of the innermost loop's body certainly sets the attribute in the same iteration (a loop's
  body is run once, from the state before the loop, so a value bound later in the body would be missed).

A test of such an attribute (``self.<attr> is None``, ``is not None``, ``hasattr(self, "<attr>")``, ``and``/``or`` of
them) is decided where the binding holds (:func:`decided_by_state`): a tensor or a built module is not None,
``None`` is. The branch it rules out runs with its events dropped, as a setting's untaken branch does.
"""

from __future__ import annotations

import ast

from lossguard.static.bool_outcomes import joined_outcome
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame, FunctionNode, is_self
from lossguard.static.interp.layer_lists import MODULES
from lossguard.static.scope_nodes import own_nodes
from lossguard.static.values import UNKNOWN, ClassRef, Const, Instance, Tensor, Value

#: how deep the methods a method calls on ``self`` are followed for what they set or read
_DEPTH = 4
#: values that are never None
_NOT_NONE = (Tensor, *MODULES)
#: methods whose call on ``self`` is the object's forward
_CALLS = ("__call__",)


def _self_call(node: ast.AST) -> str | None:
    """The method a call on ``self`` runs: ``self.m(...)`` gives ``m``, ``self(...)`` gives ``forward``."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
        return "forward" if func.attr in _CALLS else func.attr
    if isinstance(func, ast.Name) and func.id == "self":
        return "forward"
    return None


def _method(interp: InterpBase, cls: ClassRef, name: str) -> FunctionNode | None:
    ref = interp._find_method(cls, name)
    return ref.node if ref is not None else None


def _returns_only_at_end(fn: FunctionNode) -> bool:
    """No ``return`` (nor ``yield``) anywhere in the body but as its last top-level statement."""
    last = fn.body[-1] if fn.body else None
    for node in own_nodes(fn.body):
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return False
        if isinstance(node, ast.Return) and node is not last:
            return False
    return True


def _stored_attr(target: ast.AST) -> set[str]:
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
        return {target.attr}
    if isinstance(target, (ast.Tuple, ast.List)):
        return {a for el in target.elts for a in _stored_attr(el)}
    if isinstance(target, ast.Starred):
        return _stored_attr(target.value)
    return set()


def statement_sets(interp: InterpBase, cls: ClassRef, stmt: ast.stmt, depth: int = 0) -> frozenset[str]:
    """The attributes of ``self`` one statement certainly stores when it completes: an assignment to ``self.<attr>``,
    or a call on ``self`` (as a statement, or the value of an assignment) of a method that certainly sets them."""
    found: set[str] = set()
    if isinstance(stmt, ast.Assign):
        for t in stmt.targets:
            found |= _stored_attr(t)
    elif isinstance(stmt, (ast.AugAssign, ast.AnnAssign)) and (not isinstance(stmt, ast.AnnAssign) or stmt.value is not None):
        found |= _stored_attr(stmt.target)
    elif isinstance(stmt, (ast.With, ast.AsyncWith)):
        for inner in stmt.body:
            found |= statement_sets(interp, cls, inner, depth)
    value = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign, ast.AnnAssign)) else None
    name = _self_call(value) if value is not None else None
    if name is not None and depth < _DEPTH:
        method = _method(interp, cls, name)
        if method is not None:
            found |= always_sets(interp, cls, method, depth + 1)
    return frozenset(found)


def always_sets(interp: InterpBase, cls: ClassRef, fn: FunctionNode, depth: int = 0) -> frozenset[str]:
    """The attributes of ``self`` every run of ``fn`` that comes back has stored (see the module's text)."""
    key = (id(cls.node), id(fn), "always")
    cached = interp._self_effect_facts.get(key)
    if cached is not None:
        return cached
    interp._self_effect_facts[key] = frozenset()  # a method reaching itself sets nothing more
    found: set[str] = set()
    if _returns_only_at_end(fn):
        for stmt in fn.body:
            found |= statement_sets(interp, cls, stmt, depth)
    result = frozenset(found)
    interp._self_effect_facts[key] = result
    return result


def _reach(interp: InterpBase, cls: ClassRef, fn: FunctionNode) -> tuple[list[FunctionNode], bool]:
    """``fn`` and the methods it calls on ``self``, transitively (up to :data:`_DEPTH` calls deep), and whether that is
    every method it may run on ``self``: none left past the depth, and no ``getattr(self, <not a literal>)``."""
    seen = {id(fn)}
    out = [fn]
    layer = [fn]
    for _ in range(_DEPTH):
        nxt: list[FunctionNode] = []
        for f in layer:
            for node in ast.walk(f):  # a nested function the method calls may call more
                name = _self_call(node)
                method = _method(interp, cls, name) if name is not None else None
                if method is not None and id(method) not in seen:
                    seen.add(id(method))
                    out.append(method)
                    nxt.append(method)
        layer = nxt
        if not layer:
            break
    return out, not layer and not any(_dynamic_self_call(n) for f in out for n in ast.walk(f))


def _dynamic_self_call(node: ast.AST) -> bool:
    """``getattr(self, <not a literal>)``: a method of ``self`` picked by a name the text does not give."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "getattr"
        and len(node.args) >= 2
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id == "self"
        and not (isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str))
    )


def may_set(interp: InterpBase, cls: ClassRef, fn: FunctionNode) -> frozenset[str] | None:
    """The attributes of ``self`` a run of ``fn`` may store (through the methods it calls on ``self`` too); None where
    it may store any (``setattr(self, name, ...)`` with a name that is not a literal, ``self.__dict__``)."""
    key = (id(cls.node), id(fn), "may")
    if key in interp._self_effect_facts:
        return interp._self_effect_facts[key]
    reached, complete = _reach(interp, cls, fn)
    found: set[str] | None = set() if complete else None
    for f in reached if found is not None else []:
        for node in ast.walk(f):  # a nested function the method calls may store too
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor, ast.Delete)):
                targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
                for t in targets:
                    found |= _stored_attr(t)  # type: ignore[operator]
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                found |= _stored_attr(node.optional_vars)  # type: ignore[operator]
            elif isinstance(node, ast.Attribute) and node.attr == "__dict__" and isinstance(node.value, ast.Name) and node.value.id == "self":
                found = None
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr") and node.args:
                first = node.args[0]
                named = node.args[1] if len(node.args) > 1 else None
                if isinstance(first, ast.Name) and first.id == "self":
                    if isinstance(named, ast.Constant) and isinstance(named.value, str):
                        found |= {named.value}  # type: ignore[operator]
                    else:
                        found = None
            if found is None:
                break
        if found is None:
            break
    result = frozenset(found) if found is not None else None
    interp._self_effect_facts[key] = result
    return result


def reads(interp: InterpBase, cls: ClassRef, fn: FunctionNode) -> frozenset[str]:
    """The attributes of ``self`` ``fn`` and the methods it calls on ``self`` may read (and every string they name)."""
    key = (id(cls.node), id(fn), "reads")
    cached = interp._self_effect_facts.get(key)
    if cached is None:
        names: set[str] = set()
        for f in _reach(interp, cls, fn)[0]:
            names |= _names_in(f)
        cached = interp._self_effect_facts[key] = frozenset(names)
    return cached


def _names_in(fn: FunctionNode) -> set[str]:
    found: set[str] = set()
    for n in ast.walk(fn):
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self":
            found.add(n.attr)
        elif isinstance(n, ast.Constant) and isinstance(n.value, str):
            found.add(n.value)
    return found


def _contains(stmt: ast.AST, node: ast.AST) -> bool:
    return any(n is node for n in ast.walk(stmt))


def _blocks(stmt: ast.stmt) -> list[list[ast.stmt]]:
    """The statement lists nested directly in ``stmt`` (branches, bodies, handlers, cases)."""
    blocks = [getattr(stmt, name) for name in ("body", "orelse", "finalbody") if isinstance(getattr(stmt, name, None), list)]
    blocks += [h.body for h in getattr(stmt, "handlers", [])]
    blocks += [c.body for c in getattr(stmt, "cases", [])]
    return blocks


def _dominated(interp: InterpBase, cls: ClassRef, stmts: list[ast.stmt], node: ast.AST, attr: str) -> bool:
    """Whether a statement before ``node`` in ``stmts`` (or in the nested lists on the way down to it) certainly sets
    ``self.<attr>``: every path from the start of ``stmts`` to ``node`` runs it."""
    for stmt in stmts:
        if _contains(stmt, node):
            for block in _blocks(stmt):
                if any(_contains(s, node) for s in block):
                    return _dominated(interp, cls, block, node, attr)
            return False  # in the statement's own expressions (a test, the value assigned)
        if attr in statement_sets(interp, cls, stmt):
            return True
    return False


def holds_here(interp: InterpBase, frame: Frame, node: ast.AST, attr: str) -> bool:
    """Whether the body's binding of ``self.<attr>`` holds on every path to ``node``: an earlier statement certainly
    set it (of the innermost loop's body, where a loop encloses ``node``: the loop's body is run once, from the state
    before the loop), or, outside any loop, the caller carried it in (:func:`carried_state`)."""
    inst = frame.self_value
    if not isinstance(inst, Instance) or frame.func is None:
        return False
    if frame.loops:
        return _dominated(interp, inst.cls, getattr(frame.loops[-1], "body", []), node, attr)
    return attr in frame.carried or _dominated(interp, inst.cls, frame.func.body, node, attr)


def carried_state(interp: InterpBase, frame: Frame, env: Env, inst: Instance, fn: FunctionNode, node: ast.AST) -> tuple[tuple[str, Value], ...]:
    """The caller's bindings of ``self`` attributes that a method called on the same object starts with."""
    if frame.is_init or frame.self_value is not inst:
        return ()
    keys = [k for k in env if k.startswith("self.") and env[k] is not UNKNOWN]
    if not keys:
        return ()
    read = reads(interp, inst.cls, fn)
    out = []
    for key in sorted(keys):
        attr = key[5:]
        if attr in read and _hashable(env[key]) and holds_here(interp, frame, node, attr):
            out.append((attr, env[key]))
    return tuple(out)


def _hashable(value: Value) -> bool:
    """A value that can be part of the key a call's analysis is kept under (``calls.call_function``)."""
    try:
        hash(value)
    except TypeError:
        return False
    return True


def seed(frame: Frame, env: Env, state: tuple[tuple[str, Value], ...]) -> None:
    """A method's body starts with the bindings its caller carried (:func:`carried_state`)."""
    for attr, value in state:
        env["self." + attr] = value
    frame.carried = frozenset(attr for attr, _ in state)


def left_set(interp: InterpBase, self_value: Value | None, fn: FunctionNode, env: Env, is_init: bool) -> dict[str, Value] | None:
    """After a method's body ran: the values of the attributes it certainly set, for its caller."""
    if is_init or not isinstance(self_value, Instance):
        return None
    return {attr: env.get("self." + attr, UNKNOWN) for attr in always_sets(interp, self_value.cls, fn)}


def apply_after_call(interp: InterpBase, frame: Frame, env: Env, inst: Instance, fn: FunctionNode, left: dict[str, Value] | None) -> None:
    """The caller's bindings after a call on its own ``self``: what the call certainly set, and those it may have set
    forgotten (read from the object again)."""
    if frame.self_value is not inst:
        return
    stored = may_set(interp, inst.cls, fn)
    for key in [k for k in env if k.startswith("self.")]:
        attr = key[5:]
        if stored is None or attr in stored:
            del env[key]
    for attr, value in (left or {}).items():
        env["self." + attr] = value


def decided_by_state(interp: InterpBase, test: ast.expr, frame: Frame, env: Env) -> bool | None:
    """``if self.<attr> is not None:`` (``is None``, ``hasattr(self, "<attr>")``, ``and``/``or`` of them) where the
    body's binding of the attribute holds here and is a tensor or a module (not None) or ``None``."""
    if frame.func is None or not isinstance(frame.self_value, Instance):
        return None
    if isinstance(test, ast.BoolOp):
        return joined_outcome(test.op, [decided_by_state(interp, v, frame, env) for v in test.values])
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = decided_by_state(interp, test.operand, frame, env)
        return None if inner is None else not inner
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "hasattr" and len(test.args) == 2:
        subject, named = test.args
        if is_self(subject, frame) and isinstance(named, ast.Constant) and isinstance(named.value, str):
            key = "self." + named.value
            if key in env and env[key] is not UNKNOWN and holds_here(interp, frame, test, named.value):
                return True
        return None
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Is, ast.IsNot))):
        return None
    left, right = test.left, test.comparators[0]
    if not (isinstance(right, ast.Constant) and right.value is None and isinstance(left, ast.Attribute) and is_self(left.value, frame)):
        return None
    held = env.get("self." + left.attr)
    if held is None or not holds_here(interp, frame, test, left.attr):
        return None
    if isinstance(held, _NOT_NONE):
        is_none = False
    elif isinstance(held, Const) and held.value is None:
        is_none = True
    else:
        return None
    return is_none == isinstance(test.ops[0], ast.Is)
