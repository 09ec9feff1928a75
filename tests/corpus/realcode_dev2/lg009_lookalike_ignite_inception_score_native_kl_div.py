"""look-alike [LG009]: ignite's inception-score test computes the reference score with the native torch.kl_div, whose integer reduction defaults to none: the per-element divergence is summed over classes, then averaged over images, as the score is defined."""
# Source: https://github.com/pytorch/ignite tests/ignite/metrics/gan/test_inception_score.py at
# de08e799cfb55a6cf4aa778575d6bad725385453 (found by lossguard's round-5 survey as a false LG009); re-typed, names changed, reduced.
import pytest
import torch

from ignite.metrics.gan.inception_score import InceptionScore


def reference_inception_score(p_yx):
    p_y = torch.unsqueeze(p_yx.mean(axis=0), 0)
    divergence = torch.kl_div(torch.log(p_y), p_yx)
    per_image = divergence.sum(axis=1)
    return torch.exp(torch.mean(per_image))


def test_inception_score_on_probabilities():
    p_yx = torch.rand(20, 10)
    metric = InceptionScore(num_features=10, feature_extractor=torch.nn.Identity())
    metric.update(p_yx)
    assert pytest.approx(reference_inception_score(p_yx)) == metric.compute()
