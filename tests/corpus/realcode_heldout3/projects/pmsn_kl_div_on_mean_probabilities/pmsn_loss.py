"""part of positive project [LG008]: PMSNLoss.regularization_loss feeds the mean anchor probabilities (not their log) as F.kl_div's input, in both the power-law and the custom-target variant."""
# Source: https://github.com/lightly-ai/lightly lightly/loss/pmsn_loss.py at 185837a4fc4dfff5f8523efdb8d28ff1b661c947,
# the parent of 337fb79ffc1e042bb2d4decb426c832d10865d82 ("Fix PMSNLoss (#1341)"); re-typed, names changed, reduced.
from typing import Callable

import torch
import torch.nn.functional as F
from torch import Tensor

from msn_loss import MSNLoss


class PMSNLoss(MSNLoss):
    def __init__(self, temperature: float = 0.1, sinkhorn_iterations: int = 3, regularization_weight: float = 1, power_law_exponent: float = 0.25):
        super().__init__(temperature=temperature, sinkhorn_iterations=sinkhorn_iterations, regularization_weight=regularization_weight)
        self.power_law_exponent = power_law_exponent

    def regularization_loss(self, mean_anchor_probs: Tensor) -> Tensor:
        power_dist = _power_law_distribution(
            size=mean_anchor_probs.shape[0],
            exponent=self.power_law_exponent,
            device=mean_anchor_probs.device,
        )
        loss = F.kl_div(input=mean_anchor_probs, target=power_dist, reduction="sum")  # expect: LG008
        return loss


class PMSNCustomLoss(MSNLoss):
    def __init__(self, target_distribution: Callable[[Tensor], Tensor], temperature: float = 0.1, sinkhorn_iterations: int = 3, regularization_weight: float = 1):
        super().__init__(temperature=temperature, sinkhorn_iterations=sinkhorn_iterations, regularization_weight=regularization_weight)
        self.target_distribution = target_distribution

    def regularization_loss(self, mean_anchor_probs: Tensor) -> Tensor:
        target_dist = self.target_distribution(mean_anchor_probs).to(mean_anchor_probs.device)
        loss = F.kl_div(input=mean_anchor_probs, target=target_dist, reduction="sum")  # expect: LG008
        return loss


def _power_law_distribution(size: int, exponent: float, device: torch.device) -> Tensor:
    k = torch.arange(1, size + 1, device=device)
    power_dist = torch.tensor(k ** (-exponent))
    power_dist = power_dist / power_dist.sum()
    return power_dist
