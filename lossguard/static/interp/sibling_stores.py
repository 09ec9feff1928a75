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

from lossguard.static.interp.frame import FUNCTION_DEFS, FunctionNode

#: methods that return the module they are called on
_MOVES = ("to", "cuda", "cpu", "float", "double", "half", "train", "eval")


def _parameters(fn: FunctionNode) -> set[str]:
    a = fn.args
    names = {p.arg for p in (*a.posonlyargs, *a.args, *a.kwonlyargs)}
    return names | {p.arg for p in (a.vararg, a.kwarg) if p is not None}


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


def _constructor(value: ast.expr) -> ast.Call | None:
    """``Class(...)`` under any ``.to(...)`` / ``.cuda()`` calls."""
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in _MOVES:
        value = value.func.value
    if isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute)):
        return value
    return None


def _sets_attribute(node: ast.AST, name: str) -> bool:
    """``setattr(<name>, ...)``: a store the search above cannot name."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "setattr"
        and bool(node.args)
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id == name
    )


def stored_pairs(cls: ast.ClassDef) -> frozenset[tuple[str, str]]:
    """Every ``<name>.<attr>`` stored or deleted anywhere in ``cls``, in one walk of the class: a read
    of a pair not among them has no sibling store, so :func:`stored_by_sibling` (which walks both
    methods and the class) is asked only for the few that are. A trainer class reading fifty
    ``args.<setting>`` in a 1,200-line method walked that method and the class once per setting
    (kohya-ss/sd-scripts' ``NetworkTrainer.train``, 7 of 9 CPU s of ``flux_train_network.py``)."""
    return frozenset(
        (node.value.id, node.attr)
        for node in ast.walk(cls)
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)) and isinstance(node.value, ast.Name)
    )


def stored_by_sibling(cls: ast.ClassDef, reader: FunctionNode, name: str, attr: str) -> tuple[ast.expr, list[ast.ImportFrom]] | None:
    """The value another method of ``cls`` stores as ``<name>.<attr>``, where ``name`` is a
    parameter of both methods (see the module's docstring), and the ``from ... import`` statements at
    the top of that method that bind names the value reads; None when it is not that one store."""
    reader_params, reader_bound = _parameters(reader), _bound(reader)
    if name == "self" or name not in reader_params or name in reader_bound:
        return None
    first = reader.args.posonlyargs + reader.args.args
    if first and first[0].arg == name:
        return None  # the reader's own self, whatever it is called
    stores: list[tuple[FunctionNode, ast.Attribute]] = []
    assigns: dict[int, ast.Assign] = {}
    for method in cls.body:
        if not isinstance(method, FUNCTION_DEFS):
            continue
        for node in ast.walk(method):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)) and node.attr == attr:
                if isinstance(node.value, ast.Name) and node.value.id == name:
                    stores.append((method, node))
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                assigns[id(node.targets[0])] = node
    if len(stores) != 1 or any(_sets_attribute(n, name) for n in ast.walk(cls)):
        return None
    writer, target = stores[0]
    assign = assigns.get(id(target))
    if writer is reader or assign is None:
        return None
    writer_params, writer_bound = _parameters(writer), _bound(writer)
    if name not in writer_params or name in writer_bound:
        return None
    if _constructor(assign.value) is None:
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
