"""Tensor methods as data: what each method of a known tensor does to it, by method name."""

from __future__ import annotations

from lossguard.static import torch_api as api
from lossguard.static.interp.extremes import EXTREME_METHODS, m_extreme
from lossguard.static.interp.gathered_shapes import gathered_shape
from lossguard.static.interp.python_numbers import ARITHMETIC_METHOD_ROWS, number_of, shape_value
from lossguard.static.interp.torch_args import MethodHandler, TorchCallArgs, table
from lossguard.static.tensor_ops import (
    KEEP_DTYPE,
    conversion_target,
    elementwise_activation,
    hand_written_scores,
    mixed_by_one_hot,
    reduced_shape,
    reshape,
)
from lossguard.static.values import INT, UNKNOWN, Act, Const, Dtype, ListOf, Shape, Tensor, Value


def _m_mix_by_one_hot(t: Tensor, c: TorchCallArgs) -> Value:
    """``p.bmm(one_hot)``, ``p.matmul(one_hot)``: see :func:`mixed_by_one_hot`."""
    mixed = mixed_by_one_hot(t, c.pos[0], batched=c.qname == "bmm") if len(c.pos) == 1 and not c.kw else None
    if mixed is None and len(c.pos) == 1 and not c.kw:
        mixed = hand_written_scores(t, c.pos[0])  # x.matmul(self.weight)
    return mixed if mixed is not None else Tensor(graph=False)


def _m_count(t: Tensor, c: TorchCallArgs) -> Value:
    """``x.size(0)``, ``x.dim()``, ``x.numel()``: an integer; ``x.size()`` is a shape (its own where
    known, interp.python_numbers)."""
    if c.pos or c.qname != "size":
        return INT
    return shape_value(t) or UNKNOWN


def _m_device_ordinal(t: Tensor, c: TorchCallArgs) -> Value:
    """``x.get_device()``: the index of the GPU holding ``x`` (-1 on the CPU), an integer, so that
    ``y.to(x.get_device())`` moves ``y`` and keeps its values."""
    return INT


def _m_number(t: Tensor, c: TorchCallArgs) -> Value:
    return number_of(t, c.qname)  # .item(), .tolist(): Python numbers (interp.python_numbers)


def _m_not_tensor(t: Tensor, c: TorchCallArgs) -> Value:
    return UNKNOWN  # .item(), .tolist(), .numpy(): a Python number or array, no graph


def _m_detach(t: Tensor, c: TorchCallArgs) -> Value:
    return t.with_(graph=False)


def _m_int(t: Tensor, c: TorchCallArgs) -> Value:
    return Tensor(dtype=Dtype.INT, shape=t.shape)


def _m_bool(t: Tensor, c: TorchCallArgs) -> Value:
    return Tensor(dtype=Dtype.BOOL, shape=t.shape)


def _m_compare(t: Tensor, c: TorchCallArgs) -> Value:
    return Tensor(dtype=Dtype.BOOL)  # a comparison: booleans, of the broadcast shape


def _m_int_result(t: Tensor, c: TorchCallArgs) -> Value:
    return Tensor(dtype=Dtype.INT)


def _m_type_as(t: Tensor, c: TorchCallArgs) -> Value:
    """Takes the other tensor's dtype (torch's semantics), values unchanged."""
    other = c.pos[0].dtype if c.pos and isinstance(c.pos[0], Tensor) else None
    if other is Dtype.FLOAT or (other is not None and other is t.dtype):
        return t.with_(dtype=other)
    return Tensor(dtype=other, shape=t.shape, graph=t.graph)


def _m_to(t: Tensor, c: TorchCallArgs) -> Value:
    target = conversion_target(c.pos, c.kw)
    if target is KEEP_DTYPE:
        return t  # .to(device), .cuda(): values and dtype unchanged
    dt = target if isinstance(target, Dtype) else None
    if dt is Dtype.FLOAT:
        return t.with_(dtype=dt, data=t.data)
    if target is None and t.dtype is not Dtype.INT and (t.act is not None or t.acts):
        # .to(device) with a device read from somewhere unknown (``x.to(batch.get_device())``, a
        # parameter): a device or a floating dtype moves or rounds the values and keeps what they
        # are; an integer dtype would be written as one (torch.long), read above
        return Tensor(act=t.act, act_site=t.act_site, acts=t.acts, shape=t.shape, graph=t.graph)
    return Tensor(dtype=dt, shape=t.shape, graph=t.graph)


def _m_refill(t: Tensor, c: TorchCallArgs) -> Value:
    """``x.random_(2)``, ``x.fill_(0)``, ``x.normal_()``: the same tensor (dtype, shape, graph) holding
    new numbers, so no activation is known (the receiver is rebound the same way, interp.calls)."""
    return t.with_(act=None, act_site=None, weights=t.weights)  # a parameter refilled in place is still one


def _m_float(t: Tensor, c: TorchCallArgs) -> Value:
    return t.with_(dtype=Dtype.FLOAT, data=t.data)  # numbers made a tensor, cast: no graph still


def _m_value_keeping(t: Tensor, c: TorchCallArgs) -> Value:
    return reshape(t, c.qname, c.pos, c.kw, c.node, c.frame)


def m_masked_select(t: Tensor, c: TorchCallArgs) -> Value:
    """``x.masked_select(mask)``, ``torch.masked_select(x, mask)``: the elements of ``x`` where the mask
    holds, in one axis of unknown size. The values are ``x``'s own, so its activation and dtype stay
    (sigmoid probabilities picked by a mask of known labels are still probabilities); the axis a
    softmax normalised does not."""
    return picked_elements(t, Shape((None,)))


def m_gather(t: Tensor, c: TorchCallArgs) -> Value:
    """``x.gather(dim, index)``, ``x.take_along_dim(index, dim)``, ``x.take(index)``: elements of ``x`` picked by an
    index tensor. The values are ``x``'s own, so its activation, dtype and graph stay, as for ``masked_select`` (a
    student's predicted probability for the next question, gathered from a sigmoid output, is still a sigmoid
    probability: bigdata-ustc/EduKTM's DKT); the axis a softmax normalised does not, and the shape (the index's) is
    left unknown (round 33, the opened realcode_heldout24) unless the index's shape is known: ``gather`` and ``take``
    return one element per index, in the index's shape (round 37: a DQN's ``q.gather(1, actions)`` with ``actions``
    reshaped to ``(-1, 1)`` is ``(N, 1)``)."""
    return picked_elements(t, gathered_shape(c.qname, c.pos, c.kw))


def picked_elements(t: Tensor, shape: Shape | None) -> Tensor:
    """Elements of ``t`` picked out (by a mask or an index) into ``shape``: ``t``'s own values, so its activation,
    dtype and graph stay; the axis a softmax normalised, a one-hot layout and per-option facts do not."""
    return t.with_(shape=shape, act_dim=None, one_hot=False, per_option=())


def _row_axis(c: TorchCallArgs, at: int, default: int | None) -> bool:
    """Whether the call's ``dim`` (the argument at ``at``, or ``dim=``, else ``default``) is the first axis, written
    as the literal 0."""
    dim = c.pos[at] if len(c.pos) > at else c.kw.get("dim", Const(default) if default is not None else UNKNOWN)
    return isinstance(dim, Const) and type(dim.value) is int and dim.value == 0


def rows_of(t: Tensor) -> Tensor:
    """Some rows of ``t`` (along the first axis): every fact but the first size stays (a row of probabilities is
    still one, an int64 label still int64); the shape only where the rank is known."""
    shape = t.shape
    kept = Shape((None, *shape.dims[1:])) if shape is not None and shape.rank_known and shape.dims else None
    return t.with_(shape=kept)


def m_row_selection(t: Tensor, c: TorchCallArgs) -> Value:
    """``x.index_select(0, idx)``: some rows of ``x``; ``x.split(n)``, ``x.split(sizes, dim=0)``, ``x.chunk(k)``: a
    list of such pieces (round 32, Sangmin-Bae/Binary-Classification-with-PyTorch's ``_batchify``). Another axis, or
    an axis that is not the literal 0: a tensor of nothing known."""
    if c.qname == "index_select":
        return rows_of(t) if _row_axis(c, 0, None) else Tensor()
    return ListOf(rows_of(t)) if _row_axis(c, 1, 0) else UNKNOWN


def m_reduce(t: Tensor, c: TorchCallArgs) -> Value:
    if c.qname == "mean" and (c.pos or c.kw) and t.act is Act.PROBS:
        return Tensor(act=t.act, act_site=t.act_site, dtype=t.dtype, graph=t.graph)  # averaged distributions: still probabilities
    # the mean or sum of unbounded scores is unbounded (a relativistic GAN's `d_real - d_fake.mean()`),
    # a mean of sigmoid probabilities is in [0, 1]; a sum of probabilities is neither
    shape = Shape(()) if not c.pos and not c.kw else reduced_shape(t.shape, c.pos, c.kw)
    if t.act is Act.LOGITS or t.act is Act.SIGMOID and c.qname in ("mean", "nanmean"):
        return Tensor(act=t.act, act_site=t.act_site, dtype=t.dtype, graph=t.graph, shape=shape)
    # a sum or mean of a per-element loss is a loss, known or not to hold its graph (values.Tensor.reduced)
    reduced = t.unreduced or t.reduced
    return Tensor(dtype=t.dtype if t.dtype is not Dtype.INT else None, graph=t.graph, shape=shape, reduced=reduced)


def _m_log(t: Tensor, c: TorchCallArgs) -> Value:
    if t.act is Act.PROBS:
        return t.with_(act=Act.LOG_PROBS)
    return Tensor(dtype=t.dtype, shape=t.shape, graph=t.graph)


def _m_exp(t: Tensor, c: TorchCallArgs) -> Value:
    if t.act is Act.LOG_PROBS:
        return t.with_(act=Act.PROBS)
    return Tensor(dtype=t.dtype, shape=t.shape, graph=t.graph)


def _m_elementwise(t: Tensor, c: TorchCallArgs) -> Value:
    """``x.tanh()``, ``x.relu()``: new values of the same shape, no activation known (``relu``'s are at least 0)."""
    rectified = c.qname in api.RECTIFIER_METHODS
    off = t.act is Act.LOGITS and c.qname in api.OFF_RANGE_METHODS
    return elementwise_activation(t, rectified, off, c.site(f".{c.qname}()") if rectified or off else None)


def _m_clamp(t: Tensor, c: TorchCallArgs) -> Value:
    if t.act in (Act.PROBS, Act.SIGMOID):
        return t  # clamped probabilities are still probabilities
    return Tensor(dtype=t.dtype, shape=t.shape, graph=t.graph, data=t.data)  # numbers made a tensor, clamped: no graph


#: What each method of a known tensor does, by method name (softmax, sigmoid and backward are
#: handled before this table; a method not listed gives some tensor without a graph).
TENSOR_METHODS: dict[str, MethodHandler] = table(
    (("size", "dim", "numel"), _m_count),
    (("get_device",), _m_device_ordinal),
    (("item", "tolist"), _m_number),
    (("numpy", "__len__"), _m_not_tensor),
    (("detach", "detach_"), _m_detach),
    (api.INT_METHODS, _m_int),
    (("bool",), _m_bool),
    (api.COMPARISON_METHODS, _m_compare),
    (api.INT_RESULT_METHODS, _m_int_result),
    (("type_as",), _m_type_as),
    (("to", "type"), _m_to),
    (api.FLOAT_METHODS, _m_float),
    (api.REFILL_METHODS, _m_refill),
    (api.VALUE_KEEPING_METHODS, _m_value_keeping),
    (api.REDUCING_METHODS, m_reduce),
    (EXTREME_METHODS, m_extreme),
    (("masked_select",), m_masked_select),
    (("gather", "take_along_dim", "take"), m_gather),
    (api.ROW_SELECTION_METHODS, m_row_selection),
    (("log",), _m_log),
    (("exp",), _m_exp),
    (("clamp", "clip", "clamp_", "clip_"), _m_clamp),
    (api.ELEMENTWISE_METHODS, _m_elementwise),
    (("bmm", "matmul"), _m_mix_by_one_hot),
    *ARITHMETIC_METHOD_ROWS,
)
