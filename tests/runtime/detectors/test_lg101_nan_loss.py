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
