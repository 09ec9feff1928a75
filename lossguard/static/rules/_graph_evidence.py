"""What says, inside a training loop, that an accumulated value holds an autograd graph (LG006):
which expressions the loop back-propagates, which names it binds once, and what a function
derives from a back-propagated value. Text and AST facts only; the values come from the
interpreter's events."""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

from lossguard.static.dict_sums import dict_running_sum
from lossguard.static.events import BACKWARD_CALLS, BACKWARD_HELPERS, Accumulate
from lossguard.static.values import Tensor

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo

_TRAIN_CALLS = {*BACKWARD_CALLS, "step"}

#: An item store's target, ``losses["vgg"]`` / ``self.losses[i]``: group 1 is the container.
ITEM_STORE = re.compile(r"([A-Za-z_][\w.]*)\[")


def call_name(node: ast.Call) -> str:
    """The name a call is written with: ``f`` of ``f(...)`` and of ``x.f(...)``; "" for any other callee."""
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _not_optimizer_steps(module: ModuleInfo, root: ast.AST, own: _OwnMethods | None) -> set[int]:
    """Ids of the ``.step(...)`` calls under ``root`` that step no optimizer (round 27, MythraV/rl_lib's
    REINFORCE agent, whose episode loop ``state, reward, done, _ = self.env.step(action)`` then
    ``action = self.step(state, reward)`` was read as a training loop):

    * a call whose result is unpacked into names (``obs, reward, done, info = env.step(action)``):
      a Gym environment's transition; an optimizer's or a scheduler's step returns no tuple;
    * ``self.step(...)`` in a method (``own``), where the class defines ``step`` and that method
      (with the methods of the class it calls on ``self``) neither back-propagates nor steps
      anything: an agent's own step, which stores a reward and picks the next action."""
    out: set[int] = set()
    for node in ast.walk(root):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and call_name(node.value) == "step":
            if any(isinstance(t, (ast.Tuple, ast.List)) for t in node.targets):
                out.add(id(node.value))
        elif own is not None and isinstance(node, ast.Call) and own.called(node) == "step" and "step" in own.methods and not own.trains("step"):
            out.add(id(node))
    return out


class _OwnMethods:
    """The methods of the class around a loop, as the loop's method calls them on its ``self``."""

    def __init__(self, cls: ast.ClassDef, method: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.me = method.args.args[0].arg
        self.methods = {f.name: f for f in cls.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
        self._trains: dict[str, bool] = {}

    def called(self, call: ast.Call) -> str | None:
        """``m`` for a call ``self.m(...)``."""
        func = call.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == self.me:
            return func.attr
        return None

    def trains(self, name: str) -> bool:
        """The method ``name`` back-propagates or steps something, itself or through another method of
        the class it calls on its ``self``; a method the class does not define counts as training
        (what it does is not known)."""
        found = self._trains.get(name)
        if found is None:
            self._trains[name] = False  # a method that calls itself back
            found = self._trains[name] = self._reads(name)
        return found

    def _reads(self, name: str) -> bool:
        fn = self.methods.get(name)
        if fn is None or not fn.args.args:
            return True
        me = fn.args.args[0].arg
        unpacked = {
            id(n.value)
            for n in ast.walk(fn)
            if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call) and any(isinstance(t, (ast.Tuple, ast.List)) for t in n.targets)
        }
        for n in ast.walk(fn):
            if not isinstance(n, ast.Call):
                continue
            called = call_name(n)
            if called in BACKWARD_CALLS:
                return True
            own = isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name) and n.func.value.id == me
            if called == "step" and id(n) not in unpacked and not own:
                return True
            if own and called in self.methods and self.trains(called):
                return True
        return False


#: per module tree: the methods of its classes with their line ranges (the tree kept to tell trees apart)
_METHOD_INDEX: dict[int, tuple[ast.AST, list[tuple[int, int, ast.ClassDef, ast.FunctionDef | ast.AsyncFunctionDef]]]] = {}


def _own_methods(module: ModuleInfo, node: ast.AST) -> _OwnMethods | None:
    """The class methods around ``node`` (a loop in a method with a ``self`` parameter), if it calls
    anything on ``self``."""
    if not any(isinstance(n, ast.Name) and n.id == "self" for n in ast.walk(node)):
        return None  # the usual name of a method's own parameter
    tree = module.module
    entry = _METHOD_INDEX.get(id(tree))
    if entry is None or entry[0] is not tree:
        index = [
            (fn.lineno, fn.end_lineno or fn.lineno, cls, fn)
            for cls in ast.walk(tree)
            if isinstance(cls, ast.ClassDef)
            for fn in cls.body
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.args.args
        ]
        entry = _METHOD_INDEX[id(tree)] = (tree, index)
    line = getattr(node, "lineno", None)
    if line is None:
        return None
    around = [(start, cls, fn) for start, end, cls, fn in entry[1] if start <= line <= end]
    if not around:
        return None
    _, cls, fn = max(around, key=lambda a: a[0])  # the innermost
    return _OwnMethods(cls, fn)


def _walk_body_in_branches(root: ast.AST, skip: ast.AST | None = None) -> list[tuple[ast.AST, tuple[int, ...]]]:
    """Every node under ``root``, not descending into nested function or class definitions (nor
    into ``skip``, which is left out with everything under it), each with the ``if`` branches (ids
    of the statement lists) it sits in under ``root``, outermost first."""
    out: list[tuple[ast.AST, tuple[int, ...]]] = []
    stack: list[tuple[ast.AST, tuple[int, ...]]] = [(n, ()) for n in ast.iter_child_nodes(root)]
    while stack:
        node, branches = stack.pop()
        if node is skip:
            continue
        out.append((node, branches))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.If):
            stack.append((node.test, branches))
            for part in (node.body, node.orelse):
                inner = (*branches, id(part))
                stack.extend((n, inner) for n in part)
        else:
            stack.extend((n, branches) for n in ast.iter_child_nodes(node))
    return out


def backward_outside(outer: ast.AST, inner: ast.AST) -> bool:
    """``outer`` calls backward() itself, not only inside its nested loop ``inner``: each of its
    iterations is a training step of its own (a GAN's generator step, then the discriminator
    repeated in ``inner``). ``optimizer.step()`` or ``scheduler.step()`` do not count: an epoch loop
    that steps a scheduler around the batch loop is not a training step. Neither does a backward()
    in another loop nested in ``outer`` (round 13, FFDNet: the epoch loop's training batch loop
    next to its validation batch loop): that ``outer`` is an epoch loop, whose iterations each hold
    a whole pass over the data."""
    nodes = [n for n, _ in _walk_body_in_branches(outer, skip=inner)]
    in_other_loops = {id(m) for n in nodes if isinstance(n, (ast.For, ast.AsyncFor, ast.While)) for m in ast.walk(n)}
    return any(isinstance(n, ast.Call) and call_name(n) in BACKWARD_CALLS and id(n) not in in_other_loops for n in nodes)


def trains_in_other_loop(outer: ast.AST, inner: ast.AST, module: ModuleInfo | None = None) -> bool:
    """Another loop nested in ``outer`` (not ``inner``, nor one around it) back-propagates or steps:
    ``outer`` is an epoch loop around a training batch loop, not a training step of its own."""
    not_steps = _not_optimizer_steps(module, outer, _own_methods(module, outer)) if module is not None else set()
    return any(
        isinstance(loop, (ast.For, ast.AsyncFor, ast.While))
        and not any(n is inner for n in ast.walk(loop))
        and any(isinstance(n, ast.Call) and call_name(n) in _TRAIN_CALLS and id(n) not in not_steps for n, _ in _walk_body_in_branches(loop))
        for loop, _ in _walk_body_in_branches(outer, skip=inner)
    )


class LoopFacts:
    """Calls and plain assignments found lexically inside a loop (nested functions excluded)."""

    def __init__(self, module: ModuleInfo, loop: ast.AST) -> None:
        #: ids of the calls that make the loop a training loop (:attr:`trains`)
        self.train_calls: list[int] = []
        #: targets given a fresh value on every iteration: an assignment under an `if` in the loop
        #: (`if step % log_every == 0: total = 0`) resets only now and then, and does not count
        self.assigned: set[str] = set()
        #: targets assigned under an `if` in the loop, with the innermost branch (a statement list's
        #: id) holding each such assignment: a reset there is every iteration for what it also holds
        self.assigned_in: dict[str, list[int]] = {}
        #: node id -> the ids of the `if` branches around it inside the loop, outermost first
        self._branches: dict[int, tuple[int, ...]] = {}
        #: ids of the `if` branches that hold an optimizer's `step()` (directly or deeper): the loop's update
        #: happens there (`if micro % accum == 0: opt.step(); ...`)
        self._stepping: set[int] = set()
        self.backwarded: set[str] = set()  # source texts of `<expr>.backward()` receivers in the loop
        self.bound_by: dict[str, list[ast.expr]] = {}  # local name -> the values assigned to it in the loop
        #: stores of a value without a graph into part of a container in the loop (`d[k] = v.item()`,
        #: `out.loss = out.loss.detach()`): the stored text (`d[k]`) and, for a key that is not a
        #: literal, the container's text with `[*]` (any item of `d` may be the one replaced)
        self.dropped_parts: set[str] = set()
        #: lines of the `.backward()` calls in the loop, by receiver text
        self.backward_lines: dict[str, list[int]] = {}
        #: local name -> lines in the loop where the object it names is replaced or changed as a whole
        #: (`d = {k: v.item() for k, v in d.items()}`, `d = reduce_dict(d)`, `d.update(...)`)
        self.container_changes: dict[str, list[int]] = {}
        own = _own_methods(module, loop)
        not_steps = _not_optimizer_steps(module, loop, own)
        for node, branches in _walk_body_in_branches(loop):
            if branches:
                self._branches[id(node)] = branches
            if (
                own is not None
                and isinstance(node, ast.Call)
                and (called := own.called(node)) is not None
                and called != "step"
                and called in own.methods
                and own.trains(called)
            ):
                # `self.learn(...)` of a method of the class that back-propagates: the loop trains through it
                self.train_calls.append(id(node))
            if isinstance(node, ast.Call) and call_name(node) in _TRAIN_CALLS and id(node) not in not_steps:
                self.train_calls.append(id(node))
                if call_name(node) == "step":
                    self._stepping.update(branches)
                if call_name(node) == "backward" and isinstance(node.func, ast.Attribute):
                    receiver = node.func.value
                    self.backwarded.add(module.segment(receiver))
                    self.backward_lines.setdefault(module.segment(receiver), []).append(node.lineno)
                    helper = receiver.attr if isinstance(receiver, ast.Attribute) else receiver.id if isinstance(receiver, ast.Name) else ""
                    if helper in BACKWARD_HELPERS and node.args:
                        self.backwarded.add(module.segment(node.args[0]))  # accelerator.backward(loss)
                elif call_name(node) == "manual_backward" and node.args:
                    self.backwarded.add(module.segment(node.args[0]))  # Lightning: self.manual_backward(loss)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.attr in _CHANGES_CONTAINER
            ):
                self.container_changes.setdefault(node.func.value.id, []).append(node.lineno)
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    for bound in _bound_names(t):
                        self.container_changes.setdefault(bound, []).append(node.lineno)
                value = module.segment(node.value)
                for t in node.targets:
                    for name in ast.walk(t):
                        if isinstance(name, ast.Name):
                            self.bound_by.setdefault(name.id, []).append(_binding(t, name, node.value))
                    if isinstance(t, (ast.Subscript, ast.Attribute)) and _drops_graph(node.value):
                        self.dropped_parts.add(module.segment(t))
                        if isinstance(t, ast.Subscript) and not (isinstance(t.slice, ast.Constant) and isinstance(t.slice.value, (str, int))):
                            self.dropped_parts.add(module.segment(t.value) + "[*]")
                    target = module.segment(t)
                    if not re.search(r"(?<![\w.])" + re.escape(target) + r"(?!\w)", value):
                        self._assign(target, branches)  # a fresh value (not `acc = acc + x`)
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                self._assign(module.segment(node.target), branches)

    @property
    def trains(self) -> bool:
        """The loop calls backward() or step(), or a method of its class that back-propagates."""
        return bool(self.train_calls)

    def trains_outside(self, dead: frozenset[int]) -> bool:
        """The loop trains through a call outside the branches this call never takes (``Context.dead``:
        ``if with_backward: loss.backward()`` in a body its call leaves at ``with_backward=False``)."""
        return self.trains if not dead else any(call not in dead for call in self.train_calls)

    def _assign(self, target: str, branches: tuple[int, ...]) -> None:
        if not branches:
            self.assigned.add(target)
        else:
            self.assigned_in.setdefault(target, []).append(branches[-1])

    def runs_with(self, node: ast.AST, at: ast.AST) -> bool:
        """``node`` (a statement or call in the loop) runs on every iteration that reaches ``at``: outside any ``if`` of
        the loop, in a branch around ``at`` too, or in the branch where the loop steps its optimizer; what :meth:`resets`
        asks of an assignment, asked of a call (``meter.reset()`` under ``if i % print_every == 0:`` does not)."""
        branches = self._branches.get(id(node), ())
        return not branches or branches[-1] in self._branches.get(id(at), ()) or branches[-1] in self._stepping

    def resets(self, target: str, at: ast.AST) -> bool:
        """``target`` is given a fresh value on every iteration that reaches ``at``: unconditionally,
        or in an ``if`` branch that holds ``at`` too (``if step > start: total = 0.0; for ...:
        total += d_loss``), or in the branch where the loop steps its optimizer (``if micro % accum == 0:
        opt.step(); ...; total = 0``: gradient accumulation, the sum spans one update's micro-batches and
        starts again at each update). A reset under a condition of its own (``if step % log_every == 0:
        total = 0``, the step outside it) lets the sum grow over the iterations in between."""
        if target in self.assigned:
            return True
        around = self._branches.get(id(at), ())
        return any(branch in around or branch in self._stepping for branch in self.assigned_in.get(target, ()))


class BackwardedTexts:
    """Source texts of everything handed to backward() in a function, and of what it returns."""

    def __init__(self, module: ModuleInfo, scope: ast.AST) -> None:
        self.texts: list[str] = []
        self.returned: list[str] = []
        self.assignments: list[tuple[str, str]] = []  # (target, value) source texts
        for node in ast.walk(scope):  # nested functions too: an LBFGS closure calls backward()
            if isinstance(node, ast.Return) and node.value is not None:
                self.returned.append(module.segment(node.value))
            elif isinstance(node, ast.Assign):
                value = module.segment(node.value)
                for t in node.targets:
                    self.assignments.append((module.segment(t), value))
                    if isinstance(t, (ast.Tuple, ast.List)):
                        # `loss, parts = criterion(out, y)`: each name holds what the value gives
                        self.assignments.extend((module.segment(el), value) for el in t.elts if not isinstance(el, ast.Starred))
            elif isinstance(node, ast.AugAssign):  # `loc_loss += temp_loc_loss / n` derives loc_loss too
                self.assignments.append((module.segment(node.target), module.segment(node.value)))
            elif isinstance(node, ast.Call):
                func = node.func
                name = call_name(node)
                args = [*node.args, *(k.value for k in node.keywords)]
                if isinstance(func, ast.Attribute) and name == "backward":
                    self.texts.append(module.segment(func.value))
                    self.texts.extend(module.segment(a) for a in args)
                elif "backward" in name or name == "scale":
                    self.texts.extend(module.segment(a) for a in args)

    def derived(self, name: str, given_to: str | None = None) -> list[re.Pattern[str]]:
        """Patterns for ``name`` and every variable computed from it (``total = torch.stack(losses)``).
        The result of ``given_to``, a call that ``name`` is an argument of, is not computed from it
        (``logits, loss = collect(batch, stats)`` does not back-propagate ``stats``)."""
        names = {name}
        changed = True
        while changed:
            changed = False
            # `losses = {k: ... for k in totals.keys()}` reads the keys of `totals` only (strings, no graph)
            pats = [re.compile(_word(n).pattern + r"(?!\s*\.\s*keys\s*\()") for n in names]
            for target, value in self.assignments:
                if value == given_to:
                    continue
                if target not in names and any(p.search(value) for p in pats):
                    names.add(target)
                    # `G_losses["VGG"] = vgg_loss`: the dict (or list) it is stored into holds it too
                    store = ITEM_STORE.match(target)
                    if store is not None:
                        names.add(store.group(1))
                    changed = True
        return [_word(n) for n in names]


def one_element(text: str, container: str) -> bool:
    """``losses[-1]``, ``losses[i]``: one element of the accumulating container, not all of it."""
    return re.fullmatch(re.escape(container) + r"\[[^\]:]*\]", text) is not None


#: Calls whose result is a Python number or array even when given a loss tensor.
_TO_NUMBER = {"item", "tolist", "numpy", "float", "int"}
_DROPS_GRAPH = {*_TO_NUMBER, "detach", "detach_"}


def added_expr(acc: Accumulate, module: ModuleInfo) -> ast.expr | None:
    """The expression added to the accumulator: ``x`` in ``acc += x``, ``acc.append(x)``,
    ``acc = acc + x``, ``acc = x + acc`` and a store ``acc[key] = x``."""
    node = acc.node
    if isinstance(node, ast.AugAssign):
        return node.value
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        return node.args[0]
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.BinOp):
        target = module.segment(acc.target)
        left, right = node.value.left, node.value.right
        return right if module.segment(left) == target else left if module.segment(right) == target else None
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.DictComp):
        return dict_running_sum(node.value, acc.target)  # `totals = {k: totals[k] + parts[k] for k in ...}`
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Subscript):
        return node.value  # `log[step] = loss` (interp.keyed_stores), `losses[epoch] = loss` (interp.slot_stores)
    return None


def holds_a_backwarded_item(acc: Accumulate, facts: LoopFacts) -> bool:
    """``outputs.append(output)`` where the loop back-propagates ``output["loss"]`` (or
    ``output.loss``) and binds ``output`` once: the kept container holds that graph."""
    node = acc.node
    if not (isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords and isinstance(node.args[0], ast.Name)):
        return False
    name = node.args[0].id
    item = re.compile(re.escape(name) + r"""(\[\s*["'][^\]]*["']\s*\]|\.\w+)""")
    return any(item.fullmatch(t) for t in facts.backwarded) and bound_once(name, facts)


def bound_once(name: str, facts: LoopFacts) -> bool:
    """The loop binds ``name`` exactly once, by an expression that gives the same kind of value
    every time: not a literal, not ``x if c else 0.0`` or ``x or 0.0``, not a call that turns a
    tensor into a number (``loss = loss.item()``, ``float(loss)``). Reading an attribute or item
    (``loss = outputs.loss``), a call (``crit(out, y)``) or arithmetic (``-(t * log_p).sum()``)
    qualify."""
    bound = facts.bound_by.get(name, [])
    return len(bound) == 1 and _same_kind(bound[0])


def _binding(target: ast.expr, name: ast.Name, value: ast.expr) -> ast.expr:
    """What an assignment binds ``name`` (part of ``target``) to, as :func:`_same_kind` reads it: the
    value for the name itself; the call for a name unpacked from a call's result as one of a flat
    tuple's names (``loss, metrics, _ = step(...)``, ``*rest, loss = step(...)``: the same place of
    the same function's result every time, as ``loss = step(...)`` is its whole result; round 32,
    GaNDLF's trainer); otherwise the target (``out["loss"] = ...``, the starred ``rest``, ``(a, b), c
    = ...``, ``a, loss = x if c else (0, 0.0)``), which it refuses."""
    if target is name:
        return value
    if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, ast.Call) and any(e is name for e in target.elts):
        return value
    return target


def _same_kind(bound: ast.expr) -> bool:
    """One binding that gives the same kind of value every time (:func:`bound_once`)."""
    if isinstance(bound, (ast.Constant, ast.IfExp, ast.BoolOp, ast.Starred)):
        return False
    if isinstance(getattr(bound, "ctx", None), ast.Store):
        return False  # bound by unpacking other than a call's (`a, loss = loss, 0`) or changed by an item store (out["loss"] = ...)
    if not isinstance(bound, ast.Call):
        return True
    return call_name(bound) not in _TO_NUMBER


def _terms(value: ast.expr) -> list[ast.expr]:
    """The operands of a sum or difference, nested ones flattened: ``a + b - c`` gives a, b, c."""
    if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.Add, ast.Sub)):
        return [*_terms(value.left), *_terms(value.right)]
    return [value]


def _summed_values(term: ast.expr) -> ast.expr | None:
    """The dict every value of which a term of a sum adds up, scaled or not: ``d`` in
    ``sum(d.values())``, ``sum([v for v in d.values()]) * w``, ``sum(v for v in d.values())``.
    A filtered comprehension (``sum(d[k] for k in d if k in weights)``) sums only some: None."""
    while isinstance(term, ast.BinOp) and isinstance(term.op, (ast.Mult, ast.Div)):
        term = term.left if isinstance(term.left, ast.Call) else term.right  # `sum(...) * 0`, `w * sum(...)`
    if not (isinstance(term, ast.Call) and call_name(term) == "sum" and isinstance(term.func, ast.Name) and len(term.args) == 1):
        return None
    arg = term.args[0]
    if isinstance(arg, (ast.ListComp, ast.GeneratorExp)):
        if len(arg.generators) != 1 or arg.generators[0].ifs:
            return None
        comp = arg.generators[0]
        if not (isinstance(comp.target, ast.Name) and isinstance(arg.elt, ast.Name) and arg.elt.id == comp.target.id):
            return None
        arg = comp.iter
    if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "values" and not arg.args:
        return arg.func.value
    return None


def _term_of_backwarded(expr: ast.expr, facts: LoopFacts, module: ModuleInfo) -> bool:
    """``pn_total += losses["cl_loss"]`` where the loop binds ``step_loss = losses["loss"] +
    losses["cl_loss"]`` and back-propagates ``step_loss`` (round 25, alibaba/EasyNLP's trainer): a
    term of a back-propagated sum is part of its graph. The container (``losses``) or the name
    itself is bound in the loop only by bindings of the kind :func:`bound_once` takes, so the term
    added is the one summed."""
    root = expr
    while isinstance(root, (ast.Attribute, ast.Subscript)):
        root = root.value
    if not isinstance(root, ast.Name) or not facts.bound_by.get(root.id) or not all(_same_kind(b) for b in facts.bound_by[root.id]):
        return False
    text = module.segment(expr)
    # `parts[k]` where the back-propagated sum adds up every value of `parts` (`sum(parts.values())`)
    container = module.segment(expr.value) if isinstance(expr, ast.Subscript) else None
    return any(
        module.segment(term) == text or container is not None and (d := _summed_values(term)) is not None and module.segment(d) == container
        for name in facts.backwarded
        if name.isidentifier()
        for bound in facts.bound_by.get(name, [])
        if isinstance(bound, ast.BinOp) or container is not None and isinstance(bound, ast.Call)
        for term in _terms(bound)
    )


def detached_in_loop(name: str, facts: LoopFacts) -> bool:
    """The loop itself rebinds ``name`` to a value without a graph (``loss = loss.detach()`` after
    its backward, sentence-transformers' cached losses; ``c_loss = c_loss.data[0]`` in torch 0.3
    code, mil-tokyo/MCD_DA's segmentation trainer): the author took care of the graph, on every
    path or not, and its backward is no evidence against the value accumulated."""
    return any(_drops_graph(bound) for bound in facts.bound_by.get(name, []))


def _drops_graph(bound: ast.expr) -> bool:
    """``x.detach()``, ``x.item()``, ``float(x)``, or a read of ``.data`` (``x.data``, ``-x.data[0]``):
    a value that holds no graph, whatever ``x`` held."""
    if isinstance(bound, ast.Call):
        return call_name(bound) in _DROPS_GRAPH
    if isinstance(bound, ast.UnaryOp):
        bound = bound.operand
    while isinstance(bound, ast.Subscript):
        bound = bound.value
    return isinstance(bound, ast.Attribute) and bound.attr == "data"


def _a_tensor_each_step(name: str, value: object, facts: LoopFacts) -> bool:
    """``name`` holds a tensor when it is accumulated: the interpreter knows it is one, or the loop
    binds it once (:func:`bound_once`)."""
    return isinstance(value, Tensor) or bound_once(name, facts)


def backwarded_in_loop(acc: Accumulate, value: object, facts: LoopFacts, module: ModuleInfo) -> bool:
    """``total += out["loss"]`` / ``history.append(outputs.loss)`` / ``total += loss`` where the
    same expression has ``.backward()`` called on it in the loop: it holds a graph, whatever built
    it (a hand-written ``((pred - y) ** 2).mean()`` too, accumulated before its backward)."""
    if not facts.backwarded:
        return False
    expr = added_expr(acc, module)
    if expr is None:
        return False
    if isinstance(expr, ast.Name):
        return expr.id in facts.backwarded and _a_tensor_each_step(expr.id, value, facts) and not detached_in_loop(expr.id, facts)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Mult, ast.Div, ast.Add, ast.Sub)):
        # running_loss += loss * inputs.size(0): the product holds the loss's graph; so does
        # `totals[k] + parts[k] * n` where a term of the back-propagated sum is (or sums) `parts[k]`
        sides = (expr.left, expr.right)
        return any(isinstance(e, ast.Name) and e.id in facts.backwarded and bound_once(e.id, facts) for e in sides) or any(
            isinstance(e, ast.Subscript) and _term_of_backwarded(e, facts, module) for e in sides
        )
    if isinstance(value, Tensor):
        return False  # a known tensor says for itself whether it holds a graph
    if not isinstance(expr, (ast.Attribute, ast.Subscript)):
        return False  # calls (.item(), float()) change the value
    if _part_dropped_in_loop(expr, facts, module) or _container_changed_after_backward(expr, acc.node, facts, module):
        return False
    return module.segment(expr) in facts.backwarded or _term_of_backwarded(expr, facts, module)


#: methods that may replace every item of a dict in place (`pop` of another item leaves the one accumulated)
_CHANGES_CONTAINER = frozenset({"update", "clear"})


def _bound_names(target: ast.expr) -> list[str]:
    """The names an assignment target binds itself (``d``, ``a, (b, c)``), not those it stores into."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for e in target.elts for n in _bound_names(e.value if isinstance(e, ast.Starred) else e)]
    return []


def _container_changed_after_backward(expr: ast.Attribute | ast.Subscript, at: ast.AST, facts: LoopFacts, module: ModuleInfo) -> bool:
    """Between the loop's ``<expr>.backward()`` and the accumulation at ``at``, the container the
    item is read from is rebound or changed as a whole (``loss_dict = {k: v.item() for k, v in
    loss_dict.items()}``, ``loss_dict = reduce_dict(loss_dict)``, ``loss_dict.update(...)``), with
    no other backward of the same text in between: the item accumulated is not, or may not be, the
    tensor back-propagated, and the text is no evidence."""
    root: ast.expr = expr
    while isinstance(root, (ast.Attribute, ast.Subscript)):
        root = root.value
    line = getattr(at, "lineno", None)
    backs = facts.backward_lines.get(module.segment(expr), [])
    if not isinstance(root, ast.Name) or line is None or not backs:
        return False
    for change in facts.container_changes.get(root.id, []):
        before = [b for b in backs if b < change]
        if before and change < line and not any(change < b < line for b in backs):
            return True
    return False


def _part_dropped_in_loop(expr: ast.Attribute | ast.Subscript, facts: LoopFacts, module: ModuleInfo) -> bool:
    """The loop stores a value without a graph into the item or attribute accumulated: into it by
    its own text (`out["loss"] = out["loss"].item()`), or into any item of its container by a key
    that is not a literal (`for key, value in loss_dict.items(): loss_dict[key] = value.item()`
    before `train_loss += loss_dict["loss"]`, WenmuZhou/DBNet.pytorch's trainer): what is
    accumulated may be the plain number, and the back-propagated text is no evidence."""
    if module.segment(expr) in facts.dropped_parts:
        return True
    return isinstance(expr, ast.Subscript) and module.segment(expr.value) + "[*]" in facts.dropped_parts


def backwards_an_element(acc: Accumulate, facts: LoopFacts, module: ModuleInfo) -> bool:
    """``losses.append(total)`` where the loop back-propagates ``losses[-1]`` (an element of the
    list it appends to): what is appended holds a graph, whatever built it (a loss from a callable
    parameter, folded with ``functools.reduce``)."""
    node = acc.node
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append"):
        return False
    target = module.segment(acc.target)
    return any(one_element(t, target) for t in facts.backwarded)


def _word(name: str) -> re.Pattern[str]:
    """``name`` read as a variable in a text: not part of a longer name or an attribute, and not the
    text of a string (``losses["total"]`` reads no variable ``total``: round 30, threads20)."""
    return re.compile(r"(?<![\w.\"'])" + re.escape(name) + r"(?![\w\"'])")
