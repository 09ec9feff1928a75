"""The one model class of a posted snippet, used under a name the snippet never binds.

Round 30 (code posted in issue threads and forum posts, branch threads20): a question shows its
network class and, in another code block, the loop that trains it, but not the line that builds it::

    class Net(nn.Module):
        def forward(self, x):
            return F.softmax(self.fc(x), dim=1)

    criterion = nn.CrossEntropyLoss()
    for x, y in loader:
        loss = criterion(model(x), y)

Run as posted, ``model`` is a ``NameError``; the code runs as its author meant only with ``model``
an instance of the class shown. A name is read as a default-built instance of a class when all of
these hold:

* the name is ``model`` or ``net``, or the class's own name in lower case (``classifier`` for
  ``Classifier``); or (round 32, threads22) it is the module's only unbound name that the snippet calls
  (``my_model(x)``) and either treats as a network, by reading its ``.parameters()`` (``Adam(cnn.parameters())``),
  or names as one, with ``model`` or ``net`` as a word of its name (``my_model``, ``lstm_net``, ``model_ft``);
* the module binds the name nowhere: no assignment, parameter, import, loop or ``with`` target,
  ``def``/``class``, ``global``, and the module has no star import;
* the module defines exactly one class whose base is written ``nn.Module``, ``torch.nn.Module`` or
  ``Module`` (the interpreter confirms it is an ``nn.Module``), at its top level;
* the module never reads that class's name, except in ``super(Cls, self)``: a snippet that builds
  the class (``net = Net()``) or hands it on (``Trainer(Net)``) says what it trains, and an unbound
  ``model`` there is something else.

Two model classes, a class used anywhere, or a name the module binds keep the name unknown; so do
two unbound names that each look like the network (``encoder_model`` and ``decoder_model`` for one class
shown), an unbound name that is never called (``model_path``), and a called one with neither sign
(``encoder(x)``).

Round 34 (threads24, a Stack Overflow question): a post that pastes its network's ``forward`` method
without the class around it (``def forward(self, x):`` at the top level, beside ``net_out = net(data)``)
means that method when it calls the network: :func:`pasted_forward` gives the function, called with
``self`` unknown. The same conditions on the name hold; the module must define no class with a
``forward`` method of its own, and exactly one top-level ``forward`` whose first parameter is ``self``.
"""

from __future__ import annotations

import ast
import builtins
import weakref

from lossguard.static.identifier_words import words
from lossguard.static.project import ModuleInfo

#: names a snippet's model goes by, besides the lower-cased class name
MODEL_NAMES = frozenset({"model", "net"})
#: words that name a network inside a longer name (``my_model``, ``lstm_net``, ``modelFT``; rules._snippet_losses reads them too)
MODEL_WORDS = MODEL_NAMES
_BUILTINS = frozenset(dir(builtins))
_MODULE_BASES = frozenset({"nn.Module", "torch.nn.Module", "Module"})


def _module_class(tree: ast.Module) -> ast.ClassDef | None:
    """The only top-level class whose base is written as ``nn.Module`` (or ``torch.nn.Module``,
    ``Module``); None when there is none or more than one."""
    found = [node for node in tree.body if isinstance(node, ast.ClassDef) and any(ast.unparse(b) in _MODULE_BASES for b in node.bases)]
    return found[0] if len(found) == 1 else None


def _bound(node: ast.AST) -> list[str]:
    """The names ``node`` binds (the binding forms of Python a snippet uses)."""
    if isinstance(node, ast.Name):
        return [node.id] if isinstance(node.ctx, (ast.Store, ast.Del)) else []
    if isinstance(node, ast.arg):
        return [node.arg]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, ast.alias):
        return [(node.asname or node.name).split(".")[0]]
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return list(node.names)
    if isinstance(node, ast.ExceptHandler):
        return [node.name] if node.name else []
    return []


_BOUND_NAMES: weakref.WeakKeyDictionary[ast.Module, frozenset[str]] = weakref.WeakKeyDictionary()


def _bound_names(tree: ast.Module) -> frozenset[str]:
    """Every name some statement of the module binds, anywhere (cached per module)."""
    found = _BOUND_NAMES.get(tree)
    if found is None:
        found = _BOUND_NAMES[tree] = frozenset(n for node in ast.walk(tree) for n in _bound(node))
    return found


def _read_outside_super(node: ast.AST, cls_name: str, parents: dict[int, ast.AST]) -> bool:
    """``node`` reads the class's name, other than as the first argument of ``super(...)``."""
    if not (isinstance(node, ast.Name) and node.id == cls_name and isinstance(node.ctx, ast.Load)):
        return False
    parent = parents.get(id(node))
    return not (isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "super" and parent.args[:1] == [node])


_UNBOUND_NETWORKS: weakref.WeakKeyDictionary[ast.Module, frozenset[str]] = weakref.WeakKeyDictionary()


def _unbound_networks(tree: ast.Module, cls_name: str) -> frozenset[str]:
    """The names of :func:`_network_like_names` that nothing binds, but ``cls_name`` (cached per module, the
    class's name taken out at each call)."""
    found = _UNBOUND_NETWORKS.get(tree)
    if found is None:
        found = _UNBOUND_NETWORKS[tree] = frozenset(n for n in _network_like_names(tree) if not bound_anywhere(tree, n))
    return found - {cls_name}


def _network_like_names(tree: ast.Module) -> set[str]:
    """The names the module calls (``name(...)``) and either reads the parameters of
    (``name.parameters()``) or names with a network's word (``my_model``), whatever binds them."""
    called: set[str] = set()
    with_parameters: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            called.add(node.func.id)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "parameters":
            if isinstance(node.func.value, ast.Name):
                with_parameters.add(node.func.value.id)
    return {n for n in called if n in with_parameters or MODEL_WORDS.intersection(words(n))}


def unbuilt_model_class(module: ModuleInfo, name: str) -> ast.ClassDef | None:
    """The class whose default-built instance ``name`` stands for (module docstring); None when the
    snippet does not say."""
    if module.star_imports:
        return None
    cls = _module_class(module.module)
    if cls is None or name == cls.name:
        return None
    if name not in MODEL_NAMES and name != cls.name.lower():
        if _unbound_networks(module.module, cls.name) != {name}:
            return None
    if name in _bound_names(module.module):
        return None
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(module.module):
        if _read_outside_super(node, cls.name, parents):
            return None
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    return cls


def pasted_forward(module: ModuleInfo, name: str) -> ast.FunctionDef | None:
    """The top-level ``def forward(self, ...)`` that an unbound network name stands for (module docstring);
    None when the snippet does not say."""
    if module.star_imports:
        return None
    tree = module.module
    forwards = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name == "forward" and node.args.args[:1] and node.args.args[0].arg == "self"
    ]
    if len(forwards) != 1 or any(
        isinstance(node, ast.ClassDef)
        and any(isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == "forward" for item in node.body)
        for node in tree.body
    ):
        return None
    if name not in MODEL_NAMES and _unbound_networks(tree, "") != {name}:
        return None
    if name in _bound_names(tree):
        return None
    return forwards[0]


def bound_anywhere(tree: ast.Module, name: str) -> bool:
    """Whether any statement of the module binds ``name`` (as :func:`_bound`), or Python does."""
    return name in _BUILTINS or name in _bound_names(tree)
