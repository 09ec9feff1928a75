"""Three shapes of LG017's backward-clear-step order that its straight-line reading missed (round 38, mutations of real
code). Each is a rule about code:

* **A scheduler's ``step()`` touches no gradient.** dagaji/deeplabv3-pytorch's ``train`` steps its learning-rate
  scheduler every batch between ``loss.backward()`` and the update; LG017 read any call there that is not bookkeeping
  as a helper that may back-propagate or step, and stayed silent. A ``.step()`` whose receiver is named for a scheduler
  (``scheduler``, ``lr_scheduler``, ``self.sched``) and that the interpreter does not read as an optimizer is
  bookkeeping here.
* **An ``if`` after the backward whose body clears and then steps runs that pair in the wrong order whenever it runs.**
  The same ``train`` accumulates gradients and updates under ``if _iter % iter_size == 0:``; with the body's two calls
  swapped (``optimizer.zero_grad()`` then ``optimizer.step()``) every update applies nothing. The body is read as the
  continuation of the statements after the backward, when the ``if`` has no ``else`` and its own statements hold
  both the clear and, after it, a step.
* **A helper that ends in ``backward()`` is the backward of the loop that calls it.** jonad/AnoGan-Pytorch's
  ``train_generator(discriminator, data, label, criterion)`` computes the loss, calls ``error.backward()`` and returns;
  the loop clears the generator after that call and then steps it. Where a function's own body calls backward() and
  then only returns, each statement of the loop that calls it (by name, ``x = f(...)`` or ``f(...)``) is read as a
  backward() at that place.

Round 39 (mutations of real code) added a fourth:

* **A loop that clamps each parameter's gradient in place clips, as ``clip_grad_value_`` does.** ncarrara/continous-dqn's
  DQN update (PyTorch's DQN tutorial's shape) runs ``for param in self.policy_net.parameters(): param.grad.data.clamp_(-1,
  1)`` between ``loss.backward()`` and ``self.optimizer.step()``; with ``zero_grad()`` moved after the backward, the loop
  clamps the cleared gradients and the step applies nothing. The loop read as code that sets gradients out of sight
  and LG017 stayed silent. A ``for`` over ``<x>.parameters()`` whose body (or the body of its ``if p.grad is not None:``)
  only calls an in-place ``clamp_``/``clip_``/``mul_``/``div_`` on ``p.grad`` or ``p.grad.data`` puts no gradient back.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from lossguard.static.events import BACKWARD_CALLS
from lossguard.static.rules._graph_evidence import call_name
from lossguard.static.rules._loss_reach import enclosing_function
from lossguard.static.rules.lg014_missing_zero_grad import GRAD_ATTRS
from lossguard.static.scope_nodes import own_nodes
from lossguard.static.tree_index import class_of_member
from lossguard.static.values import Optimizer


def scheduler_step(call: ast.Call, receiver: object) -> bool:
    """``call`` is ``<scheduler>.step(...)``: its receiver written with a name holding ``sched`` and not read as an
    optimizer (``receiver``, the interpreter's value of it, when known)."""
    if call_name(call) != "step" or not isinstance(call.func, ast.Attribute) or isinstance(receiver, Optimizer):
        return False
    owner = call.func.value
    name = owner.attr if isinstance(owner, ast.Attribute) else owner.id if isinstance(owner, ast.Name) else ""
    return "sched" in name.lower()


def _clear_then_step(body: list[ast.stmt]) -> bool:
    """``body`` holds, as statements of its own, a ``zero_grad()`` call and after it a ``step()`` call."""
    names = [call_name(s.value) if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) else "" for s in body]
    return "zero_grad" in names and "step" in names[names.index("zero_grad") + 1 :]


def following(stmts: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements ``stmts`` (those after a backward() in its list), an ``if`` without ``else`` whose body clears and
    then steps replaced by that body, the reading stopping at its end."""
    for stmt in stmts:
        if isinstance(stmt, ast.If) and not stmt.orelse and _clear_then_step(stmt.body):
            yield from stmt.body
            return
        yield stmt


def ends_in_backward(fn: ast.AST) -> bool:
    """``fn`` is a function whose own body calls backward() as a statement and after it only returns, with no call but
    reading the loss out: the backward is the last thing a call of it does."""
    if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    for index, stmt in enumerate(fn.body):
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and call_name(stmt.value) in BACKWARD_CALLS:
            rest = fn.body[index + 1 :]
            return all(
                isinstance(s, ast.Return) and not any(isinstance(n, ast.Call) and call_name(n) not in _READS for n in ast.walk(s)) for s in rest
            )
    return False


# calls a helper's ``return`` may make after its backward(): reading the loss out
_READS = frozenset({"item", "mean", "detach", "cpu", "numpy", "tolist", "float"})


def call_sites(loop: ast.AST, name: str) -> list[tuple[list[ast.stmt], int, ast.Call]]:
    """The statements inside ``loop`` (not in the functions it defines) that are a call of ``name`` by name, or an
    assignment of one: each statement's list, its index there and the call."""
    out: list[tuple[list[ast.stmt], int, ast.Call]] = []
    for node in own_nodes([loop]):
        for field in ("body", "orelse", "finalbody"):
            stmts = getattr(node, field, None)
            if not isinstance(stmts, list):
                continue
            for i, stmt in enumerate(stmts):
                value = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign)) else None
                if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == name:
                    out.append((stmts, i, value))
    return out


# calls a helper may make without back-propagating, stepping or clearing anything: the names that do
_GRADIENT_CALLS = frozenset({*BACKWARD_CALLS, "step", "apply", "grad", "zero_grad", "zero_", "detach_", "set_", "copy_", "fill_"})


def harmless_method(call: ast.Call, tree: ast.AST, depth: int = 2) -> bool:
    """``call`` is ``self.<m>(...)`` of a method of the class it is written in, whose body stores no gradient and makes
    no call that may back-propagate, step or clear (``_GRADIENT_CALLS``, nor ``self.<other>()`` that is not harmless in
    turn, ``depth`` deep): Aethiles/ppo-pytorch's ``self._log_gradient_norm()`` between the clear and the step reads
    each ``param.grad`` and logs the norm."""
    func = call.func
    if depth <= 0 or not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Name) or func.value.id != "self":
        return False
    fn = enclosing_function(call, tree)
    cls = class_of_member(tree, fn)
    if cls is None:
        return False
    methods = {f.name: f for f in cls.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
    method = methods.get(func.attr)
    if method is None:
        return False
    for node in ast.walk(method):
        if isinstance(node, ast.Attribute) and node.attr in GRAD_ATTRS and isinstance(node.ctx, (ast.Store, ast.Del)):
            return False
        if isinstance(node, ast.Call):
            name = call_name(node)
            if name in _GRADIENT_CALLS:
                return False
            own = isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id == "self"
            if own and name in methods and not harmless_method(node, tree, depth - 1):
                return False
    return True


# in-place methods that rescale or bound a gradient without making one
_GRAD_BOUNDS = frozenset({"clamp_", "clip_", "mul_", "div_"})


def _grad_of(node: ast.expr, name: str) -> bool:
    """``node`` is ``<name>.grad`` or ``<name>.grad.data``."""
    if isinstance(node, ast.Attribute) and node.attr == "data":
        node = node.value
    return isinstance(node, ast.Attribute) and node.attr == "grad" and isinstance(node.value, ast.Name) and node.value.id == name


def _bounds_grad(stmt: ast.stmt, name: str) -> bool:
    """``<name>.grad.data.clamp_(-1, 1)`` as a statement, its arguments computed without a call."""
    if not isinstance(stmt, ast.Expr) or not isinstance(stmt.value, ast.Call):
        return False
    call = stmt.value
    if not isinstance(call.func, ast.Attribute) or call.func.attr not in _GRAD_BOUNDS or not _grad_of(call.func.value, name):
        return False
    return not any(isinstance(n, ast.Call) for arg in (*call.args, *(k.value for k in call.keywords)) for n in ast.walk(arg))


def clamps_gradients(stmt: ast.stmt) -> bool:
    """``stmt`` is ``for p in <x>.parameters():`` whose body only bounds or rescales ``p.grad`` in place (under ``if
    p.grad is not None:`` or not): it changes the gradients there are and makes none."""
    if not isinstance(stmt, ast.For) or stmt.orelse or not isinstance(stmt.target, ast.Name):
        return False
    if not isinstance(stmt.iter, ast.Call) or call_name(stmt.iter) != "parameters":
        return False
    name = stmt.target.id
    body = stmt.body
    if len(body) == 1 and isinstance(body[0], ast.If) and not body[0].orelse:
        test = body[0].test
        guarded = (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.IsNot)
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value is None
            and _grad_of(test.left, name)
        )
        if guarded:
            body = body[0].body
    return bool(body) and all(_bounds_grad(s, name) for s in body)
