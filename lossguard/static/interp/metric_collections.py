"""torchmetrics' collections and metrics: what ``collection.update(preds, target)`` runs.

Round 23 (realcode_heldout14 opened: torch-uncertainty's NLL metric). A ``MetricCollection`` of
metric objects hands every ``update(...)`` (and every call, ``collection(preds, target)``) to each
of its metrics with the same arguments, and ``collection.clone(prefix=...)`` is a collection of
copies of the same metrics (torchmetrics' documented behaviour). A metric of the checked code that
calls a loss on what it is updated with (an NLL metric's ``F.nll_loss(probs, target)``) is then
checked with the values the caller passed: softmax probabilities updated into it are LG007, and
the finding is reported at the metric's loss call, which names the caller's call.

A metric object called directly (``metric(preds, target)``) runs its ``update`` when its class
(deriving from ``torchmetrics.Metric``) defines no ``forward``: torchmetrics' ``Metric.forward``
updates the state with the batch. A metric's ``update``, however reached, runs with gradients
disabled, as torchmetrics runs it: a loss tensor added to a metric's state holds no graph (no
LG006), as it would in a hand-written meter.

Only members that are instances of classes of the checked code are followed (torchmetrics' own
metrics are not losses); a collection whose members cannot be read (built from a variable of
unknown contents, ``**`` arguments) is not followed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any

from lossguard.static.interp.frame import Frame
from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import UNKNOWN, DictVal, FunctionRef, Instance, QualName, TupleVal, Value

_COLLECTIONS = ("torchmetrics.MetricCollection", "torchmetrics.collections.MetricCollection")
_METRIC_BASES = ("torchmetrics.Metric", "torchmetrics.metric.Metric")
#: the methods of a collection that run each metric's method of the same name
_FANNED_OUT = ("update", "forward")
#: the methods of a collection that give a collection of the same metrics
_SAME_METRICS = ("clone", "to", "cuda", "cpu", "train", "eval")


@dataclass(frozen=True, eq=False)
class MetricGroup(Value):
    """A ``torchmetrics.MetricCollection`` of metric objects of the checked code."""

    members: tuple[Instance, ...]

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


def _collection(interp: Any, c: TorchCallArgs) -> Value:
    """``MetricCollection({"nll": NLL(), ...})``, ``MetricCollection([a, b])``, ``MetricCollection(a, b)``."""
    if c.starred:
        return UNKNOWN
    first = c.pos[0] if c.pos else c.kw.get("metrics", UNKNOWN)
    if isinstance(first, DictVal):
        members: tuple[Value, ...] = tuple(v for _, v in first.items)
    elif isinstance(first, TupleVal):
        members = first.items
    else:
        members = tuple(c.pos)
    kept = tuple(m for m in members if isinstance(m, Instance))
    return MetricGroup(kept) if kept else UNKNOWN


#: rows of the torch function table (interp.torch_calls)
METRIC_COLLECTION_ROWS = ((_COLLECTIONS, _collection),)


def is_metric(interp: Any, inst: Instance) -> bool:
    return any(isinstance(b, QualName) and b.name in _METRIC_BASES for b in interp._bases(inst.cls)[1:])


def metric_update(interp: Any, inst: Instance) -> FunctionRef | None:
    """The method a call of a torchmetrics metric object runs when its class has no ``forward``."""
    return interp._find_method(inst.cls, "update") if is_metric(interp, inst) else None


def update_without_grad(interp: Any, func: FunctionRef, self_value: Value) -> bool:
    """``metric.update(...)`` of a torchmetrics metric: torchmetrics wraps ``update`` to run with
    gradients disabled (``Metric._wrap_update``), so a loss it adds to its state holds no graph."""
    return func.node.name == "update" and isinstance(self_value, Instance) and is_metric(interp, self_value)


def run_metric_method(
    interp: Any, member: Instance, method: FunctionRef, node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Frame
) -> Value:
    """A metric's method run for this call; torchmetrics runs a metric's ``update`` with gradients
    disabled (unless the metric asks for them), so what it keeps holds no graph."""
    no_grad = frame.no_grad or update_without_grad(interp, method, member)
    return interp.call_function(
        method, pos, kw, self_value=member, depth=frame.depth + 1, no_grad=no_grad, called=frame.called, callsite=(frame.module, node)
    )


def group_method(
    interp: Any, group: MetricGroup, name: str, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame
) -> Value:
    """``collection.update(preds, target)``: each metric's ``update`` with these arguments (its
    ``forward`` for ``collection(preds, target)``, ``update`` where it has none)."""
    if name in _SAME_METRICS:
        return group
    if name not in _FANNED_OUT or starred:
        return UNKNOWN
    for member in group.members:
        method = interp._find_method(member.cls, name) if name == "update" else interp._find_method(member.cls, "forward")
        if method is None and name == "forward":
            method = metric_update(interp, member)
        if method is not None:
            run_metric_method(interp, member, method, node, pos, kw, frame)
    return UNKNOWN
