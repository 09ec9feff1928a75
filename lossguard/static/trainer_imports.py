"""Files the prefilter skips that call a training function they import: what they pass is the model.

Round 25 (realcode_heldout16 opened, adap/flower's FLANDERS baseline): a federated client module
names no loss and never calls ``backward()`` (so the prefilter skips it), defines its client classes
and nothing at module level (so it drives nothing by :func:`lossguard.static.prefilter.imported_names`),
yet its ``fit`` method calls ``train_digits(self.net, ...)``, imported by name from the module that
holds the network and the training loop. Analysed alone, ``train_digits`` scores an unknown
``model`` with ``nn.CrossEntropyLoss``; the network it is given ends in ``F.log_softmax``.

A skipped file that imports a function by name (``from .models import train_digits``) and calls
that name is analysed after the other files of its batch, when the module it names was analysed in
the batch and defines, at its top level, a function of that name that runs ``backward()`` itself or
through the module's functions it calls (:meth:`lossguard.static.facts.ModuleFacts.trainers`). Only
the calls it makes tell the training function more; nothing else about the file changes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

from lossguard.static.prefilter import module_names
from lossguard.static.project import ModuleInfo

#: (the last part of the module's name, the function's name)
Imported = tuple[str, str]


def called_imports(tree: ast.Module) -> frozenset[Imported]:
    """The functions the file imports by name from a module and calls by that name somewhere:
    ``from .models import train_digits`` with ``train_digits(self.net, ...)`` in a method."""
    bound: dict[str, Imported] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            last = node.module.rsplit(".", 1)[-1]
            for alias in node.names:
                if alias.name != "*":
                    bound[alias.asname or alias.name] = (last, alias.name)
    if not bound:
        return frozenset()
    return frozenset(
        bound[node.func.id] for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in bound
    )


def training_functions(infos: Iterable[ModuleInfo]) -> frozenset[Imported]:
    """The top-level functions of these analysed modules that run ``backward()``, under each name
    the module can be imported by."""
    found: set[Imported] = set()
    for info in infos:
        trainers = info.facts.trainers(info.module)
        if not trainers:
            continue
        names = module_names(info.path)
        for node in info.module.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in trainers:
                found.update((name, node.name) for name in names)
    return frozenset(found)
