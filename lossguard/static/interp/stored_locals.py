"""Constructors that keep their parameters through ``locals()``.

Round 25 (facebookresearch/pytorchvideo, whose heads, stems and blocks all start with ``super().__init__()``
then ``set_attributes(self, locals())``; detectron2-style projects built on it do the same): the helper
runs ``for k, v in params.items(): if k != "self": setattr(self, k, v)``, so every parameter is an
attribute of the same name, as if ``self.<param> = <param>`` were written for each. Read as an ordinary
call, the loop's ``setattr`` has no literal name, so ``self.activation`` in ``forward`` was unknown, and a
head built with ``activation=nn.Softmax`` hid its softmax from the loss.

A call stores the method's parameters so when, in a method of a class, it is

- ``self.__dict__.update(locals())`` or ``vars(self).update(locals())``; or
- ``helper(self, locals())`` where ``helper`` is a function of the checked code whose body calls
  ``setattr(<its first parameter>, ...)`` inside a loop over ``<its second parameter>.items()``.

Each parameter the method has (but ``self``) is then bound as ``self.<name>``, with what the method's
environment holds for it at the call (a parameter rebound before the call holds its new value). Names
bound before the call other than parameters are not stored (they are rare at the top of a constructor);
a helper the checker cannot read, or whose body is any other shape, is an ordinary call.

The same library's builders pass their parameters on with ``return create_resnet(**locals())``. Where a
function has bound nothing but its parameters before the call, ``locals()`` is exactly those
(:class:`LocalsDict`), and ``f(**locals())`` passes each by name (``CallsMixin._args``); the callee's
other parameters keep their defaults. Any other mapping under ``**`` leaves every unwritten parameter
unknown, as before (:mod:`.mapping_args`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lossguard.static.function_bodies import returned_call
from lossguard.static.interp.frame import parameter_names
from lossguard.static.values import DictVal, FunctionRef

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.interp.base import InterpBase
    from lossguard.static.interp.frame import Env, Frame


def _is_locals(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "locals" and not node.args and not node.keywords


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _instance_dict(node: ast.expr) -> bool:
    """``self.__dict__`` or ``vars(self)``."""
    if isinstance(node, ast.Attribute):
        return node.attr == "__dict__" and _is_self(node.value)
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "vars" and len(node.args) == 1 and _is_self(node.args[0])
    )


def _sets_each_item(helper: FunctionRef) -> bool:
    """``helper``'s body calls ``setattr(<first parameter>, ...)`` inside a loop over ``<second parameter>.items()``."""
    params = [a.arg for a in (*helper.node.args.posonlyargs, *helper.node.args.args)]
    if len(params) < 2:
        return False
    obj, mapping = params[0], params[1]
    for loop in ast.walk(helper.node):
        it = loop.iter if isinstance(loop, ast.For) else None
        if not (
            isinstance(it, ast.Call)
            and isinstance(it.func, ast.Attribute)
            and it.func.attr == "items"
            and isinstance(it.func.value, ast.Name)
            and it.func.value.id == mapping
        ):
            continue
        for n in ast.walk(loop):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "setattr" and n.args:
                first = n.args[0]
                if isinstance(first, ast.Name) and first.id == obj:
                    return True
    return False


def stores_locals(interp: InterpBase, node: ast.Call, frame: Frame, env: Env) -> bool:
    """Whether ``node`` stores the method's parameters as attributes of ``self`` (see the module's
    docstring); if so, they are bound, and the call needs no other evaluation."""
    func, args = node.func, node.args
    if frame.self_value is None or frame.func is None or node.keywords:
        return False
    if len(args) == 1 and _is_locals(args[0]):
        if not (isinstance(func, ast.Attribute) and func.attr == "update" and _instance_dict(func.value)):
            return False
    elif len(args) == 2 and _is_self(args[0]) and _is_locals(args[1]) and isinstance(func, (ast.Name, ast.Attribute)):
        helper = interp.ev(func, frame, env)
        if not (isinstance(helper, FunctionRef) and _sets_each_item(helper)):
            return False
    else:
        return False
    for name in parameter_names(frame.func):
        if name != "self" and name in env:
            interp.bind(ast.Attribute(value=ast.Name(id="self", ctx=ast.Load()), attr=name, ctx=ast.Store()), env[name], frame, env)
    return True


@dataclass(frozen=True)
class LocalsDict(DictVal):
    """What ``locals()`` returns, where it holds the function's parameters and nothing else: every
    key is known, so ``f(**locals())`` passes exactly these keywords (any other dict may have gained
    keys the checker did not follow)."""


def locals_dict(node: ast.Call, frame: Frame, env: Env) -> LocalsDict | None:
    """``locals()`` as a dict of the function's parameters, where nothing else is bound before the call:
    pytorchvideo's ``create_acoustic_resnet`` is ``return create_resnet(**locals())``, its parameters
    passed on by name. None where the function binds other names first (they would be missing), or
    outside a function."""
    func = frame.func
    if func is None or isinstance(func, ast.Lambda) or node.args or node.keywords:
        return None
    for stmt in func.body:
        if stmt.lineno >= node.lineno:
            break
        if any(isinstance(n, (ast.Name, ast.arg)) and isinstance(getattr(n, "ctx", ast.Store()), ast.Store) for n in ast.walk(stmt)):
            return None  # an assignment, a loop, an import, a nested function: another name in locals()
        if isinstance(stmt, (ast.Import, ast.ImportFrom, *_DEFINES)):
            return None
    params = parameter_names(func)
    if not all(p in env for p in params):
        return None
    return LocalsDict(tuple((p, env[p]) for p in params))


_DEFINES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def passes_on(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """``func`` only passes its parameters on: its whole body (a docstring aside) is ``return g(...)``
    whose arguments are its own parameters by name, its ``*args`` / ``**kwargs``, or ``**locals()``
    (pytorchvideo's ``create_acoustic_resnet``: ``return create_resnet(**locals())``). A call of it costs
    no level of the interpreter's call depth (``MAX_DEPTH``): it does no work of its own, and counting
    it left the model the real builder makes one level short of its head."""
    call = returned_call(func)
    if call is None:
        return False
    params = set(parameter_names(func))
    for arg in call.args:
        inner = arg.value if isinstance(arg, ast.Starred) else arg
        if not (isinstance(inner, ast.Name) and inner.id in params):
            return False
    for k in call.keywords:
        if not (isinstance(k.value, ast.Name) and k.value.id in params or k.arg is None and _is_locals(k.value)):
            return False
    return True
