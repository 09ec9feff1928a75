"""Two attributes of ``self`` that construction binds to the same argument are one optimizer (LG014).

Round 38 (realcode_fix28, zxpzhong/3D-RecGAN-pytorch at ``HEAD`` 95615352bc, ``trainer/trainer.py``): a GAN
trainer's ``__init__(self, model, ..., optimizer_G, optimizer_D, ...)`` hands both optimizers to
``super().__init__(model, ..., optimizer_G, optimizer_D, config)``, whose base class stores them as
``self.optimizer_G`` and ``self.optimizer_D``, and stores them again itself as ``self.Generator_opt`` and
``self.Discriminator_opt``. Its loop clears ``self.optimizer_D.zero_grad()`` and steps
``self.Discriminator_opt.step()``: one optimizer by two names, read as a step of an optimizer never cleared. An
unknown argument's value is one shared placeholder (``values.PARAM``), so the values cannot tell the two names
apart; the text of construction can. Now a stepped ``self.B`` and a cleared ``self.A`` are one optimizer when the
class's ``__init__`` binds both to the same parameter of its own (``self.B = optimizer_d``), directly or through
a base class of the checked code whose ``__init__`` stores the parameter it is handed (``super().__init__(...,
optimizer_d)`` or ``Base.__init__(self, ..., optimizer_d)``), and no other method of the class (or of those bases)
binds either attribute again. AST facts only: a parameter ``__init__`` rebinds, a starred argument, an attribute
``__init__`` binds twice (or binds over what the base class stored), or one set anywhere else leaves the names apart.
"""

from __future__ import annotations

import ast

from lossguard.static.values import ClassRef

_DEPTH = 4  # base classes followed, at most


def _params(func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    return [a.arg for a in (*func.args.posonlyargs, *func.args.args)]


def _init(cls: ast.ClassDef) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    for stmt in cls.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name == "__init__":
            return stmt
    return None


def _base_call(call: ast.Call, index: int, chain: tuple[ClassRef, ...]) -> tuple[int, list[ast.expr]] | None:
    """A ``super().__init__(...)`` or ``Base.__init__(self, ...)`` call in ``chain[index]``'s ``__init__``: the
    base class's index in ``chain`` and the arguments that fill its ``__init__``'s parameters after ``self``."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "__init__"):
        return None
    cls = chain[index].node
    if isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name) and func.value.func.id == "super":
        if len(cls.bases) != 1 or index + 1 >= len(chain) or call.keywords and any(k.arg is None for k in call.keywords):
            return None
        return index + 1, list(call.args)
    if isinstance(func.value, ast.Name) and call.args and isinstance(call.args[0], ast.Name) and call.args[0].id == "self":
        named = [b.id for b in cls.bases if isinstance(b, ast.Name)]
        if func.value.id in named:
            for j in range(index + 1, len(chain)):
                if chain[j].node.name == func.value.id:
                    return j, list(call.args[1:])
    return None


def _origins(chain: tuple[ClassRef, ...], index: int = 0, depth: int = 0) -> dict[str, str]:
    """Each attribute of ``self`` that ``chain[index]``'s ``__init__`` binds to one of its own parameters, as that
    parameter's name; through a base class's ``__init__`` it hands the parameter to, by position or keyword."""
    init = _init(chain[index].node)
    if init is None or depth > _DEPTH:
        return {}
    params = _params(init)[1:]
    kept = {p for p in params if not any(isinstance(n, ast.Name) and n.id == p and isinstance(n.ctx, ast.Store) for n in ast.walk(init))}
    out: dict[str, str] = {}
    direct: set[str] = set()
    for node in ast.walk(init):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.value, ast.Name) and node.value.id in kept:
            target = node.targets[0]
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                out.setdefault(target.attr, node.value.id)
                direct.add(target.attr)
        elif isinstance(node, ast.Call) and (found := _base_call(node, index, chain)) is not None:
            base, args = found
            base_init = _init(chain[base].node)
            if base_init is None or any(isinstance(a, ast.Starred) for a in args):
                continue
            handed: dict[str, str] = {}
            for param, arg in zip(_params(base_init)[1:], args):
                if isinstance(arg, ast.Name) and arg.id in kept:
                    handed[param] = arg.id
            for kw in node.keywords:
                if kw.arg is not None and isinstance(kw.value, ast.Name) and kw.value.id in kept:
                    handed[kw.arg] = kw.value.id
            for attr, param in _origins(chain, base, depth + 1).items():
                if param in handed and attr not in direct:
                    out.setdefault(attr, handed[param])
    stores: dict[str, int] = {}
    for node in ast.walk(init):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and isinstance(node.value, ast.Name) and node.value.id == "self":
            stores[node.attr] = stores.get(node.attr, 0) + 1
    # an attribute this `__init__` binds more than once (`self.opt = opt`, then `self.opt = SGD(...)` on a branch), or
    # binds at all when a base class's `__init__` stored the argument in it, is not known to hold the argument
    return {attr: param for attr, param in out.items() if stores.get(attr, 0) == (1 if attr in direct else 0)}


def _set_elsewhere(cls: ast.ClassDef, attr: str) -> bool:
    """A method of ``cls`` other than ``__init__`` binds ``self.attr``."""
    for stmt in cls.body:
        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) or stmt.name == "__init__":
            continue
        for node in ast.walk(stmt):
            if isinstance(node, ast.Attribute) and node.attr == attr and isinstance(node.ctx, ast.Store):
                return True
    return False


def same_optimizer(stepped: str, cleared: set[str], chain: object) -> bool:
    """The stepped ``self.B`` and a cleared ``self.A`` are attributes construction binds to the same argument;
    ``chain`` is the loop's ``extra["self_classes"]`` (``interp.self_classes``): the class of ``self``, then its bases."""
    if not isinstance(chain, tuple) or not chain or not stepped.startswith("self.") or stepped.count(".") != 1:
        return False
    origins = _origins(chain)
    stepped_attr = stepped[len("self.") :]
    origin = origins.get(stepped_attr)
    if origin is None:
        return False
    for text in cleared:
        if not text.startswith("self.") or text.count(".") != 1:
            continue
        attr = text[len("self.") :]
        if origins.get(attr) == origin and not any(_set_elsewhere(c.node, a) for c in chain for a in (attr, stepped_attr)):
            return True
    return False
