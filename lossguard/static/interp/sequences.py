"""Python sequences that carry losses in real code: ``namedtuple`` results, ``sum(losses)``,
``functools.reduce`` of a sum, ``tuple(losses)`` / ``list(losses)``, list concatenation
(``losses + [sum(losses)]``) and lists grown in place (``outs.append(x)``).

Issue 8 round 3: a trainer that builds ``losses = [a, b]; losses = losses + [sum(losses)]`` and
returns ``LossTuple(*losses)`` hands its caller the same loss tensors a tuple literal would; the
interpreter follows them item by item. Anything it cannot follow exactly stays unknown.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame, LambdaRef, is_self, is_static
from lossguard.static.interp.layer_lists import TailedList, appended_tail
from lossguard.static.interp.statements import element
from lossguard.static.tensor_ops import binop
from lossguard.static.values import (
    UNKNOWN,
    Const,
    DictVal,
    FunctionRef,
    HeadedList,
    Instance,
    KeyedItems,
    ListOf,
    ParamUnknown,
    QualName,
    Tensor,
    TupleVal,
    Unknown,
    Value,
    join,
)

#: builtins whose result the interpreter works out when the name is not rebound in the code
SEQUENCE_BUILTINS = ("sum", "tuple", "list")
NAMEDTUPLE = ("collections.namedtuple", "typing.NamedTuple")


def unzips(node: ast.Call) -> bool:
    """``zip(*rows)``: one starred argument and nothing else."""
    return len(node.args) == 1 and isinstance(node.args[0], ast.Starred) and not node.keywords


def transposed(rows: Value) -> Value:
    """``zip(*rows)`` of a list of like tuples (a ``collate_fn``'s ``texts, labels = zip(*batch)``): one sequence per
    place of the tuples, each of unknown length holding that place's items; unknown for anything else."""
    if isinstance(rows, ListOf) and isinstance(rows.item, TupleVal) and rows.item.items and not rows.by_length:
        return TupleVal(tuple(ListOf(item) for item in rows.item.items))
    return UNKNOWN


@dataclass(frozen=True)
class NamedTupleClass(Value):
    """``Point = namedtuple("Point", ["x", "y"])``: calling it builds a :class:`NamedTupleVal`."""

    fields: tuple[str, ...]


@dataclass(frozen=True)
class NamedTupleVal(TupleVal):
    """A tuple whose items can also be read by field name (``losses.total_loss``)."""

    fields: tuple[str, ...] = ()


def _field_names(node: ast.expr | None) -> tuple[str, ...] | None:
    """The literal field names of ``namedtuple(name, fields)``: a list/tuple of strings or one string."""
    if isinstance(node, (ast.List, ast.Tuple)):
        names = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        return tuple(names) if len(names) == len(node.elts) else None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return tuple(node.value.replace(",", " ").split())
    return None


#: functions that add their two arguments
ADDING_FUNCS = ("operator.add", "operator.iadd", "torch.add")


def _adds(fn: Value) -> bool:
    """``fn`` returns the sum of its two arguments: one of :data:`ADDING_FUNCS`, or a lambda of two
    parameters whose body adds them (``lambda x, y: x + y``, in either order)."""
    if isinstance(fn, QualName):
        return fn.name in ADDING_FUNCS
    if not isinstance(fn, LambdaRef):
        return False
    args, body = fn.node.args, fn.node.body
    names = [a.arg for a in (*args.posonlyargs, *args.args)]
    if len(names) != 2 or args.vararg or args.kwarg or args.kwonlyargs or not isinstance(body, ast.BinOp) or not isinstance(body.op, ast.Add):
        return False
    sides = [body.left.id if isinstance(body.left, ast.Name) else None, body.right.id if isinstance(body.right, ast.Name) else None]
    return sorted(n for n in sides if n is not None) == sorted(names)


def list_item(seq: TupleVal | ListOf | HeadedList, added: Value | None) -> Value:
    """What every item of a list is after ``added`` joins its items (None: nothing added)."""
    if isinstance(seq, HeadedList):
        item = seq.rest
        for x in seq.head:
            item = join(item, x)
    elif isinstance(seq, TupleVal) and not seq.items:
        return added if added is not None else UNKNOWN
    else:
        item = element(seq)  # the agreed value of the items
    return join(item, added) if added is not None else item


# ---------------------------------------------------------------------- torch functions as data


class SequencesMixin(InterpBase):
    """Tuples, lists and named tuples built from known items."""

    def namedtuple_class(self, node: ast.Call) -> Value:
        """``namedtuple("LossTuple", ["a", "b"])`` with literal field names."""
        fields_node = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "field_names"), None)
        fields = _field_names(fields_node)
        if fields is None or not fields or len(set(fields)) != len(fields):
            return UNKNOWN
        return NamedTupleClass(fields)

    def build_namedtuple(
        self, cls: NamedTupleClass, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame, env: Env
    ) -> Value:
        """``LossTuple(a, b)``, ``LossTuple(a=..., b=...)`` or ``LossTuple(*losses)`` of a known-length sequence."""
        if starred:
            if len(node.args) != 1 or node.keywords or not isinstance(node.args[0], ast.Starred):
                return UNKNOWN
            inner = node.args[0].value
            if not isinstance(inner, (ast.Name, ast.Attribute)):
                return UNKNOWN  # evaluating it again could repeat its events
            seq = self.ev(inner, frame, env)
            if not isinstance(seq, TupleVal) or len(seq.items) != len(cls.fields):
                return UNKNOWN
            return NamedTupleVal(seq.items, cls.fields)
        items = list(pos)
        for name in cls.fields[len(pos) :]:
            if name not in kw:
                return UNKNOWN
            items.append(kw[name])
        if len(items) != len(cls.fields) or any(k not in cls.fields[len(pos) :] for k in kw):
            return UNKNOWN
        return NamedTupleVal(tuple(items), cls.fields)

    def sequence_builtin(self, name: str, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool) -> Value:
        """``sum(seq)``, ``tuple(seq)``, ``list(seq)`` of a sequence whose items are known; ``list()`` and
        ``tuple()`` are empty, as ``[]`` is (``layers = list()`` filled by ``layers.append(...)``)."""
        if name in ("tuple", "list") and not pos and not kw and not starred:
            return TupleVal(())
        if starred or kw or len(pos) != 1 and not (name == "sum" and len(pos) == 2):
            return UNKNOWN
        seq = pos[0]
        if name in ("tuple", "list"):
            if isinstance(seq, NamedTupleVal):
                return TupleVal(seq.items)
            return seq if isinstance(seq, (TupleVal, ListOf)) else UNKNOWN
        return self.fold_sum(seq, pos[1] if len(pos) == 2 else Const(0))

    @staticmethod
    def fold_sum(seq: Value, start: Value | None) -> Value:
        """The sum of a sequence of tensors from ``start`` (None: from its first item, as
        ``functools.reduce`` without an initial value does)."""
        if isinstance(seq, TupleVal) and seq.items and any(isinstance(i, Tensor) for i in seq.items):
            # an item the checker cannot read (a hand-written term of an unknown model's output) is
            # some tensor: the sum still holds what the known items hold (their graph)
            known = tuple(i if isinstance(i, (Tensor, Const)) else Tensor() for i in seq.items)
            items = known if start is not None else known[1:]
            total = start if start is not None else known[0]
            for item in items:
                total = binop(total, item, ast.Add())
            return total
        if isinstance(seq, ListOf) and isinstance(seq.item, Tensor):
            return binop(start if start is not None else seq.item, seq.item.with_(shape=None), ast.Add())
        return UNKNOWN

    def reduce_call(self, pos: list[Value], kw: dict[str, Value], starred: bool) -> Value:
        """``functools.reduce(lambda a, b: a + b, losses)`` (or ``operator.add``, ``torch.add``):
        the sum of the terms, from the initial value when one is given; any other function unknown."""
        if starred or kw or len(pos) not in (2, 3) or not _adds(pos[0]):
            return UNKNOWN
        return self.fold_sum(pos[1], pos[2] if len(pos) == 3 else None)

    def grow_list(
        self,
        target: ast.expr,
        recv: Value,
        added: Value | None,
        frame: Frame,
        env: Env,
        front: Value | None = None,
        appended: bool = False,
        call: ast.AST | None = None,
    ) -> None:
        """``outs.append(x)`` on a local list whose items are known (``outs = []``, ``[a, b]``, a list
        of like items) or on ``self.heads`` (an ``nn.ModuleList``): it is now a list of items like
        those and ``x`` (one of unknown length). Outside any loop, ``x`` appended to a list of known
        length is its next item (``layers.append(nn.Linear(h, 1))`` after ``L`` hidden layers). Lists
        reached through other names are left as they were."""
        self.record_free_growth(target, front if front is not None else added, frame)  # a nested function's (interp.closure_lists)
        own = isinstance(target, ast.Name) or isinstance(target, ast.Attribute) and is_self(target.value, frame)
        if not own or not isinstance(recv, (TupleVal, ListOf, HeadedList)) or hasattr(recv, "fields"):
            return
        if isinstance(recv, HeadedList) and front is None:
            grown: Value = HeadedList(recv.head, join(recv.rest, added) if added is not None else recv.rest)
        elif appended and isinstance(recv, TupleVal) and added is not None and not frame.loops:
            grown = TupleVal((*recv.items, added))
        elif (
            appended
            and added is not None
            and call is not None
            and not frame.loops
            and (tail := appended_tail(recv, added, call, frame.scope_node, frame.taken)) is not None
        ):
            grown = TailedList(list_item(recv, added), tail=tail)  # the head after the hidden blocks
        elif isinstance(recv, (ListOf, HeadedList)) and front is not None:
            # out.insert(0, det_out) on a list of unknown length: det_out first, then the items it had
            grown = HeadedList((front, *recv.head), recv.rest) if isinstance(recv, HeadedList) else HeadedList((front,), recv.item)
        else:
            grown = ListOf(list_item(recv, front if front is not None else added))
        self.bind(target, grown, frame, env)

    @staticmethod
    def concat(left: Value, right: Value) -> Value:
        """``a + b`` of two sequences with known items (``losses + [sum(losses)]``)."""
        if isinstance(left, TupleVal) and isinstance(right, TupleVal):
            return TupleVal(left.items + right.items)
        return UNKNOWN

    @staticmethod
    def named_field(base: Value, name: str) -> Value | None:
        """``losses.total_loss`` of a named tuple; None when ``base`` is not one."""
        if isinstance(base, NamedTupleVal) and name in base.fields:
            return base.items[base.fields.index(name)]
        return None

    @staticmethod
    def dict_store(base: Value, key: Value, value: Value) -> DictVal | KeyedItems | None:
        """The dict after ``base[key] = value``; None when ``base`` is not a known dict.

        A literal string key sets that item; any other key could be any item, so every item
        becomes what it and ``value`` have in common. A literal string key stored into a value
        of unknown kind (the dict a helper the checker cannot follow returned) makes it
        :class:`KeyedItems`: that item reads back."""
        literal = isinstance(key, Const) and isinstance(key.value, str)
        if type(base) in (Unknown, ParamUnknown) or isinstance(base, KeyedItems):
            if not literal:
                return KeyedItems(tuple((k, join(v, value)) for k, v in base.items)) if isinstance(base, KeyedItems) else None
            known = dict(base.items) if isinstance(base, KeyedItems) else {}
            known[key.value] = value  # type: ignore[attr-defined]
            return KeyedItems(tuple(sorted(known.items())))
        if not isinstance(base, DictVal):
            return None
        if literal:
            items = dict(base.items)
            items[key.value] = value  # type: ignore[attr-defined]
            return DictVal(tuple(sorted(items.items())))
        return DictVal(tuple((k, join(v, value)) for k, v in base.items))

    def rebind_container(self, expr: ast.expr, value: Value, frame: Frame, env: Env) -> None:
        """Store a container changed in place back where it was read from (a local or ``self.x``)."""
        if isinstance(expr, ast.Name):
            if expr.id in env:
                env[expr.id] = value
        elif isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id == "self" and ("self." + expr.attr) in env:
            env["self." + expr.attr] = value
            if frame.is_init and isinstance(frame.self_value, Instance) and expr.attr in frame.self_value.attrs:
                # `self.crit = {}` then `self.crit["hm"] = FocalLoss()` in __init__: the instance's methods see the filled dict
                frame.self_value.attrs[expr.attr] = value

    def param_effects(
        self, ref: FunctionRef, pos: list[Value], kw: dict[str, Value], self_value: Value | None, env: Env, frame: Frame
    ) -> dict[int | str, Value]:
        """The known dicts the function changed in place (``ret["logits"] = x`` on a parameter),
        by positional index or keyword; only for a body that runs to its end without ``return``,
        so that the changes hold on every path."""
        if frame.returns:
            return {}
        fn = ref.node
        names = [p.arg for p in (*fn.args.posonlyargs, *fn.args.args)]
        if names and (self_value is not None or ref.owner is not None and not is_static(fn)):
            names = names[1:]
        effects: dict[int | str, Value] = {}
        for i, name in enumerate(names[: len(pos)]):
            after = env.get(name)
            if isinstance(pos[i], DictVal) and isinstance(after, DictVal) and after != pos[i]:
                effects[i] = after
        for name, before in kw.items():
            after = env.get(name)
            if isinstance(before, DictVal) and isinstance(after, DictVal) and after != before:
                effects[name] = after
        return effects

    def apply_effects(self, node: ast.Call, effects: dict[int | str, Value], frame: Frame, env: Env) -> None:
        """Store the dicts a call changed back into the caller's names (``predictor(feat, ret)``)."""
        for where, value in effects.items():
            if isinstance(where, int):
                if where < len(node.args) and not any(isinstance(a, ast.Starred) for a in node.args[: where + 1]):
                    self.rebind_container(node.args[where], value, frame, env)
            else:
                arg = next((k.value for k in node.keywords if k.arg == where), None)
                if arg is not None:
                    self.rebind_container(arg, value, frame, env)

    @staticmethod
    def any_value(d: DictVal) -> Value:
        """``d[key]`` with a key that is not a literal: what every value of the dict has in common
        (the join, so a fact survives only when it holds for each value)."""
        result = d.items[0][1]
        for _, v in d.items[1:]:
            result = join(result, v)
        return result

    @staticmethod
    def is_namedtuple_factory(callee: Value) -> bool:
        return isinstance(callee, QualName) and callee.name in NAMEDTUPLE

    @staticmethod
    def unshadowed(callee: Value) -> bool:
        return isinstance(callee, Unknown)
