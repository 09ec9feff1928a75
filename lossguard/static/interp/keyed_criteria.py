"""A criterion picked from a dict of criteria by a key the checker cannot know.

Round 36 (mut26, explainingai-code/VQVAE-Pytorch's ``train``): the reconstruction criterion is one
of a dict display, picked by the configuration's string::

    criterion = {
        'l1': torch.nn.L1Loss(),
        'l2': torch.nn.MSELoss(),
    }.get(config['train_params']['crit'])

The key is read from a file, so the dict's values were joined (``d[key]`` reads as what every value
has in common), and two different loss modules have nothing in common: the criterion was unknown and
every rule stayed silent, even with ``reduction='none'`` on both. A lookup (``d[key]`` or
``d.get(key)``) of a dict display whose values are all torch loss modules or functions, not all the
same, is the choice the key makes among them: a chain of :class:`~.guards.GuardedChoice` over the
key's expression (``config['crit'] == 'l1'``, then ``'l2'``), which a call runs option by option
(:mod:`.loss_choices`), as it does for a criterion an ``if`` chain picks. An unknown key of ``d[key]``
raises and one of ``d.get(key)`` gives ``None``, which is not callable: every run that calls the
criterion calls one of the options.

Only a key written as a name, an attribute or a subscript by a literal (``cfg.loss``,
``config['crit']``, ``name``, not the target of a loop around the lookup) is read this way, once (``.get`` with a default, or a key computed by a
call, is left as before); any value that is not a torch loss (a loss written by hand, a class to be
called) leaves the lookup to the join.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from lossguard.static.interp.guards import GuardedChoice
from lossguard.static.interp.loss_choices import _torch_loss as torch_loss
from lossguard.static.values import DictVal, Value


def plain_key(node: ast.expr) -> bool:
    """A key read without running anything: ``name``, ``cfg.loss``, ``config['train']['crit']``."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        if isinstance(node, ast.Subscript) and not isinstance(node.slice, ast.Constant):
            return False
        node = node.value
    return isinstance(node, ast.Name)


def loop_target(key: ast.expr, loops: Sequence[ast.stmt]) -> bool:
    """``key`` is a name a loop around the lookup binds (``for name in losses: losses[name](...)`` runs
    every value in turn: the join of them stands)."""
    if not isinstance(key, ast.Name):
        return False
    return any(
        isinstance(loop, (ast.For, ast.AsyncFor)) and any(isinstance(n, ast.Name) and n.id == key.id for n in ast.walk(loop.target)) for loop in loops
    )


def keyed_choice(table: DictVal, key: ast.expr, loops: Sequence[ast.stmt] = ()) -> Value | None:
    """The choice ``table[key]`` (``table.get(key)``) makes among the criteria ``table`` holds, by a key
    not known here; None when a value is not a torch loss, the values are all the same, or the key is
    not plain or is a loop's target."""
    items = table.items
    if len(items) < 2 or not plain_key(key) or loop_target(key, loops) or not all(torch_loss(v) for _, v in items):
        return None
    if all(v == items[0][1] for _, v in items[1:]):
        return None  # one criterion under several names: the join keeps it
    subject, text = ast.dump(key), ast.unparse(key)
    chosen: Value = items[-1][1]
    for literal, value in reversed(items[:-1]):
        chosen = GuardedChoice(subject, literal, value, chosen, text=text)
    return chosen
