"""An inherited setter that cannot run on the object a name of the checked code holds (round 38).

Round 37 (interp.inherited_stores) made an attribute that a method inherited from a base class stores again unknown
for the whole class: ``EncoderDecoderModel.set_decoder(self, decoder): self.decoder = decoder`` made every
``ListenAttendSpell``'s decoder unknown, so sooftware/kospeech's test scripts, which build the model, train it with
``nn.CrossEntropyLoss`` and never swap its decoder (only ``kospeech/decode/search.py`` calls the setter, on a model a
caller hands it), lost their finding on the decoder's ``log_softmax``.

A method runs on an object only where some code holds the object and calls it. The object a construction binds to a
name (``model = ListenAttendSpell(...).to(device)``, at a module's top level or in a function) is held by nothing
else when:

* every read of the name in that scope is the receiver of an attribute (``model.parameters()``, ``model.decoder``)
  or a call of the object (``model(x)``), never an argument, an element, a return value, an alias or a stored value;
  a method that gives back the object itself (``model.to(device)``, ``model.eval()``, ``model.apply(f)``,
  ``model.modules()`` which yields it) only as a statement of its own or stored back into the same name; no
  ``register_*`` hook (which gets the object); at a module's top level, no read inside a function, a class or a
  lambda of the module (another module that imports it may call those later) and no ``global`` of the name;
* no method of the class or of its bases in the checked code hands on ``self`` (a bare ``self`` other than the
  receiver of an attribute, a call ``self(...)`` or ``super(Cls, self)``);
* the module never names the setter (no ``.set_decoder`` anywhere in it, on whatever object) and runs no ``eval``,
  ``exec``, ``globals``, ``locals`` or ``vars``; and the class's methods never name it either (no
  ``self.set_decoder(...)``).

Then no call of the setter reaches the object, and the attribute it stores keeps construction's value for that
object: the instance is cached apart from the others of the same arguments (its key carries the setters). Anywhere
else the setter's attribute stays unknown, as round 37 made it (precision first: a setter called through another
name, a registry or a callback is not followed).
"""

from __future__ import annotations

import ast
import weakref

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import FUNCTION_DEFS, MODULE_SELF_METHODS
from lossguard.static.interp.inherited_stores import inherited_setters
from lossguard.static.interp.sibling_stores import constructor_call
from lossguard.static.project import ModuleInfo
from lossguard.static.scope_nodes import SCOPES
from lossguard.static.tree_index import parent_map
from lossguard.static.values import ClassRef

#: ``nn.Module`` methods that give back the object itself (or yield it, ``modules()``), besides MODULE_SELF_METHODS
_SELF_RETURNING = frozenset(MODULE_SELF_METHODS) | {
    "apply",
    "requires_grad_",
    "share_memory",
    "to_empty",
    "type",
    "half",
    "double",
    "bfloat16",
    "modules",
    "named_modules",
}
#: built-ins that reach a module's names by their text
_DYNAMIC = frozenset({"eval", "exec", "globals", "locals", "vars"})

#: per module: the id of each construction call bound to a name, with the scope that binds it and the name
_BINDINGS: weakref.WeakKeyDictionary[ast.Module, dict[int, tuple[ast.AST, str]]] = weakref.WeakKeyDictionary()
#: per module: every attribute name it reads or calls, and whether it runs a built-in of :data:`_DYNAMIC`
_NAMED: weakref.WeakKeyDictionary[ast.Module, tuple[frozenset[str], bool]] = weakref.WeakKeyDictionary()


def unreached_setters(interp: InterpBase, cls: ClassRef, callsite: tuple[ModuleInfo, ast.Call] | None) -> frozenset[str]:
    """The inherited setters of ``cls`` (interp.inherited_stores) that cannot run on the object the construction at
    ``callsite`` makes (module docstring); empty where that is not shown."""
    if callsite is None:
        return frozenset()
    module, call = callsite
    bound = _bindings(module.module).get(id(call))
    if bound is None:
        return frozenset()
    setters = inherited_setters(interp, cls)
    if not setters:
        return frozenset()
    named, dynamic = _named(module.module)
    if dynamic or named & setters:
        return frozenset()
    scope, name = bound
    if not _held_alone(scope, name, module.module):
        return frozenset()
    for c in interp._bases(cls):
        if isinstance(c, ClassRef) and not _keeps_self(c.node, setters):
            return frozenset()
    return setters


def _bindings(tree: ast.Module) -> dict[int, tuple[ast.AST, str]]:
    found = _BINDINGS.get(tree)
    if found is None:
        found = {}
        _collect(tree, tree, found)
        _BINDINGS[tree] = found
    return found


def _collect(scope: ast.AST, node: ast.AST, out: dict[int, tuple[ast.AST, str]]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Assign) and len(child.targets) == 1 and isinstance(child.targets[0], ast.Name):
            ctor = constructor_call(child.value, MODULE_SELF_METHODS)
            if ctor is not None:
                out[id(ctor)] = (scope, child.targets[0].id)
        _collect(child if isinstance(child, FUNCTION_DEFS) else scope, child, out)


def _named(tree: ast.Module) -> tuple[frozenset[str], bool]:
    found = _NAMED.get(tree)
    if found is None:
        attrs = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        dynamic = any(isinstance(n, ast.Name) and n.id in _DYNAMIC for n in ast.walk(tree))
        found = _NAMED[tree] = (frozenset(attrs), dynamic)
    return found


def _held_alone(scope: ast.AST, name: str, tree: ast.Module) -> bool:
    """Every occurrence of ``name`` in ``scope`` reads the object only as a receiver or a callee, or binds the
    name by a plain assignment (module docstring)."""
    parents = parent_map(scope)
    for node in ast.walk(scope):
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return False
        if not (isinstance(node, ast.Name) and node.id == name):
            continue
        if scope is tree and _inside_scope(node, parents):
            return False
        parent = parents.get(id(node))
        if isinstance(node.ctx, ast.Store):
            if not (isinstance(parent, ast.Assign) and parent.targets == [node]):
                return False
        elif isinstance(parent, ast.Call) and parent.func is node:
            continue
        elif isinstance(parent, ast.Attribute) and parent.value is node:
            if parent.attr.startswith("register_") or parent.attr in _SELF_RETURNING and not _result_dropped(parent, name, parents):
                return False
        else:
            return False
    return True


def _inside_scope(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    up = parents.get(id(node))
    while up is not None:
        if isinstance(up, SCOPES):
            return True
        up = parents.get(id(up))
    return False


def _result_dropped(attr: ast.Attribute, name: str, parents: dict[int, ast.AST]) -> bool:
    """``name.<method>(...)`` of a method giving back the object, as a statement or stored back into ``name``."""
    call = parents.get(id(attr))
    if not (isinstance(call, ast.Call) and call.func is attr):
        return False
    holder = parents.get(id(call))
    if isinstance(holder, ast.Expr):
        return True
    return isinstance(holder, ast.Assign) and len(holder.targets) == 1 and isinstance(holder.targets[0], ast.Name) and holder.targets[0].id == name


def _keeps_self(cls: ast.ClassDef, setters: frozenset[str]) -> bool:
    """No method of ``cls`` hands on ``self`` or names one of ``setters``."""
    for stmt in cls.body:
        if not isinstance(stmt, FUNCTION_DEFS):
            continue
        parents = parent_map(stmt)
        for node in ast.walk(stmt):
            if isinstance(node, ast.Attribute) and node.attr in setters:
                return False
            if isinstance(node, ast.Name) and node.id == "self" and isinstance(node.ctx, ast.Load) and not _self_use(node, parents):
                return False
    return True


def _self_use(node: ast.Name, parents: dict[int, ast.AST]) -> bool:
    parent = parents.get(id(node))
    if isinstance(parent, ast.Attribute) and parent.value is node:
        return parent.attr not in _SELF_RETURNING or _result_dropped(parent, "self", parents)
    if isinstance(parent, ast.Call) and parent.func is node:
        return True
    return isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "super" and node in parent.args
