"""lossguard.static.values: where two paths meet, only the facts both agree on survive.

A finding rests on what ``join`` keeps, so every field it could keep by mistake is a false alarm
waiting for code that differs between an ``if`` and its ``else``.
"""

from __future__ import annotations

import ast

import pytest

from lossguard.static.interp.sequences import NamedTupleVal
from lossguard.static.values import (
    MAX_EITHER,
    UNKNOWN,
    Act,
    Const,
    DictVal,
    Dtype,
    Either,
    KeyedItems,
    ListOf,
    LossSpec,
    MaybeNone,
    PretrainedModel,
    SequentialVal,
    Shape,
    Site,
    Tensor,
    TupleVal,
    join,
)

PROBS = Tensor(act=Act.PROBS, dtype=Dtype.FLOAT, shape=Shape((64, 10)), graph=True)


def test_equal_values_survive_and_different_ones_become_unknown():
    assert join(PROBS, Tensor(act=Act.PROBS, dtype=Dtype.FLOAT, shape=Shape((64, 10)), graph=True)) == PROBS
    assert join(Const(1), Const(1)) == Const(1)
    assert join(Const(1), Const(2)) is UNKNOWN
    assert join(Const(1), PROBS) is UNKNOWN
    ce = LossSpec("torch.nn.CrossEntropyLoss", "ce", "mean")
    assert join(ce, LossSpec("torch.nn.CrossEntropyLoss", "ce", "sum")) is UNKNOWN


@pytest.mark.parametrize(
    "other, kept",
    [
        (PROBS.with_(act=Act.LOGITS), {"dtype": Dtype.FLOAT, "shape": Shape((64, 10))}),
        # two shapes of one rank keep it, with the sizes they share (round 32, threads22); of two ranks, nothing
        (PROBS.with_(shape=Shape((64, 1))), {"act": Act.PROBS, "dtype": Dtype.FLOAT, "shape": Shape((64, None))}),
        (PROBS.with_(shape=Shape((64,))), {"act": Act.PROBS, "dtype": Dtype.FLOAT}),
        (PROBS.with_(dtype=Dtype.INT), {"act": Act.PROBS, "shape": Shape((64, 10))}),
    ],
    ids=["activation", "shape", "rank", "dtype"],
)
def test_tensors_keep_each_fact_only_where_both_paths_agree(other: Tensor, kept: dict):
    for joined in (join(PROBS, other), join(other, PROBS)):
        facts = {"act": joined.act, "dtype": joined.dtype, "shape": joined.shape}
        assert {k: v for k, v in facts.items() if v is not None} == kept


def test_a_graph_or_a_per_element_loss_is_known_only_when_both_paths_hold_one():
    loss = Tensor(graph=True, unreduced=True)
    assert join(loss, loss) == loss
    assert join(loss, Tensor(graph=False, unreduced=True)) == Tensor(graph=False, unreduced=True)
    assert join(Tensor(graph=True, unreduced=False), loss) == Tensor(graph=True, unreduced=False)


def test_a_reduction_of_a_per_element_loss_is_a_loss_on_its_path_whatever_the_order_the_paths_meet():
    # round 37 (huggingface/trl's _reduce_divergence_loss): the per-element value holds no known graph (a kl_div with
    # reduction="none" met a hand-written divergence), so its sum holds none either; it is still a loss on that path
    per_token = Tensor(unreduced=True)
    summed = Tensor(shape=Shape(()), reduced=True)
    raw = Tensor()  # a model's raw output: no loss
    assert not join(summed, per_token).unreduced and not join(per_token, summed).unreduced
    assert not join(join(summed, raw), per_token).unreduced
    assert not join(per_token, join(raw, summed)).unreduced
    assert not join(join(Tensor(graph=True), raw), per_token).unreduced  # a loss with its graph, lost by the first join
    # a per-element loss and no loss on the other path: per-element as before
    assert join(per_token, raw).unreduced and join(raw, per_token).unreduced
    assert join(join(raw, raw.with_(dtype=Dtype.FLOAT)), per_token).unreduced


def test_a_sum_started_from_zero_meets_its_zero_as_a_sum_that_keeps_only_its_graph():
    summed = Tensor(act=Act.LOGITS, dtype=Dtype.FLOAT, shape=Shape(()), graph=True, from_zero=True)
    for zero in (Const(0), Const(0.0)):
        for joined in (join(zero, summed), join(summed, zero)):
            assert joined == Tensor(graph=True)
            assert isinstance(joined, Tensor) and joined.from_zero
    # any other number, or a tensor that did not start from the zero and holds no graph, disagrees as before
    assert join(Const(1.0), summed) is UNKNOWN
    assert join(Const(False), summed) is UNKNOWN
    assert join(Const(0.0), summed.with_(from_zero=False, graph=False)) is UNKNOWN
    assert not join(summed, Tensor(graph=True)).from_zero


def test_a_zero_meets_a_graph_holding_tensor_as_a_tensor_that_keeps_only_its_graph():
    # round 26: `train_loss = 0.0` before a batch loop that binds `train_loss = criterion(...)`: after the loop it is
    # the last batch's loss or the zero (no batch ran); the graph is kept, marked as maybe the zero (LG006 offers no fix)
    loss = Tensor(act=Act.LOGITS, dtype=Dtype.FLOAT, shape=Shape(()), graph=True)
    for zero in (Const(0), Const(0.0)):
        for joined in (join(zero, loss), join(loss, zero)):
            assert joined == Tensor(graph=True)
            assert isinstance(joined, Tensor) and joined.from_zero
    assert join(Const(2.0), loss) is UNKNOWN
    # a loss or None (round 27, survey18: an agent's train_step returns None until its buffer fills): the loss where a
    # test rules None out, unknown elsewhere
    assert join(Const(None), loss) == MaybeNone(loss) == join(loss, Const(None))
    assert isinstance(join(Const(None), loss), type(UNKNOWN))


def test_the_activation_site_goes_with_the_activation():
    site_a, site_b = (Site(ast.parse("x").body[0], 0, "F.softmax") for _ in range(2))
    site_b.line_node.lineno = 9  # type: ignore[attr-defined]
    a, b = Tensor(act=Act.PROBS, act_site=site_a), Tensor(act=Act.PROBS, act_site=site_b)
    # the same activation on both paths: the site first in the file, whichever path comes first
    assert join(a, b).act_site is site_a and join(b, a).act_site is site_a
    assert join(a, Tensor(act=Act.LOGITS, act_site=site_b)).act_site is None


def test_different_known_activations_are_kept_as_the_set_the_paths_may_hold():
    log_probs = PROBS.with_(act=Act.LOG_PROBS)
    joined = join(PROBS, log_probs)
    assert joined.act is None and joined.acts == {Act.PROBS, Act.LOG_PROBS}
    assert join(joined, PROBS.with_(act=Act.LOGITS)).acts == {Act.PROBS, Act.LOG_PROBS, Act.LOGITS}
    # an unknown activation on one side leaves nothing to say about the set
    assert join(PROBS, Tensor(dtype=Dtype.FLOAT)).acts == frozenset()
    assert join(joined, Tensor()).acts == frozenset()
    # a new activation (a log_softmax of the joined value) replaces the set
    assert joined.with_(act=Act.LOG_PROBS).possible_acts() == {Act.LOG_PROBS}
    assert joined.with_(act=Act.LOG_PROBS).with_(act=None).possible_acts() == frozenset()


def test_a_list_that_may_still_be_its_literal_joins_as_a_list_of_all_their_items():
    logits = Tensor(act=Act.LOGITS)
    assert join(TupleVal(()), ListOf(PROBS)) == ListOf(PROBS)  # `outs = []` then appends in a loop
    assert join(ListOf(PROBS), TupleVal((logits,))) == ListOf(join(PROBS, logits))
    assert join(TupleVal((PROBS, PROBS)), ListOf(PROBS)) == ListOf(PROBS)


def test_containers_join_item_by_item_and_only_when_alike():
    logits = Tensor(act=Act.LOGITS)
    assert join(TupleVal((PROBS, Const(1))), TupleVal((logits, Const(1)))) == TupleVal((join(PROBS, logits), Const(1)))
    # round 12: lists of different lengths (`if c: outs.append(x)`) are a list of all their items
    joined = join(TupleVal((PROBS,)), TupleVal((logits, PROBS)))
    assert isinstance(joined, ListOf) and joined.item == join(PROBS, logits)
    # round 29: each length's tuple is kept, for unpacking into as many names (statements.bind)
    assert joined.by_length == (TupleVal((PROBS,)), TupleVal((logits, PROBS)))
    assert join(TupleVal((PROBS,)), NamedTupleVal((PROBS, PROBS), ("a", "b"))) is UNKNOWN
    assert join(ListOf(PROBS), ListOf(logits)) == ListOf(join(PROBS, logits))
    assert join(DictVal((("out", PROBS),)), DictVal((("out", logits),))) == DictVal((("out", join(PROBS, logits)),))
    # round 12: a key one path does not set keeps the value of the path that sets it (reading it
    # anywhere else raises KeyError)
    assert join(DictVal((("out", PROBS),)), DictVal((("logits", logits), ("out", PROBS)))) == DictVal((("logits", logits), ("out", PROBS)))


def test_keyed_items_keep_a_key_only_where_every_path_that_may_hold_it_stored_it():
    raw = Tensor(act=Act.LOGITS, dtype=Dtype.FLOAT)
    stored = KeyedItems((("log_probs", PROBS), ("logits", raw)))
    # both paths stored "log_probs"; only one stored "logits", and the other may hold any "logits"
    assert join(stored, KeyedItems((("log_probs", PROBS),))) == KeyedItems((("log_probs", PROBS),))
    # a known dict without "logits" raises KeyError there: the key reads what the other path stored
    assert join(stored, DictVal((("log_probs", PROBS),))) == stored
    # nothing in common, or a value of another kind: unknown
    assert join(KeyedItems((("a", PROBS),)), KeyedItems((("b", PROBS),))) is UNKNOWN
    assert join(stored, UNKNOWN) is UNKNOWN
    assert join(stored, PROBS) is UNKNOWN


def test_different_models_become_either_up_to_a_limit():
    models = [PretrainedModel(f"torchvision.models.m{i}") for i in range(MAX_EITHER + 1)]
    seq = SequentialVal((Const(0),))
    both = join(models[0], seq)
    assert both == Either((models[0], seq))
    assert join(both, seq) == both  # an option already there is not added twice
    grown: object = models[0]
    for m in models[1:MAX_EITHER]:
        grown = join(grown, m)  # type: ignore[arg-type]
    assert grown == Either(tuple(models[:MAX_EITHER]))
    assert join(grown, models[MAX_EITHER]) is UNKNOWN  # type: ignore[arg-type]


def test_shape_describe_marks_unknown_sizes_and_an_unknown_rank():
    assert Shape((64, None)).describe() == "(64, ?)"
    assert Shape(("batch",)).describe() == "(batch,)"
    assert Shape((10,), rank_known=False).describe() == "(..., 10)"
    assert Shape((), rank_known=False).describe() == "(...)"


def test_an_optional_criterion_is_kept_apart_from_none_and_nothing_else_is():
    bce = LossSpec("torch.nn.BCELoss", "bce", "mean")
    assert join(bce, Const(None)) == MaybeNone(bce)
    assert join(Const(None), bce) == MaybeNone(bce)
    assert join(MaybeNone(bce), bce) == MaybeNone(bce)
    assert join(MaybeNone(bce), Const(None)) == MaybeNone(bce)
    assert join(MaybeNone(bce), LossSpec("torch.nn.MSELoss", "elementwise", "mean")) is UNKNOWN
    # a loss object, a layer or a tensor (round 30: a target made a tensor only `if y is not None:`); anything else
    # or None stays unknown
    assert join(PROBS.with_(graph=False), Const(None)) == MaybeNone(PROBS.with_(graph=False))
    assert join(Const(1), Const(None)) is UNKNOWN
    assert join(PROBS.with_(graph=True), Const(None)) == MaybeNone(PROBS.with_(graph=True))
    assert isinstance(MaybeNone(bce), type(UNKNOWN))  # unknown wherever it is not narrowed


def test_logits_joined_with_a_rectifier_s_numbers_are_no_log_probabilities_either_way():
    # round 30 (omihub777/image-classification-pytorch: fourteen networks ending in a Linear layer, one in a pooled ReLU)
    logits = Tensor(act=Act.LOGITS, dtype=Dtype.FLOAT)
    rectified = Tensor(dtype=Dtype.FLOAT, rectified=True)
    joined = join(logits, rectified)
    assert isinstance(joined, Tensor) and joined.act is None and joined.no_log_probs
    again = join(joined, Tensor(dtype=Dtype.FLOAT, shape=Shape((None, 10)), rectified=True))
    assert isinstance(again, Tensor) and again.no_log_probs
    assert isinstance(j := join(joined, logits), Tensor) and j.no_log_probs
    # a path that gives log-probabilities, or numbers nothing is known of, keeps the join unknown
    for other in (Tensor(act=Act.LOG_PROBS, dtype=Dtype.FLOAT), Tensor(dtype=Dtype.FLOAT)):
        assert isinstance(j := join(rectified, other), Tensor) and not j.no_log_probs
    # two activations both known keep them as acts, not this mark
    assert isinstance(j := join(logits, Tensor(act=Act.PROBS, dtype=Dtype.FLOAT)), Tensor) and not j.no_log_probs
    assert not logits.with_(shape=Shape((4, 10))).no_log_probs
    assert not joined.with_(dtype=Dtype.FLOAT).no_log_probs  # dropped by any arithmetic, as `rectified` is
