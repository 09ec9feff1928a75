"""An attribute that methods other than ``__init__`` store again, but only with the object it already holds or one of
the class it was declared with (round 36).

An attribute that a method other than construction assigns is unknown for the whole class
(``classes.ClassesMixin._volatile``): which value a method reads depends on which calls ran before it, which the
interpreter does not track. Two kinds of store leave the attribute's kind as construction made it, and recur in
trainer classes:

* *Its own object back, or a copy of it*: ``best_model = copy.deepcopy(self.model)`` kept during early stopping and
  restored by ``self.model = best_model`` (quqixun/GNN-Pytorch's ``Pipeline.train``), ``self.model =
  self.model.to(device)``. The store's value is ``self.<attr>`` itself, ``copy.deepcopy``/``copy.copy`` of such a value,
  one of ``nn.Module``'s methods that return the module (``.to()``, ``.cuda()``, ``.train()``, ``.eval()``, ...) on it,
  or a local name of the same method each binding of which is one of those (and that the method binds nowhere else:
  no loop target, tuple, ``with ... as``, augmented store, parameter, ``global``).
* *A parameter declared with a module class of the checked code*: ``def evaluate(self, mode="valid", model: SASRec =
  None): if model: self.model = model`` (seanswyi/sasrec-pytorch's ``Trainer.evaluate``). The parameter is annotated
  (or asserted, ``interp.asserted_classes``) with a class of the checked code that is an ``nn.Module``; the store is
  under ``if <param>:`` / ``if <param> is not None:`` or the parameter has no default, so ``None`` is never stored.
  The attribute is then what construction stored joined with that class's model built from its defaults
  (``Either`` of the two: a call of it gives what both outputs agree on).

Any other store of the attribute outside construction (another value, a tuple target, an augmented store, a loop
target, ``setattr``, ``del``) keeps it unknown, as before. Only the class's own methods are read, as ``_volatile``
reads them.
"""

from __future__ import annotations

import ast

from lossguard.static.interp.asserted_classes import parameter_class
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import FUNCTION_DEFS, MODULE_SELF_METHODS, Frame, FunctionNode
from lossguard.static.values import UNKNOWN, ClassRef, Value, join

_COPIES = ("deepcopy", "copy")


def is_self_attribute(node: ast.AST, attr: str) -> bool:
    """``self.<attr>``, written so (also read by the rules' _lightning_steps)."""
    return isinstance(node, ast.Attribute) and node.attr == attr and isinstance(node.value, ast.Name) and node.value.id == "self"


def _own_object(value: ast.expr, attr: str, locals_ok: set[str]) -> bool:
    """``self.<attr>``, a copy of it, one of the module's methods that return the module on it, or a local name known
    to hold one of those."""
    if is_self_attribute(value, attr):
        return True
    if isinstance(value, ast.Name):
        return value.id in locals_ok
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    copied = (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "copy"
        else None
    )
    if copied in _COPIES and len(value.args) == 1 and not value.keywords:
        return _own_object(value.args[0], attr, locals_ok)
    if isinstance(func, ast.Attribute) and func.attr in MODULE_SELF_METHODS:
        return _own_object(func.value, attr, locals_ok)
    return False


def _copies_in(method: FunctionNode, attr: str) -> set[str]:
    """The local names of ``method`` bound only by plain ``name = <the attribute's own object>`` statements, or ``name =
    None`` before the first copy is kept (no parameter, loop target, tuple, ``with ... as``, augmented store,
    ``global``/``nonlocal``)."""
    args = method.args
    params = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
    params |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    stores: dict[str, int] = {}
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(method):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            stores[node.id] = stores.get(node.id, 0) + 1
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            params.update(node.names)
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            assigned.setdefault(node.targets[0].id, []).append(node.value)
    return {
        name
        for name, values in assigned.items()
        if name not in params
        and stores.get(name, 0) == len(values)
        and all(_own_object(v, attr, set()) or _is_none(v) for v in values)
        and not all(_is_none(v) for v in values)
    }


def _is_none(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and value.value is None


def _none_guarded(method: FunctionNode, store: ast.Assign, param: str) -> bool:
    """The store runs only where ``param`` is not None: under ``if <param>:`` or ``if <param> is not None:``."""
    for node in ast.walk(method):
        if not isinstance(node, ast.If) or not any(store is n for s in node.body for n in ast.walk(s)):
            continue
        test = node.test
        if isinstance(test, ast.Name) and test.id == param:
            return True
        if (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.IsNot)
            and isinstance(test.left, ast.Name)
            and test.left.id == param
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value is None
        ):
            return True
    return False


def _declared_param(interp: InterpBase, cls: ClassRef, method: FunctionNode, store: ast.Assign) -> Value | None:
    """The model a parameter stored by ``store`` holds when it is declared with a module class of the checked code and
    ``None`` is never stored (see the module's text); None otherwise."""
    value = store.value
    if not isinstance(value, ast.Name):
        return None
    args = method.args
    positional = [*args.posonlyargs, *args.args]
    params = positional + list(args.kwonlyargs)
    found = [p for p in params if p.arg == value.id]
    if not found or any(isinstance(n, ast.Name) and n.id == value.id and isinstance(n.ctx, ast.Store) for n in ast.walk(method)):
        return None
    param = found[0]
    defaults = dict(zip([p.arg for p in positional][len(positional) - len(args.defaults) :], args.defaults))
    defaults.update({p.arg: d for p, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})
    default = defaults.get(param.arg)
    if default is not None and not _none_guarded(method, store, param.arg):
        return None
    declared = parameter_class(method, param)
    if declared is None:
        return None
    return interp._declared_model(declared, Frame(cls.module, None), interp.module_globals(cls.module))


def kept_value(interp: InterpBase, cls: ClassRef, attr: str, built: Value) -> Value:
    """What ``attr``, which construction set to ``built`` and other methods of ``cls`` store again, holds for the
    class's methods: ``built`` joined with what those stores may hold where each is of a kind the module's text admits;
    unknown otherwise."""
    helpers = cls.module.facts.init_helpers(cls.node)
    value = built
    for method in cls.node.body:
        if not isinstance(method, FUNCTION_DEFS) or method.name == "__init__" or method.name in helpers:
            continue
        copies: set[str] | None = None
        for node in ast.walk(method):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor)):
                targets = [node.target]
            elif isinstance(node, ast.Delete):
                targets = node.targets
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                targets = [node.optional_vars]
            if not any(
                is_self_attribute(n, attr) and isinstance(getattr(n, "ctx", None), (ast.Store, ast.Del)) for t in targets for n in ast.walk(t)
            ):
                continue
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and is_self_attribute(node.targets[0], attr)):
                return UNKNOWN
            if copies is None:
                copies = _copies_in(method, attr)
            if _own_object(node.value, attr, copies):
                continue
            declared = _declared_param(interp, cls, method, node)
            if declared is None:
                return UNKNOWN
            value = join(value, declared)
    return value
