"""part of positive project [LG009]: the loss test calls every scoring loss, KL divergence included, on random scores and integer relevance labels."""
# Source: webis-de/lightning-ir at the parent of 2832d0a ("use batchmean reduction for kldiv"),
# tests/test_loss.py; re-typed; the approximate-rank, margin-MSE, in-batch and regularisation cases cut.
from typing import Type

import pytest
import torch

from lightning_ir.loss.loss import KLDivergence, LocalizedContrastiveEstimation, RankNet, ScoringLossFunction

torch.manual_seed(42)


@pytest.fixture(scope="module")
def scores() -> torch.Tensor:
    return torch.randn((4, 10), requires_grad=True)


@pytest.fixture(scope="module")
def labels() -> torch.Tensor:
    return torch.randint(0, 5, (4, 10))


@pytest.mark.parametrize("LossFunc", [KLDivergence, LocalizedContrastiveEstimation, RankNet])
def test_loss_func(scores: torch.Tensor, labels: torch.Tensor, LossFunc: Type[ScoringLossFunction]):
    loss_func = LossFunc()
    loss = loss_func.compute_loss(scores, labels)
    assert loss >= 0
    assert loss.requires_grad
