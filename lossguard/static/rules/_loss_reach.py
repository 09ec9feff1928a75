"""Which networks a back-propagated loss reaches, and which networks an optimizer holds (LG018).

Text and AST facts, read in the function that back-propagates the loss. A loss reaches a network when, among the
calls it is computed from (followed through the names it reads, back through their assignments before the
``backward()`` in the same function), one calls that network or a part of it (``D(fake)``, ``model.encoder(x)``
for a network ``model``). Nothing is followed through ``.detach()``, ``.data``, ``.item()`` or an assignment made
under ``torch.no_grad()`` / ``torch.inference_mode()``: no gradient flows back through them. A call of a network
that holds the one asked about (``self.vae(img)`` for ``self.vae.discr``) is no evidence: what its forward does
with the part is not read.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lossguard.static import torch_api as api
from lossguard.static.rules._graph_evidence import call_name
from lossguard.static.scope_nodes import SCOPES, scope_nodes
from lossguard.static.tree_index import call_assignments
from lossguard.static.values import Optimizer

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)
#: calls and attributes through which no gradient flows back to what they read
_CUT_CALLS = frozenset({"detach", "item", "detach_", "numpy", "tolist", "no_grad"})
_CUT_ATTRS = frozenset({"data"})
_NO_GRAD_BLOCKS = ("no_grad", "inference_mode")
#: methods of a tensor (``out.view(-1)``, ``scores.mean()``): the receiver is data the loss is computed from; any other
#: method's receiver (``model.encoder(x)``, ``self.d(features)``) is the network called
_DATA_METHODS = frozenset(
    {
        *api.VALUE_KEEPING_METHODS,
        *api.REDUCING_METHODS,
        *api.ELEMENTWISE_METHODS,
        *api.FLOAT_METHODS,
        *api.INT_METHODS,
        *api.ROW_SELECTION_METHODS,
        *"sigmoid softmax log_softmax exp log pow clamp clamp_ gather norm max min prod std var repeat mul add sub div matmul mm bmm masked_fill squeeze sum".split(),
    }
)
#: callers that back-propagate their first argument (``accelerator.backward(loss)``, ``fabric.backward(loss)``)
_BACKWARD_OWNERS = ("accelerat", "fabric", "engine")


def part_of(name: str, owner: str) -> bool:
    """``name`` is ``owner`` or one of its attributes (``model.encoder`` of ``model``)."""
    return name == owner or name.startswith(owner + ".")


def overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Some module of ``a`` is, holds or is held by some module of ``b``."""
    return any(part_of(x, y) or part_of(y, x) for x in a for y in b)


def backpropagated(call: ast.Call) -> ast.expr | None:
    """What ``call`` back-propagates: ``X`` of ``X.backward()``, ``scaler.scale(X).backward()``,
    ``self.manual_backward(X)``, ``accelerator.backward(X)``, ``torch.autograd.backward(X)`` (or ``backward(X)``,
    imported from it)."""
    func = call.func
    if isinstance(func, ast.Name):
        return call.args[0] if func.id == "backward" and call.args else None
    if not isinstance(func, ast.Attribute):
        return None
    receiver = func.value
    last = receiver.attr if isinstance(receiver, ast.Attribute) else receiver.id if isinstance(receiver, ast.Name) else ""
    if func.attr == "manual_backward" or last == "autograd" or any(k in last.lower() for k in _BACKWARD_OWNERS):
        return call.args[0] if call.args else None
    if func.attr != "backward":
        return None
    if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute) and receiver.func.attr == "scale" and len(receiver.args) == 1:
        return receiver.args[0]
    return receiver


#: per file (the last few read), the innermost function holding each node, by the node's id
_FUNCTION_MAPS: dict[int, tuple[ast.AST, dict[int, ast.AST]]] = {}
#: per file, the attributes each plain name is stored in (``self.vae = vae``)
_STORED: dict[int, tuple[ast.AST, dict[str, list[str]]]] = {}
_CACHED_FILES = 4


def _function_map(tree: ast.AST) -> dict[int, ast.AST]:
    cached = _FUNCTION_MAPS.get(id(tree))
    if cached is not None and cached[0] is tree:
        return cached[1]
    found: dict[int, ast.AST] = {}
    stack: list[tuple[ast.AST, ast.AST]] = [(tree, tree)]
    while stack:
        node, fn = stack.pop()
        found[id(node)] = fn
        inner = node if isinstance(node, _FUNCS) else fn
        stack.extend((child, inner) for child in ast.iter_child_nodes(node))
    if len(_FUNCTION_MAPS) >= _CACHED_FILES:
        _FUNCTION_MAPS.clear()
    _FUNCTION_MAPS[id(tree)] = (tree, found)
    return found


def enclosing_function(node: ast.AST, tree: ast.AST) -> ast.AST:
    """The innermost function whose body holds ``node`` (the module when none does)."""
    return _function_map(tree).get(id(node), tree)


def _no_grad_ids(scope: ast.AST) -> set[int]:
    """Ids of the statements under a ``with torch.no_grad()`` / ``torch.inference_mode()`` block of ``scope``."""
    ids: set[int] = set()
    for node in scope_nodes(scope):
        if isinstance(node, (ast.With, ast.AsyncWith)) and any(
            isinstance(item.context_expr, ast.Call) and call_name(item.context_expr) in _NO_GRAD_BLOCKS for item in node.items
        ):
            ids.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return ids


def loss_callees(backward: ast.Call, module: ModuleInfo) -> set[str] | None:
    """The source texts of the callees of every call the back-propagated loss is computed from through a path that
    carries gradients (see the module's text); None when the loss is not known."""
    found = _trace(backward, module)
    return None if found is None else found.used


def loss_calls(backward: ast.Call, module: ModuleInfo) -> list[ast.Call]:
    """The calls of networks (or functions) the loss ``backward`` back-propagates is computed from."""
    found = _trace(backward, module)
    return [] if found is None else found.calls


def judged_detached(backward: ast.Call, module: ModuleInfo) -> set[str]:
    """The callees that the loss ``backward`` back-propagates calls on a detached input (``D(fake.detach())``): the
    networks that loss trains as judges of another network's output, without training that network."""
    found = _trace(backward, module)
    return set() if found is None else found.judged


def shared_outputs(first: ast.Call, second: ast.Call, owners: tuple[str, ...], module: ModuleInfo) -> bool:
    """Whether both back-propagated losses read (through a path that carries gradients) one name bound from a call of
    one of ``owners`` (``dis_logits = self.d(features)`` in both the discriminator's and the encoder's loss): two
    objectives of the same scores, the second network trained against the first on them."""
    a, b = _trace(first, module), _trace(second, module)
    if a is None or b is None or enclosing_function(first, module.module) is not enclosing_function(second, module.module):
        return False
    for name in a.names & b.names:
        for value in a.bindings.get(name, ()):
            if isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute)):
                callee = module.segment(value.func)
                if any(part_of(callee, o) for o in owners):
                    return True
    return False


@dataclass
class _Traced:
    used: set[str]  # callees of the calls the loss is computed from
    judged: set[str]  # those called on a detached input
    names: set[str]  # the names (and ``self.x`` texts) it reads
    calls: list[ast.Call]  # the calls of networks (or functions) it is computed from
    bindings: dict[str, list[ast.expr]]  # the values assigned to each of them before the backward()


def detached(expr: ast.AST) -> bool:
    """``expr`` hands on no gradient: it holds a ``.detach()`` / ``.detach_()`` call or reads ``.data``."""
    return any(
        isinstance(n, ast.Call) and call_name(n) in ("detach", "detach_") or isinstance(n, ast.Attribute) and n.attr in _CUT_ATTRS
        for n in ast.walk(expr)
    )


def _bound_detached(arg: ast.expr, assigns: Sequence[ast.stmt]) -> bool:
    """``arg`` is a name every assignment of which (among ``assigns``) binds it alone to a detached value
    (``fake = G(z).detach()`` then ``D(fake)``: a judge of a detached input, as ``D(G(z).detach())``)."""
    if not isinstance(arg, ast.Name):
        return False
    values: list[ast.expr] = []
    for a in assigns:
        targets = a.targets if isinstance(a, ast.Assign) else [a.target] if isinstance(a, (ast.AugAssign, ast.AnnAssign)) else []
        for target in targets:
            if isinstance(target, ast.Name) and target.id == arg.id and isinstance(a, ast.Assign) and a.value is not None:
                values.append(a.value)
            elif any(isinstance(t, ast.Name) and t.id == arg.id for t in ast.walk(target)):
                return False  # bound some other way (an augmented assignment, an unpacking)
    return bool(values) and all(detached(v) for v in values)


#: the traces made lately, by the id of the ``backward()`` call (a finding asks for one several times)
_TRACES: dict[int, tuple[ast.Call, _Traced | None]] = {}


def _trace(backward: ast.Call, module: ModuleInfo) -> _Traced | None:
    cached = _TRACES.get(id(backward))
    if cached is not None and cached[0] is backward:
        return cached[1]
    if len(_TRACES) >= 256:
        _TRACES.clear()
    found = _trace_uncached(backward, module)
    _TRACES[id(backward)] = (backward, found)
    return found


def _trace_uncached(backward: ast.Call, module: ModuleInfo) -> _Traced | None:
    loss = backpropagated(backward)
    if loss is None:
        return None
    scope = enclosing_function(backward, module.module)
    no_grad = _no_grad_ids(scope)
    assigns = [
        n
        for n in scope_nodes(scope)
        if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and n.lineno < backward.lineno and id(n) not in no_grad
    ]
    used: set[str] = set()
    judged: set[str] = set()
    seen: set[str] = set()
    bindings: dict[str, list[ast.expr]] = {}
    calls: list[ast.Call] = []
    todo: list[ast.AST] = [loss]
    while todo and len(seen) < 300:
        expr = todo.pop()
        stack = [expr]
        while stack:
            n = stack.pop()
            if isinstance(n, ast.Call) and call_name(n) in _CUT_CALLS:
                continue
            if isinstance(n, ast.Attribute) and n.attr in _CUT_ATTRS:
                continue
            if isinstance(n, ast.Call):
                func = n.func
                if isinstance(func, ast.Attribute) and func.attr in _DATA_METHODS:
                    stack.append(func.value)  # a tensor's method: its receiver is data
                elif isinstance(func, (ast.Name, ast.Attribute, ast.Subscript)):
                    # a network (or a function) called: recorded, its own text not followed as data
                    called = func.value if isinstance(func, ast.Subscript) else func
                    if not (isinstance(called, ast.Attribute) and called.attr in api.MODULE_ATTRIBUTES and called.attr != "forward"):
                        used.add(module.segment(called))
                        calls.append(n)
                        if any(detached(a) or _bound_detached(a, assigns) for a in n.args):
                            judged.add(module.segment(called))
                    if isinstance(func, ast.Subscript):
                        stack.append(func.slice)
                else:
                    stack.append(func)
                cut = module.detached_args.get(id(n), frozenset())  # arguments the callee cuts (interp.detached_args)
                stack.extend(a for i, a in enumerate(n.args) if i not in cut)
                stack.extend(k.value for k in n.keywords)
                continue
            if isinstance(n, ast.Name) and n.id not in seen:
                seen.add(n.id)
                for a in assigns:
                    targets = a.targets if isinstance(a, ast.Assign) else [a.target]
                    if a.value is not None and any(isinstance(t, ast.Name) and t.id == n.id for tg in targets for t in ast.walk(tg)):
                        todo.append(a.value)
                        bindings.setdefault(n.id, []).append(a.value)
            elif isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load):
                # `self.fake` read in the loss: followed through the function's assignments to the same text
                text = module.segment(n)
                if text not in seen:
                    seen.add(text)
                    for a in assigns:
                        targets = a.targets if isinstance(a, ast.Assign) else [a.target]
                        if a.value is not None and any(module.segment(t) == text for tg in targets for t in ast.walk(tg)):
                            todo.append(a.value)
            stack.extend(c for c in ast.iter_child_nodes(n) if not isinstance(c, SCOPES))
    return _Traced(used=used, judged=judged, names=seen, calls=calls, bindings=bindings)


def flipped_targets(first: ast.Call, second: ast.Call, module: ModuleInfo) -> bool:
    """Whether the two back-propagated losses are one loss call on the same prediction with the target flipped:
    ``cost(logits, labels)`` and ``cost(logits, 1 - labels)`` (each written in the ``backward()`` or assigned to the
    name it back-propagates): the second network is trained against the first on the same output."""
    calls = [_loss_call(b, module) for b in (first, second)]
    a, b = calls
    if a is None or b is None or len(a.args) != 2 or len(b.args) != 2:
        return False
    if module.segment(a.func) != module.segment(b.func) or module.segment(a.args[0]) != module.segment(b.args[0]):
        return False
    ta, tb = (module.segment(x) for x in (a.args[1], b.args[1]))
    return tb.replace(" ", "") == f"1-{ta}" or ta.replace(" ", "") == f"1-{tb}"


def _loss_call(backward: ast.Call, module: ModuleInfo) -> ast.Call | None:
    loss = backpropagated(backward)
    if isinstance(loss, ast.Call):
        return loss
    if not isinstance(loss, ast.Name):
        return None
    scope = enclosing_function(backward, module.module)
    assigns = [
        n
        for n in scope_nodes(scope)
        if isinstance(n, ast.Assign) and n.lineno < backward.lineno and any(isinstance(t, ast.Name) and t.id == loss.id for t in n.targets)
    ]
    last = max(assigns, key=lambda n: n.lineno, default=None)
    return last.value if last is not None and isinstance(last.value, ast.Call) else None


def reaches(backward: ast.Call, owners: tuple[str, ...], module: ModuleInfo) -> str | None:
    """The callee, among the calls the loss ``backward`` back-propagates is computed from through a path that carries
    gradients, that is one of ``owners`` or a part of one (``model.encoder`` for ``model``); None when none is."""
    used = loss_callees(backward, module)
    if not used or not owners:
        return None
    for callee in sorted(used):
        name = callee[: -len(".forward")] if callee.endswith(".forward") else callee
        if any(part_of(name, o) for o in owners):
            return name
    return None


def param_holdings(optimizer: str, receiver: object, module: ModuleInfo) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The source texts of the modules whose parameters the optimizer written ``optimizer`` holds, and of those its
    assignments take out of them (``set(vae.parameters()) - set(vae.discr.parameters())``: ``vae.discr``).

    The owners: the interpreter's reading of it (``receiver``), else what the file's assignments to that text build it
    over: ``X.parameters()`` / ``X.named_parameters()`` written in the call, or in the assignments of a name it is given
    in the same function (``params = list(model.parameters())``). Assignments of it over anything else (a list of
    unknown origin, a filtered comprehension) are passed over when another builds it over known modules, that path is
    then the one read; () when none does. Each owner, and each module taken out, also under the attribute the file
    stores it in (``self.vae = vae``)."""
    return _owners(optimizer, receiver, module)


def param_owners(optimizer: str, receiver: object, module: ModuleInfo) -> tuple[str, ...]:
    """The owners of :func:`param_holdings` alone."""
    return _owners(optimizer, receiver, module)[0]


def apart(owners: tuple[str, ...], excluded: tuple[str, ...], others: tuple[str, ...]) -> bool:
    """Whether modules ``owners`` less ``excluded`` share no parameter with ``others``: every module of one that is,
    holds or is held by one of the other is among (or inside) the excluded ones."""
    for o in owners:
        for x in others:
            if part_of(x, o) and any(part_of(x, e) for e in excluded):
                continue
            if part_of(x, o) or part_of(o, x):
                return False
    return True


def _owners(optimizer: str, receiver: object, module: ModuleInfo) -> tuple[tuple[str, ...], tuple[str, ...]]:
    owners: list[str] = list(receiver.params) if isinstance(receiver, Optimizer) else []
    excluded: list[str] = []
    if not owners:
        for node in call_assignments(module.module, optimizer, module.segment):
            found, out = _built_over(node, module)
            owners += [o for o in found if o not in owners]
            excluded += [o for o in out if o not in excluded]
    return (
        tuple(owners + [a for a in _aliases(owners, module) if a not in owners]),
        tuple(excluded + [a for a in _aliases(excluded, module) if a not in excluded]),
    )


def _aliases(owners: list[str], module: ModuleInfo) -> list[str]:
    """The attributes the file stores each owner's first name in (``self.discr = discr`` in ``__init__``, where the
    optimizer is built over ``discr.parameters()``; ``self.vae.discr`` for ``vae.discr``)."""
    if not owners:
        return []
    stored = _stored_names(module)
    out: list[str] = []
    for o in owners:
        head, _, rest = o.partition(".")
        out += [f"{a}.{rest}" if rest else a for a in stored.get(head, [])]
    return out


def _stored_names(module: ModuleInfo) -> dict[str, list[str]]:
    tree = module.module
    cached = _STORED.get(id(tree))
    if cached is not None and cached[0] is tree:
        return cached[1]
    stored: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name):
            stored.setdefault(node.value.id, []).extend(
                module.segment(t) for t in node.targets if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name)
            )
    if len(_STORED) >= _CACHED_FILES:
        _STORED.clear()
    _STORED[id(tree)] = (tree, stored)
    return stored


def _built_over(assign: ast.Assign, module: ModuleInfo) -> tuple[list[str], list[str]]:
    """The receivers of unfiltered ``.parameters()`` / ``.named_parameters()`` calls the optimizer call of ``assign``
    reads, directly or through names assigned in the same function, and those taken out of them (the right side of a
    ``-``, a set difference)."""
    scope = enclosing_function(assign, module.module)
    assigns = [n for n in scope_nodes(scope) if isinstance(n, ast.Assign) and n.lineno < assign.lineno]
    found: list[str] = []
    excluded: list[str] = []
    seen: set[str] = set()
    todo: list[tuple[ast.AST, bool]] = [(assign.value, False)]
    while todo:
        node, out = todo.pop()
        if isinstance(node, ast.comprehension) and node.ifs:
            return [], []  # a filtered subset: which parameters it keeps is not read
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub):
            todo += [(node.left, out), (node.right, not out)]
            continue
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("parameters", "named_parameters")
            and not node.args
        ):
            (excluded if out else found).append(module.segment(node.func.value))
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in seen:
            seen.add(node.id)
            todo += [(a.value, out) for a in assigns if any(isinstance(t, ast.Name) and t.id == node.id for t in a.targets)]
        todo += [(c, out) for c in ast.iter_child_nodes(node)]
    return found, excluded
