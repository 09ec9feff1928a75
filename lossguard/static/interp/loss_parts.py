"""Loss parts returned with their total: ``return mf_loss + emb_loss, mf_loss, emb_loss``.

Loss functions written by hand often return the total with the terms it adds up, for logging
(NGCF's BPR loss, a VAE's ``recon + kld, recon, kld``). When the terms are built from values the
checker does not know (a graph library's outputs, a model it cannot follow), nothing says they
hold a graph, so a training loop that sums them (``mf_loss += batch_mf_loss``) was silent while
``loss += batch_loss`` was found. A term of a total that holds a graph holds one too.

How it is kept: a function's returned tuple notes which items are terms of which (from the sums
the function wrote: ``loss = a + 0.5 * b`` then ``return a, b, loss``, or the sum written in the
tuple), as a :class:`LossParts`. Where the total is known to hold a graph when the function
returns, its terms are given one there. Where the caller unpacks the tuple into names, each
total's terms are remembered (``Frame.parts``), and a ``backward()`` on the total gives the
terms still bound to what they were unpacked as a graph too.

Only summands count (``a + b``, ``a - b``, ``-a``, a term times or over a constant), never a
factor that is a name (``beta * kld``: ``kld`` and ``beta`` are both taken as terms, but a name
gets a graph only if the tuple returns it as a term and the function ran outside ``no_grad``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame
from lossguard.static.values import Dtype, ParamUnknown, Tensor, TupleVal, Unknown, Value


@dataclass(frozen=True)
class LossParts(TupleVal):
    """A returned tuple whose item ``total`` adds up the items ``terms`` (``totals`` lists the pairs)."""

    totals: tuple[tuple[int, tuple[int, ...]], ...] = field(default=(), compare=False)


def summands(expr: ast.expr, sums: dict[str, frozenset[str]]) -> frozenset[str]:
    """The names ``expr`` adds up, with the names those were sums of."""
    if isinstance(expr, ast.Name):
        return frozenset((expr.id,)) | sums.get(expr.id, frozenset())
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, (ast.USub, ast.UAdd)):
        return summands(expr.operand, sums)
    if isinstance(expr, ast.BinOp):
        if isinstance(expr.op, (ast.Add, ast.Sub)):
            return summands(expr.left, sums) | summands(expr.right, sums)
        if isinstance(expr.op, (ast.Mult, ast.Div)):
            if isinstance(expr.right, ast.Constant):
                return summands(expr.left, sums)
            if isinstance(expr.left, ast.Constant) and isinstance(expr.op, ast.Mult):
                return summands(expr.right, sums)
            return summands(expr.left, sums) | summands(expr.right, sums)
    return frozenset()


def with_graph(value: Value) -> Value:
    """``value`` known to hold a graph: a tensor keeps its other facts; an unknown is a float tensor."""
    if isinstance(value, Tensor):
        return value if value.graph else value.with_(graph=True)
    if type(value) in (Unknown, ParamUnknown):
        return Tensor(dtype=Dtype.FLOAT, graph=True)
    return value


class LossPartsMixin(InterpBase):
    """Keeps the sums a body writes, the totals its tuples return, and the terms its callers unpack."""

    def note_sum(self, target: ast.expr, value: ast.expr, frame: Frame, augmented: bool = False) -> None:
        """``name = <expr>`` / ``name += <expr>``: what ``name`` now adds up."""
        if not isinstance(target, ast.Name):
            for bound in ast.walk(target):
                if isinstance(bound, ast.Name):
                    frame.sums.pop(bound.id, None)
            return
        name = target.id
        terms = summands(value, frame.sums) if isinstance(value, (ast.BinOp, ast.UnaryOp)) or augmented else frozenset()
        if augmented:
            terms |= frame.sums.get(name, frozenset())
        if terms:
            frame.sums[name] = terms - {name}
        else:
            frame.sums.pop(name, None)

    def returned_parts(self, node: ast.Tuple, value: Value, frame: Frame) -> Value:
        """A returned tuple literal whose items include a total and its terms, as :class:`LossParts`."""
        if not isinstance(value, TupleVal) or type(value) is not TupleVal or len(node.elts) != len(value.items):
            return value
        names = [e.id if isinstance(e, ast.Name) else None for e in node.elts]
        totals: list[tuple[int, tuple[int, ...]]] = []
        for k, element in enumerate(node.elts):
            added = summands(element, frame.sums) - {names[k]}
            terms = tuple(j for j, name in enumerate(names) if j != k and name is not None and name in added)
            if terms:
                totals.append((k, terms))
        if not totals:
            return value
        items = list(value.items)
        if not frame.no_grad:
            for k, terms in totals:
                total = items[k]
                if isinstance(total, Tensor) and total.graph:
                    for j in terms:
                        items[j] = with_graph(items[j])
        return LossParts(tuple(items), tuple(totals))

    def note_unpacked_parts(self, targets: list[ast.expr], value: LossParts, frame: Frame) -> None:
        """``loss, mf, emb = model.create_bpr_loss(...)``: remember which names are terms of which."""
        for k, terms in value.totals:
            total = targets[k]
            if not isinstance(total, ast.Name):
                continue
            bound = tuple((targets[j].id, value.items[j]) for j in terms if isinstance(targets[j], ast.Name))  # type: ignore[attr-defined]
            if bound:
                frame.parts[total.id] = bound

    def backward_on_total(self, name: str, frame: Frame, env: Env) -> None:
        """``name.backward()``: the terms unpacked with ``name``, still bound as they were, hold a graph."""
        for term, unpacked in frame.parts.get(name, ()):
            if env.get(term) is unpacked:
                env[term] = with_graph(unpacked)
