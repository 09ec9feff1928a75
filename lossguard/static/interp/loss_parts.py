"""Loss parts returned with their total: ``return mf_loss + emb_loss, mf_loss, emb_loss``.

Loss functions written by hand often return the total with the terms it adds up, for logging
(NGCF's BPR loss, a VAE's ``rec + kld, rec, kld``, PAAC's ``loss_p, loss_v, loss``). When the terms
are built from values the checker does not know (a graph library's outputs, a model it cannot
follow), nothing says they hold a graph, so a training loop that sums them (``mf_loss +=
batch_mf_loss``) was silent while ``loss += batch_loss`` was found. A term of a total that holds a
graph holds one too.

How it is kept: a function's returned tuple notes which items are terms of which (from the sums
the function wrote: ``loss = a + 0.5 * b`` then ``return a, b, loss``, or the sum written in the
tuple), as a :class:`LossParts`. Where the total is known to hold a graph when the function
returns, its terms are given one there. Where the caller unpacks the tuple into names and
back-propagates the total's name (``loss.backward()``, or a sum it is added into:
``loss_sum += loss; loss_sum.backward()``; :attr:`FunctionFacts.backpropagated`), outside
``no_grad``, the terms unpacked with it hold a graph from the unpacking on.

The terms may come back packed in a list or tuple beside their total (round 34, SnowflakeNet's completion
loss: ``loss_all = loss_c + loss_1 + ...``, ``losses = [partial_matching, loss_c, loss_1, ...]``,
``return loss_all, losses``): an item of the returned tuple that is a list or tuple literal of names, or a
name the function bound to one, every name of which the total adds up, is a term as a whole, and each of its
items holds the total's graph where the total holds one.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from lossguard.static.facts import NO_NAMES, sum_call, summands
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame
from lossguard.static.values import Const, DictVal, Dtype, IntVal, ListOf, Number, ParamUnknown, Tensor, TupleVal, Unknown, Value

_SUMMED = (ast.BinOp, ast.UnaryOp)
_TERMS = (ast.BinOp, ast.UnaryOp, ast.Name)
#: builtins whose result is a Python number whatever they are given
_NUMBER_CALLS = frozenset({"len", "int", "float"})


@dataclass(frozen=True)
class LossParts(TupleVal):
    """A returned tuple whose item ``total`` adds up the items ``terms`` (``totals`` lists the pairs)."""

    totals: tuple[tuple[int, tuple[int, ...]], ...] = field(default=(), compare=False)


def with_graph(value: Value) -> Value:
    """``value`` known to hold a graph: a tensor keeps its other facts; an unknown is a float tensor;
    a dict or list of terms (``sum(loss_dict.values())``) holds such values."""
    if isinstance(value, Tensor):
        return value if value.graph else value.with_(graph=True)
    if type(value) in (Unknown, ParamUnknown):
        return Tensor(dtype=Dtype.FLOAT, graph=True)
    if isinstance(value, DictVal):
        return DictVal(tuple((k, with_graph(v)) for k, v in value.items))
    if type(value) is ListOf:
        return ListOf(with_graph(value.item))
    if type(value) is TupleVal:
        return TupleVal(tuple(with_graph(v) for v in value.items))
    return value


def _backpropagated(frame: Frame) -> set[str]:
    """The names the body ``frame`` runs back-propagates (read once per frame)."""
    if frame.backpropagated is None:
        module = frame.module
        if frame.func is None and "backward" not in module.source:
            frame.backpropagated = set()  # a module whose text never says backward: no scan of its body
        else:
            frame.backpropagated = module.facts.function(frame.func if frame.func is not None else module.module).backpropagated
    return frame.backpropagated


def _holds_graph(value: Value) -> bool:
    return isinstance(value, Tensor) and value.graph


def _listed_names(value: ast.expr) -> tuple[str, ...]:
    """The names of a list or tuple literal written with names only (``[loss_c, loss_1]``); empty otherwise."""
    if isinstance(value, (ast.List, ast.Tuple)) and value.elts and all(isinstance(e, ast.Name) for e in value.elts):
        return tuple(e.id for e in value.elts)  # type: ignore[attr-defined]
    return ()


def _terms_given_graph(value: LossParts, totals: list[tuple[int, tuple[int, ...]]]) -> LossParts:
    items = list(value.items)
    for _, terms in totals:
        for j in terms:
            items[j] = with_graph(items[j])
    return LossParts(tuple(items), value.totals)


class LossPartsMixin(InterpBase):
    """Keeps the sums a body writes, and the totals its tuples return."""

    def note_sum(self, target: ast.expr, value: ast.expr, frame: Frame, augmented: bool = False) -> None:
        """``name = <expr>`` / ``name += <expr>``: what ``name`` now adds up, and the names of the list
        literal it holds (``losses = [loss_c, loss_1]``)."""
        self._note_list(target, value, frame, augmented)
        summed = augmented or type(value) in _SUMMED or type(value) is ast.Call and sum_call(value)
        if not summed and not frame.sums:
            return
        if not isinstance(target, ast.Name):
            for bound in ast.walk(target):
                if isinstance(bound, ast.Name):
                    frame.sums.pop(bound.id, None)
            return
        name = target.id
        terms = summands(value, frame.sums) if summed else NO_NAMES
        if augmented:
            terms |= frame.sums.get(name, frozenset())
        if terms:
            frame.sums[name] = terms - {name}
        else:
            frame.sums.pop(name, None)

    def _note_list(self, target: ast.expr, value: ast.expr, frame: Frame, augmented: bool) -> None:
        listed = () if augmented or not isinstance(target, ast.Name) else _listed_names(value)
        if listed:
            frame.listed[target.id] = listed  # type: ignore[attr-defined]
        elif frame.listed:
            for bound in ast.walk(target):
                if isinstance(bound, ast.Name):
                    frame.listed.pop(bound.id, None)

    def terms_of_backpropagated(self, target: ast.expr, value: ast.expr, frame: Frame, env: Env) -> None:
        """``loss = recon + kld`` (or ``loss += 0.1 * reg``) where this body back-propagates ``loss``:
        the terms, local values the checker could not follow, hold its graph. Only summands and terms
        scaled by a constant count (``beta * kld`` gives neither name), and a parameter is left as it is
        (a caller may pass a float)."""
        if frame.no_grad or not isinstance(target, ast.Name) or type(value) not in _TERMS:
            return
        if target.id not in _backpropagated(frame):
            return
        for name in summands(value, products=False, number=lambda factor: self._a_number(factor, frame, env)) - {target.id}:
            held = env.get(name)
            if type(held) is Unknown or isinstance(held, Tensor) and not held.graph:
                env[name] = with_graph(held)

    def _a_number(self, factor: ast.expr, frame: Frame, env: Env) -> bool:
        """``factor`` is a name holding a Python number the checker knows (``accumulation_steps = 4``;
        round 33, threads23: a tutorial's ``loss_scaled = loss / accumulation_steps``), or ``len(...)``,
        ``int(...)``, ``float(...)`` of anything: the term it scales is part of the back-propagated
        value's graph, as with a literal factor."""
        if isinstance(factor, ast.Call) and isinstance(factor.func, ast.Name) and factor.func.id in _NUMBER_CALLS:
            return True
        if not isinstance(factor, ast.Name):
            return False
        held = self.ev(factor, frame, env)
        return isinstance(held, (Number, IntVal)) or isinstance(held, Const) and type(held.value) in (int, float)

    def returned_parts(self, node: ast.Tuple, value: Value, frame: Frame) -> Value:
        """A returned tuple literal whose items include a total and its terms, as :class:`LossParts`."""
        if not isinstance(value, TupleVal) or type(value) is not TupleVal or len(node.elts) != len(value.items):
            return value
        names = [e.id if isinstance(e, ast.Name) else None for e in node.elts]
        # an item that lists terms: `[loss_c, loss_1]` written in the tuple, or a name bound to such a list
        lists = [_listed_names(e) or (frame.listed.get(e.id, ()) if isinstance(e, ast.Name) else ()) for e in node.elts]
        totals: list[tuple[int, tuple[int, ...]]] = []
        for k, element in enumerate(node.elts):
            added = summands(element, frame.sums) - {names[k]}
            terms = tuple(
                j for j, name in enumerate(names) if j != k and (name is not None and name in added or lists[j] and added.issuperset(lists[j]))
            )
            if terms:
                totals.append((k, terms))
        if not totals:
            return value
        parts = LossParts(value.items, tuple(totals))
        if frame.no_grad:
            return parts
        held = [(k, terms) for k, terms in totals if _holds_graph(value.items[k])]
        return _terms_given_graph(parts, held) if held else parts

    def list_with_its_sum(self, node: ast.BinOp, left: TupleVal, right: TupleVal, frame: Frame) -> Value | None:
        """``losses + [sum(losses)]`` (the terms of a list, then their total; bubbliiiing's Faster
        R-CNN trainer returns ``LossTuple(*losses)`` of it): a total whose terms are the list's items,
        which hold its graph where the total holds one. None for any other concatenation."""
        extra = node.right
        if not isinstance(extra, (ast.List, ast.Tuple)) or len(extra.elts) != 1 or type(left) is not TupleVal or not left.items:
            return None
        total = extra.elts[0]
        if not (isinstance(total, ast.Call) and sum_call(total) and len(total.args) == 1 and ast.dump(total.args[0]) == ast.dump(node.left)):
            return None
        n = len(left.items)
        parts = LossParts((*left.items, *right.items), ((n, tuple(range(n))),))
        if frame.no_grad or not _holds_graph(right.items[0]):
            return parts
        return _terms_given_graph(parts, list(parts.totals))

    def unpacked_parts(self, targets: list[ast.expr], value: LossParts, frame: Frame) -> LossParts:
        """``loss, mf, emb = model.create_bpr_loss(...)`` where this body back-propagates ``loss``:
        the terms hold its graph."""
        if frame.no_grad:
            return value
        back = _backpropagated(frame)
        held = [(k, terms) for k, terms in value.totals if isinstance(targets[k], ast.Name) and targets[k].id in back]  # type: ignore[attr-defined]
        return _terms_given_graph(value, held) if held else value
