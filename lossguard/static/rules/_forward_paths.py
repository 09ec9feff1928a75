"""What a call of a network with literal flags does with one of its parts, read in its class's ``forward`` (LG018).

lucidrains/muse-maskgit-pytorch before f7ea957000 (and phenaki-pytorch before 3c33570ce4): the trainer's two losses are
both calls of one wrapper, ``self.vae(img, return_loss=True)`` and ``self.vae(img, return_discr_loss=True)``; which
networks each goes through is decided inside ``VQGanVAE.forward``: on the ``return_discr_loss`` path ``fmap.detach_()``
then ``map(self.discr, (fmap, img))`` (the discriminator judges detached reconstructions), on the other
``self.gen_loss(self.discr(fmap))`` (the autoencoder's adversarial term goes through the discriminator).

Here the ``forward`` of the called instance's class (defined in the class itself) is read on the path the call's
literal keyword arguments and the parameters' literal defaults select: an ``if`` whose test those flags decide
(``return_discr_loss``, ``not return_loss``, ``a and b``, ``a or b``) runs its taken branch only, and ends the path
when that branch returns; an ``if`` they do not decide is passed over (neither branch read: a path on which it is not
taken, as a setting's default usually is). On that path a call ``self.<part>(x)`` (or ``map(self.<part>, (x, y))``)
goes through the part with gradients when ``x`` is not detached (no ``.detach()`` in it, not a name detached in place
by ``x.detach_()`` or bound from a ``.detach()`` earlier on the path; ``.data`` and ``.detach_()`` count as
``.detach()`` does, as in the loss tracer, rules._loss_reach). Text and AST facts only.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from lossguard.static.bool_outcomes import joined_outcome
from lossguard.static.facts import parameter_defaults
from lossguard.static.interp.asserted_classes import parameter_class
from lossguard.static.rules._loss_reach import detached
from lossguard.static.values import Instance, Value

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True)
class PartUse:
    """How the path uses the part: called on a value that carries gradients, on a detached one."""

    through: bool
    judged: bool


def instance_class(name: str, receiver: Value) -> ast.ClassDef | None:
    """The class of the instance a call is made on, as the interpreter read it: ``self.vae(...)`` is recorded as the
    call ``vae`` on ``self``, whose ``attrs`` hold the instance; a call of the instance itself gives it."""
    if isinstance(receiver, Instance):
        held = receiver.attrs.get(name)
        if isinstance(held, Instance):
            return held.cls.node
        if _forward(receiver.cls.node) is not None and name not in receiver.attrs:
            return receiver.cls.node
    return None


def declared_class(call: ast.Call, cls: ast.ClassDef | None, tree: ast.AST) -> ast.ClassDef | None:
    """The class of ``self.<attr>`` in ``self.<attr>(...)``, a method of ``cls``, as its ``__init__`` declares it:
    ``self.vae = vae`` with the parameter annotated ``vae: VQGAN``, or ``self.vae = VQGAN(...)``, naming a class of the
    same file (``tree``)."""
    func = call.func
    if cls is None or not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self"):
        return None
    init = next((f for f in cls.body if isinstance(f, _FUNCS) and f.name == "__init__"), None)
    if init is None:
        return None
    params = {a.arg: parameter_class(init, a) for a in (*init.args.args, *init.args.kwonlyargs)}
    names: set[str] = set()
    for node in ast.walk(init):
        if not (isinstance(node, ast.Assign) and any(isinstance(t, ast.Attribute) and t.attr == func.attr for t in node.targets)):
            continue
        value = node.value
        if isinstance(value, ast.Name) and isinstance(params.get(value.id), ast.Name):
            names.add(params[value.id].id)  # type: ignore[union-attr]
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            names.add(value.func.id)
        else:
            return None
    if len(names) != 1:
        return None
    (name,) = names
    return next((c for c in getattr(tree, "body", []) if isinstance(c, ast.ClassDef) and c.name == name), None)


def _forward(cls: ast.ClassDef) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    return next((f for f in cls.body if isinstance(f, _FUNCS) and f.name == "forward"), None)


def part_use(call: ast.Call, cls: ast.ClassDef, part: str) -> PartUse | None:
    """How ``call`` (of an instance of ``cls``) uses ``self.<part>`` on the path its flags select; None when the class
    has no ``forward`` of its own."""
    forward = _forward(cls)
    if forward is None:
        return None
    flags = _flags(forward, call)
    path: list[ast.stmt] = []
    _walk(forward.body, flags, path)
    me = forward.args.args[0].arg if forward.args.args else "self"
    names: set[str] = set()
    through = judged = False
    for stmt in path:
        for node in _ordered(stmt):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "detach_":
                if isinstance(node.func.value, ast.Name):
                    names.add(node.func.value.id)
            if isinstance(node, ast.Assign) and _is_detached(node.value, names):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            for arg in _part_args(node, me, part):
                if _is_detached(arg, names):
                    judged = True
                else:
                    through = True
    return PartUse(through, judged)


def _ordered(stmt: ast.stmt) -> list[ast.AST]:
    """The nodes of ``stmt`` in source order (nested functions left out)."""
    nodes = [n for n in ast.walk(stmt) if not isinstance(n, (*_FUNCS, ast.Lambda)) or n is stmt]
    return sorted(nodes, key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)))


def _part_args(node: ast.AST, me: str, part: str) -> list[ast.expr]:
    """The inputs ``node`` hands to ``self.<part>``: the arguments of ``self.<part>(x)``, the items of
    ``map(self.<part>, (x, y))``."""
    if not isinstance(node, ast.Call):
        return []
    if _is_part(node.func, me, part):
        return list(node.args[:1])
    if isinstance(node.func, ast.Name) and node.func.id == "map" and len(node.args) == 2 and _is_part(node.args[0], me, part):
        items = node.args[1]
        return list(items.elts) if isinstance(items, (ast.Tuple, ast.List)) else [items]
    return []


def _is_part(node: ast.expr, me: str, part: str) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == part and isinstance(node.value, ast.Name) and node.value.id == me


def _is_detached(expr: ast.expr, names: set[str]) -> bool:
    """A name detached earlier on the path, or an expression that hands on no gradient (LG018's loss tracer's reading:
    ``.detach()``, ``.detach_()``, ``.data``)."""
    return expr.id in names if isinstance(expr, ast.Name) else detached(expr)


def _flags(forward: ast.FunctionDef | ast.AsyncFunctionDef, call: ast.Call) -> dict[str, bool]:
    """Each parameter of ``forward`` with a literal value: its default, or the call's keyword argument."""
    flags: dict[str, bool] = {}
    for param, default in parameter_defaults(forward.args):
        if isinstance(default, ast.Constant) and isinstance(default.value, (bool, type(None))):
            flags[param.arg] = bool(default.value)
    for kw in call.keywords:
        if kw.arg is None:
            return {}  # `**kwargs`: which flags it sets is not known
        if isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, (bool, type(None))):
            flags[kw.arg] = bool(kw.value.value)
        else:
            flags.pop(kw.arg, None)
    return flags


def _test(expr: ast.expr, flags: dict[str, bool]) -> bool | None:
    if isinstance(expr, ast.Name):
        return flags.get(expr.id)
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.Not):
        inner = _test(expr.operand, flags)
        return None if inner is None else not inner
    if isinstance(expr, ast.BoolOp):
        return joined_outcome(expr.op, [_test(v, flags) for v in expr.values])
    return None


def _walk(stmts: list[ast.stmt], flags: dict[str, bool], path: list[ast.stmt]) -> bool:
    """Append to ``path`` the statements of ``stmts`` the flags run; True when the path returns there."""
    for stmt in stmts:
        if isinstance(stmt, ast.If):
            taken = _test(stmt.test, flags)
            if taken is None:
                continue  # not decided by the flags: passed over
            if _walk(stmt.body if taken else stmt.orelse, flags, path):
                return True
            continue
        if isinstance(stmt, (ast.Assert, *_FUNCS, ast.ClassDef)):
            continue
        path.append(stmt)
        if isinstance(stmt, (ast.Return, ast.Raise)):
            return True
    return False
