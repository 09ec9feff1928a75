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

Round 31 (mut21): the keys may also be a name bound to such a display (``SPLIT_NAMES = ["train",
"validation", "test"]`` at the top of the module, then ``{split: Dataset(data[split]) for split in
SPLIT_NAMES}``): the name holds the same strings, one by one, and is read the same way. A name
whose value is not known key by key (a list built at run time, a parameter) is read as before.
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.comprehension_loops import keyed_loop
from lossguard.static.values import Const, DictVal, TupleVal, Value

#: the most keys read one by one (more: the comprehension is read as before)
MAX_KEYS = 8


def _distinct_keys(keys: list[object], count: int) -> list[str] | None:
    """``keys`` when they are ``count`` distinct strings, at most :data:`MAX_KEYS` of them."""
    strs = [k for k in keys if isinstance(k, str)]
    if not 0 < count <= MAX_KEYS or len(strs) != count or len(set(strs)) != count:
        return None
    return strs


def literal_keys(node: ast.DictComp) -> tuple[str, list[str]] | None:
    """The loop's name and the keys, for ``{x: ... for x in ['a', 'b']}``; None in any other shape."""
    found = keyed_loop(node)
    if found is None or not isinstance(found[0].iter, (ast.List, ast.Tuple, ast.Set)):
        return None
    elts = found[0].iter.elts
    keys = _distinct_keys([e.value for e in elts if isinstance(e, ast.Constant)], len(elts))
    return None if keys is None else (found[1], keys)


def _named_keys(interp: Any, node: ast.DictComp, frame: Any, env: Any) -> tuple[str, list[str]] | None:
    """The loop's name and the keys, for ``{x: ... for x in NAMES}`` where ``NAMES`` holds a display
    of string literals (``NAMES = ["train", "test"]``)."""
    found = keyed_loop(node)
    if found is None or not isinstance(found[0].iter, ast.Name):
        return None
    held = interp.ev(found[0].iter, frame, env)
    if not isinstance(held, TupleVal) or not all(isinstance(item, Const) for item in held.items):
        return None
    keys = _distinct_keys([item.value for item in held.items if isinstance(item, Const)], len(held.items))
    return None if keys is None else (found[1], keys)


def keyed_items(interp: Any, node: ast.DictComp, frame: Any, env: Any) -> Value | None:
    """The dict ``{x: v for x in ['a', 'b']}`` (or ``for x in NAMES``) builds, each value read with
    ``x`` bound to its key."""
    found = literal_keys(node) or _named_keys(interp, node, frame, env)
    if found is None:
        return None
    var, keys = found
    return DictVal(tuple(sorted((k, interp.ev(node.value, frame, {**env, var: Const(k)})) for k in keys)))
