import math

import pytest

from lossguard.errors import UsageError
from lossguard.runtime.detectors import NanLoss, StepStats
from tests.runtime.detectors.roundtrip import assert_roundtrip


def test_reports_first_nonfinite_loss_once_per_episode():
    det = NanLoss(rearm_after=3)
    losses = [1.0, 0.9, math.nan, math.nan, math.inf, 0.8, 0.7, 0.6, math.nan]
    found = [(i, det.update(StepStats(i, loss=v))) for i, v in enumerate(losses)]
    steps = [i for i, f in found if f is not None]
    assert steps == [2, 8]
    assert "nan" in found[2][1].message


def test_inf_gradient_with_finite_loss_is_reported_with_its_parameter():
    det = NanLoss()
    f = det.update(StepStats(5, loss=0.3, grad_norm=math.inf, nonfinite_grad="encoder.weight"))
    assert f is not None and "encoder.weight" in f.message and "inf" in f.message
    # xuyxu/Soft-Decision-Tree at Adam 0.1: its penalty, added after the criterion, went to inf
    # (log of a routing probability of 0) and made the gradient NaN while the criterion was finite
    assert "terms to the loss after the watched criterion (a penalty, a regulariser)" in f.fix


def test_weights_made_non_finite_name_the_learning_rate_and_where_to_go_back_to():
    # "lower the learning rate ... then restart from the last finite checkpoint": at step 3 there is none
    fixes = [
        NanLoss()
        .update(StepStats(step, loss=math.nan, lr=1.0, nonfinite_source="the model output (loss input); parameter fc.weight is non-finite"))
        .fix
        for step in (3, 400)
    ]
    assert fixes[0].startswith("An earlier update made the weights non-finite: lower the learning rate from 1 to 0.1 and clip"), fixes[0]
    assert "then start the run again." in fixes[0] and "then restart from the last finite checkpoint." in fixes[1]


def test_gradients_ignored_when_disabled():
    assert NanLoss(check_grads=False).update(StepStats(0, loss=0.3, grad_norm=math.nan)) is None


def test_finite_run_is_silent():
    det = NanLoss()
    assert all(det.update(StepStats(i, loss=1.0 / (i + 1), grad_norm=1.0)) is None for i in range(100))


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_argument_errors_read_like_ignite(bad):
    with pytest.raises(UsageError, match=r"Argument rearm_after should be a positive integer, got"):
        NanLoss(rearm_after=bad)


def test_state_roundtrip():
    series = [StepStats(i, loss=(math.nan if i in (10, 11, 40) else 1.0)) for i in range(60)]
    assert len(assert_roundtrip(lambda: NanLoss(rearm_after=5), series, split=11)) == 2


def _skip_gram_run(lr: float, nan_at: int | None = None, steps: int = 40):
    """theeluwin/pytorch-sgns's shape (docs/runtime.md round 31): word vectors trained by skip-gram with negative
    sampling, the loss written in the model as ``-(log sigmoid(o.i) + sum log sigmoid(-n.i))`` and watched through
    ``observe`` (its inputs unseen), Adam; word2vec's initialisation (+-0.5/dim). ``nan_at``: a NaN in that batch's
    input vectors (the data, not the rate)."""
    import torch
    import torch.nn as nn

    import lossguard

    torch.manual_seed(0)
    vocab, dim = 200, 32
    ivectors, ovectors = nn.Embedding(vocab, dim), nn.Embedding(vocab, dim)
    for table in (ivectors, ovectors):
        nn.init.uniform_(table.weight, -0.5 / dim, 0.5 / dim)
    model = nn.ModuleDict({"i": ivectors, "o": ovectors})
    watcher = lossguard.watch(model, console=False)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    g = torch.Generator().manual_seed(1)
    for step in range(steps):
        iword = torch.randint(0, vocab, (128,), generator=g)
        owords = (iword[:, None] + torch.randint(1, 4, (128, 6), generator=g)) % vocab  # each word's few successors
        nwords = torch.randint(0, vocab, (128, 6 * 5), generator=g)
        i = ivectors(iword).unsqueeze(2)
        if step == nan_at:
            i = i.clone()
            i[0, 0, 0] = float("nan")
        oloss = torch.bmm(ovectors(owords), i).squeeze().sigmoid().log().mean(1)
        nloss = torch.bmm(ovectors(nwords).neg(), i).squeeze().sigmoid().log().view(-1, 6, 5).sum(2).mean(1)
        loss = watcher.observe(-(oloss + nloss).mean())
        opt.zero_grad()
        loss.backward()
        opt.step()
    watcher.close()
    return watcher.events


def test_a_loss_of_unseen_inputs_gone_inf_after_an_update_larger_than_the_weights_names_the_rate():
    # Adam 1: an early update moves the last layer by 110.8x its norm (LG102 at step 3); at step 7 a sigmoid underflows
    # to 0 and its log is -inf. The fix about the loss's form (log(sigmoid)) stands, after the learning rate that got it
    # there (the base code said only "Check the tensors this loss is computed from ... a numerically stable form")
    events = [e for e in _skip_gram_run(1.0) if e.code == "LG101"]
    assert [e.step for e in events] == [7], events
    fix = events[0].fix
    assert fix.startswith("An earlier update moved the last layer by 110.8 of its norm (healthy training: about 0.001-0.05): "), fix
    assert "lower the learning rate from 1 to 0.001 (1000x, chosen from the update size: 110.8 " in fix, fix
    assert "and start the run again. Then: Check the tensors this loss is computed from for NaN or inf" in fix, fix
    assert "not log(softmax) or log(sigmoid)" in fix


def test_a_nan_in_the_data_of_a_loss_of_unseen_inputs_at_a_healthy_rate_keeps_its_fix():
    events = [e for e in _skip_gram_run(1e-3, nan_at=25) if e.code == "LG101"]
    assert [e.step for e in events] == [25], events
    assert events[0].fix.startswith("Check the tensors this loss is computed from for NaN or inf"), events[0].fix
