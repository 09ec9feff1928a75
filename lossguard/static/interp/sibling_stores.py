"""A model one hook attaches to the object it is handed, read by another hook of the same class.

Callbacks (PyTorch Lightning's ``Callback``, and any class of hooks a framework calls with the model
being trained) keep a helper network on that model: one method stores it, another uses it::

    class OnlineEvaluator(Callback):
        def on_fit_start(self, trainer, pl_module):
            pl_module.probe = Probe(self.z_dim, self.num_classes)

        def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
            loss = F.cross_entropy(pl_module.probe(features), y)

The framework calls both methods, so nothing the interpreter follows passes ``pl_module`` from one
to the other, and ``pl_module.probe`` read alone is unknown (round 23, Lightning-AI/lightning-bolts'
``SSLOnlineEvaluator``, whose probe ended in ``nn.Softmax``). Here such a read holds the model the
sibling stores, when:

* the name is a parameter of the reading method (not its ``self``), bound nowhere in it;
* the class's methods store ``<name>.<attr>`` exactly once, in another method where the same name is
  also a parameter bound nowhere else, as ``<name>.<attr> = Class(...)`` (a ``.to(...)`` /
  ``.cuda()`` after it allowed);
* every name that call reads is ``self``, that parameter, bound in neither method (a global), so it
  means the same in the reading method, or bound only by a ``from ... import`` at the top of the
  storing method (``from pl_bolts...evaluator import SSLEvaluator``), which is imported again for the
  read;
* the value is a model (an instance of a checked ``nn.Module`` class, a layer or a Sequential).

Anything else (two stores, a store in the reading method itself, a local in the call) stays unknown.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator

from lossguard.static.interp.frame import FUNCTION_DEFS, FunctionNode, parameter_names
from lossguard.static.lazy_bodies import LazyBody

#: methods that return the module they are called on
_MOVES = ("to", "cuda", "cpu", "float", "double", "half", "train", "eval")


def _bound(fn: FunctionNode, imports_kept: tuple[ast.stmt, ...] = ()) -> set[str]:
    """Names ``fn`` binds in its body (assignments, loops, with, imports, nested defs), leaving out
    the imports of ``imports_kept``."""
    found: set[str] = set()
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            found.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)) and node not in imports_kept:
            found.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (*FUNCTION_DEFS, ast.ClassDef)) and node is not fn:
            found.add(node.name)
    return found


def handed(reader: FunctionNode, name: str) -> bool:
    """``name`` is a parameter of ``reader`` other than its own ``self`` (whatever it is called): the
    only names whose attributes :func:`stored_by_sibling` looks for, asked before the class is walked."""
    if name == "self" or name not in parameter_names(reader):
        return False
    first = reader.args.posonlyargs + reader.args.args
    return not (first and first[0].arg == name)


def constructor_call(value: ast.expr, through: Iterable[str] = _MOVES) -> ast.Call | None:
    """``Class(...)`` (a call of a plain or dotted name) under any calls of the methods ``through`` (by default the
    moves ``.to(...)`` / ``.cuda()``; interp/unreached_setters.py passes every method that returns the module)."""
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in through:
        value = value.func.value
    if isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute)):
        return value
    return None


def _setattr_target(node: ast.AST) -> str | None:
    """``name`` of ``setattr(<name>, ...)``: a store the search above cannot name."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "setattr"
        and node.args
        and isinstance(node.args[0], ast.Name)
    ):
        return node.args[0].id
    return None


def _walk(nodes: Iterable[ast.AST], word: re.Pattern[str]) -> Iterator[ast.AST]:
    """Every node under ``nodes``, leaving out the bodies not parsed yet whose text has no ``word``."""
    todo = list(nodes)
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, FUNCTION_DEFS) and isinstance(node.body, LazyBody) and not node.body.may_hold(word):
            todo.extend(child for field, child in _fields(node) if field != "body")
        else:
            todo.extend(ast.iter_child_nodes(node))


def _fields(node: ast.AST) -> Iterator[tuple[str, ast.AST]]:
    for field, value in ast.iter_fields(node):
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, ast.AST):
                yield field, child


class _MethodStores:
    """One method's ``<name>.<attr>`` stores, its single-target assignments and the names it hands to
    ``setattr``, in one walk of it."""

    def __init__(self, method: FunctionNode) -> None:
        self.stores: dict[tuple[str, str], list[ast.Attribute]] = {}
        self.assigns: dict[int, ast.Assign] = {}
        self.set_by_setattr: set[str] = set()
        for node in ast.walk(method):
            target = _setattr_target(node)
            if target is not None:
                self.set_by_setattr.add(target)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)) and isinstance(node.value, ast.Name):
                self.stores.setdefault((node.value.id, node.attr), []).append(node)
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                self.assigns[id(node.targets[0])] = node


#: text that may spell a ``setattr`` call (any non-ASCII character too: Python reads identifiers in
#: NFKC form, so a name spelt in other characters can still be ``setattr``)
_SETATTR_WORD = re.compile(r"\bsetattr\b|[^\x00-\x7f]")


class ClassStores:
    """What :func:`stored_by_sibling` asks of one class: the ``<name>.<attr>`` stores of its methods,
    the single-target assignments that make them, whether ``setattr`` is handed the name, and the
    names each method binds, each method walked at most once. A method of an imported module whose
    body is not parsed yet (lossguard.static.lazy_bodies) is walked only when its text holds the
    attribute's name (or ``setattr``): walking every method parsed every body of a 5,800-line class
    to answer a read of ``series.<attr>`` (darts' ``TimeSeries``, a tenth of the profiled time of checking a
    test module), and a walk of the class for each stored pair read (fifty ``args.<setting>`` in a
    1,200-line trainer method) was a quarter of the profiled time of kohya-ss/sd-scripts' training scripts."""

    def __init__(self, cls: ast.ClassDef) -> None:
        self._methods = [stmt for stmt in cls.body if isinstance(stmt, FUNCTION_DEFS)]
        self._walked: dict[int, _MethodStores] = {}
        outside = (*cls.decorator_list, *cls.bases, *cls.keywords, *(stmt for stmt in cls.body if not isinstance(stmt, FUNCTION_DEFS)))
        self._setattr_outside = {t for t in map(_setattr_target, _walk(outside, _SETATTR_WORD)) if t is not None}
        self._pairs: dict[tuple[str, str], list[tuple[FunctionNode, ast.Attribute]]] = {}
        self._bound: dict[int, set[str]] = {}

    def _method(self, method: FunctionNode, word: re.Pattern[str]) -> _MethodStores | None:
        """``method``'s stores, or None when its body is not parsed yet and its text has no ``word``."""
        walked = self._walked.get(id(method))
        if walked is None:
            if isinstance(method.body, LazyBody) and not method.body.may_hold(word):
                return None
            walked = self._walked[id(method)] = _MethodStores(method)
        return walked

    def stores(self, name: str, attr: str) -> list[tuple[FunctionNode, ast.Attribute]]:
        """Every ``<name>.<attr>`` stored or deleted in a method of the class."""
        found = self._pairs.get((name, attr))
        if found is None:
            word = re.compile(rf"\b{re.escape(attr)}\b|[^\x00-\x7f]")
            found = self._pairs[name, attr] = []
            for method in self._methods:
                walked = self._method(method, word)
                if walked is not None:
                    found.extend((method, node) for node in walked.stores.get((name, attr), ()))
        return found

    def set_by_setattr(self, name: str) -> bool:
        """``setattr(<name>, ...)`` anywhere in the class."""
        if name in self._setattr_outside:
            return True
        for method in self._methods:
            walked = self._method(method, _SETATTR_WORD)
            if walked is not None and name in walked.set_by_setattr:
                return True
        return False

    def assign(self, method: FunctionNode, target: ast.Attribute) -> ast.Assign | None:
        """The single-target assignment in ``method`` (walked already) whose target is ``target``."""
        return self._walked[id(method)].assigns.get(id(target))

    def bound(self, fn: FunctionNode) -> set[str]:
        """:func:`_bound` of ``fn``, kept."""
        found = self._bound.get(id(fn))
        if found is None:
            found = self._bound[id(fn)] = _bound(fn)
        return found


def stored_by_sibling(stores: ClassStores, reader: FunctionNode, name: str, attr: str) -> tuple[ast.expr, list[ast.ImportFrom]] | None:
    """The value another method of the class stores as ``<name>.<attr>``, where ``name`` is a
    parameter of both methods (see the module's docstring), and the ``from ... import`` statements at
    the top of that method that bind names the value reads; None when it is not that one store."""
    if not handed(reader, name):
        return None
    found = stores.stores(name, attr)
    if len(found) != 1 or stores.set_by_setattr(name):
        return None
    reader_params, reader_bound = set(parameter_names(reader)), stores.bound(reader)
    if name in reader_bound:
        return None
    writer, target = found[0]
    assign = stores.assign(writer, target)
    if writer is reader or assign is None:
        return None
    writer_params, writer_bound = set(parameter_names(writer)), stores.bound(writer)
    if name not in writer_params or name in writer_bound:
        return None
    if constructor_call(assign.value) is None:
        return None
    imports = _imports(writer)
    imported = {n for stmt in imports for n in _import_names(stmt)}
    locals_ = (writer_params | writer_bound | reader_params | reader_bound) - {"self", name}
    read = {n.id for n in ast.walk(assign.value) if isinstance(n, ast.Name)}
    # a name the stored value reads may be local only where one of the method's top-level imports binds it
    shadowed = _bound(writer, tuple(imports)) | reader_params | reader_bound
    if any(n in locals_ and not (n in imported and n not in shadowed) for n in read):
        return None
    return assign.value, [stmt for stmt in imports if any(n in read for n in _import_names(stmt))]


def _imports(fn: FunctionNode) -> list[ast.ImportFrom]:
    """The ``from ... import ...`` statements of ``fn``'s own body (the top level of the method)."""
    return [stmt for stmt in fn.body if isinstance(stmt, ast.ImportFrom)]


def _import_names(stmt: ast.ImportFrom) -> set[str]:
    return {a.asname or a.name for a in stmt.names}
