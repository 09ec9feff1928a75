"""A dict comprehension over a literal list of keys: ``{x: f(x) for x in ['train', 'val']}``.

Round 29 (recall25): the PyTorch transfer-learning tutorial, and the many scripts that follow it,
build the datasets and loaders of every phase in one comprehension each::

    image_datasets = {x: datasets.ImageFolder(os.path.join(root, x), data_transforms[x]) for x in ['train', 'val']}
    dataloaders = {x: DataLoader(image_datasets[x], batch_size=4, shuffle=True) for x in ['train', 'val']}
    ...
    for phase in ['train', 'val']:
        for inputs, labels in dataloaders[phase]:

Every key is written in the code, so the dict is known key by key: the value is read once per key
with the loop's name bound to that key (``data_transforms[x]`` reads that phase's pipeline), as a
dict literal of those items would be. Only for one loop with no filter, whose target is one name
and the key that name itself, over a list, tuple or set written as literals of strings (at most
:data:`MAX_KEYS`); anything else is read as before (unknown).
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.values import Const, DictVal, Value

#: the most keys read one by one (more: the comprehension is read as before)
MAX_KEYS = 8


def literal_keys(node: ast.DictComp) -> tuple[str, list[str]] | None:
    """The loop's name and the keys, for ``{x: ... for x in ['a', 'b']}``; None in any other shape."""
    if len(node.generators) != 1:
        return None
    comp = node.generators[0]
    if comp.ifs or comp.is_async or not isinstance(comp.target, ast.Name):
        return None
    if not isinstance(node.key, ast.Name) or node.key.id != comp.target.id:
        return None
    if not isinstance(comp.iter, (ast.List, ast.Tuple, ast.Set)) or not 0 < len(comp.iter.elts) <= MAX_KEYS:
        return None
    keys = [e.value for e in comp.iter.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if len(keys) != len(comp.iter.elts) or len(set(keys)) != len(keys):
        return None
    return comp.target.id, keys


def keyed_items(interp: Any, node: ast.DictComp, frame: Any, env: Any) -> Value | None:
    """The dict ``{x: v for x in ['a', 'b']}`` builds, each value read with ``x`` bound to its key."""
    found = literal_keys(node)
    if found is None:
        return None
    var, keys = found
    return DictVal(tuple(sorted((k, interp.ev(node.value, frame, {**env, var: Const(k)})) for k in keys)))
