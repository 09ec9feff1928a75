"""A list an object keeps that another method of its class back-propagates, and that the class empties.

Round 30 (sweep20, p-christ/Deep-Reinforcement-Learning-Algorithms-with-PyTorch's REINFORCE agent): the episode
loop ``while not self.done`` calls ``self.pick_and_conduct_action_and_save_log_probabilities()``, which appends
each step's log-probability to ``self.episode_log_probabilities``, and at the episode's end ``self.actor_learn()``,
whose loss is built from that list (``for log_prob in self.episode_log_probabilities: policy_loss.append(-log_prob
* R)``, ``torch.cat(policy_loss).sum()``, in a method it calls) and back-propagated. ``reset_game``, which the
base class's outer loop calls before each episode, empties the list. The graphs the list holds are the ones the
update needs: the standard shape of a REINFORCE episode buffer, not a leak. LG006's walk through the called method
(``meter.update(loss)`` keeping a sum) looked for a reset called from the loop (``_sibling_resets.py``) and found
none, since the reset runs in a loop of another file.

Here a list counts as consumed when the loop calls, on the same receiver, a method of the class that
back-propagates a value computed from ``self.<attr>`` (in that method, or in a method of the class it calls on
``self`` whose returned value is computed from it: names bound from it by assignment, ``for x in``, a
comprehension, or ``y.append(...)`` / ``y.extend(...)`` of it), and some method of the class other than
``__init__`` empties it (``_sibling_resets.empties``). Both are needed: a list back-propagated but never emptied grows for the whole run
(its second backward raises), and a list emptied by a method the loop never calls whose update back-propagates
something else keeps graphs no backward needs (both still reported).
"""

from __future__ import annotations

import ast

from lossguard.static.project import ModuleInfo
from lossguard.static.rules._sibling_resets import empties, own_attribute_class

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)
_STORES = frozenset(("append", "extend", "insert"))


def backpropagated_by_a_sibling(loop: ast.AST, receiver: str, loop_module: ModuleInfo, method: ast.AST, target: ast.expr, module: ModuleInfo) -> bool:
    """Whether ``target`` (``self.<attr>`` in ``method``, a method of a class of ``module``) is back-propagated by
    a method of that class that ``loop`` calls on ``receiver`` (its source text in ``loop_module``), and emptied by
    some method of the class."""
    cls = own_attribute_class(method, target, module)
    if cls is None or not isinstance(target, ast.Attribute):
        return False
    methods = {f.name: f for f in cls.body if isinstance(f, _FUNCS) and f.args.args}
    if not any(empties(f, target.attr) for name, f in methods.items() if name != "__init__"):
        return False  # `__init__` makes the list; only a later reset empties it
    # the methods whose returned value is computed from the list, then those that back-propagate it
    carriers: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, fn in methods.items():
            if name not in carriers and _returns_derived(fn, target.attr, carriers):
                carriers.add(name)
                changed = True
    training = {name for name, fn in methods.items() if _backpropagates_derived(fn, target.attr, carriers)}
    changed = True
    while changed:  # `self.learn()` that calls `self.update()`, which back-propagates
        changed = False
        for name, fn in methods.items():
            if name not in training and _calls_own(fn, training):
                training.add(name)
                changed = True
    for node in ast.walk(loop):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in training
            and methods[node.func.attr] is not method
            and loop_module.segment(node.func.value) == receiver
        ):
            return True
    return False


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def _stored(target: ast.expr) -> list[str]:
    """The names an assignment target binds: ``a``, ``self.a``, each of a tuple, the container of ``d[k]``."""
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for el in target.elts for n in _stored(el.value if isinstance(el, ast.Starred) else el)]
    if isinstance(target, ast.Subscript):
        target = target.value
    name = _dotted(target)
    return [] if name is None else [name]


def _derived(fn: ast.FunctionDef | ast.AsyncFunctionDef, attr: str, carriers: set[str]) -> set[str]:
    """``self.<attr>`` and every name ``fn`` computes from it, or from a call of a carrier method on ``self``."""
    me = fn.args.args[0].arg
    flows: list[tuple[list[str], ast.AST]] = []
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign):
            flows.append(([n for t in node.targets for n in _stored(t)], node.value))
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and node.value is not None:
            flows.append((_stored(node.target), node.value))
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            flows.append((_stored(node.target), node.iter))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _STORES:
            flows.append((_stored(node.func.value), node))
    names = {f"{me}.{attr}"}
    changed = True
    while changed:
        changed = False
        for targets, value in flows:
            new = [t for t in targets if t not in names]
            if new and _mentions(value, names, me, carriers):
                names.update(new)
                changed = True
    return names


def _mentions(expr: ast.AST, names: set[str], me: str, carriers: set[str]) -> bool:
    for node in ast.walk(expr):
        if isinstance(node, (ast.Name, ast.Attribute)) and _dotted(node) in names:
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in carriers and _dotted(node.func.value) == me:
            return True
    return False


def _returns_derived(fn: ast.FunctionDef | ast.AsyncFunctionDef, attr: str, carriers: set[str]) -> bool:
    names = _derived(fn, attr, carriers)
    me = fn.args.args[0].arg
    return any(isinstance(n, ast.Return) and n.value is not None and _mentions(n.value, names, me, carriers) for n in ast.walk(fn))


def _backpropagates_derived(fn: ast.FunctionDef | ast.AsyncFunctionDef, attr: str, carriers: set[str]) -> bool:
    names = _derived(fn, attr, carriers)
    me = fn.args.args[0].arg
    for node in ast.walk(fn):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "backward":
            if any(_mentions(e, names, me, carriers) for e in (node.func.value, *node.args)):
                return True
    return False


def _calls_own(fn: ast.FunctionDef | ast.AsyncFunctionDef, names: set[str]) -> bool:
    me = fn.args.args[0].arg
    return any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in names and _dotted(n.func.value) == me for n in ast.walk(fn)
    )
