"""part of look-alike project [LG008]: MSNLoss.forward turns anchors into softmax probabilities over the prototypes, averages them over the batch and hands the mean to self.regularization_loss, which PMSNLoss overrides."""
# Source: https://github.com/lightly-ai/lightly lightly/loss/msn_loss.py at 337fb79ffc1e042bb2d4decb426c832d10865d82 ("Fix PMSNLoss (#1341)"), the fixed code;
# re-typed, names changed, reduced
# (sinkhorn, sharpening and the distributed gather left out).
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


def prototype_probabilities(queries: Tensor, prototypes: Tensor, temperature: float) -> Tensor:
    return F.softmax(torch.matmul(queries, prototypes.T) / temperature, dim=1)


class MSNLoss(nn.Module):
    def __init__(self, temperature: float = 0.1, sinkhorn_iterations: int = 3, regularization_weight: float = 1.0):
        super().__init__()
        self.temperature = temperature
        self.sinkhorn_iterations = sinkhorn_iterations
        self.regularization_weight = regularization_weight

    def forward(self, anchors: Tensor, targets: Tensor, prototypes: Tensor, target_sharpen_temperature: float = 0.25) -> Tensor:
        num_views = anchors.shape[0] // targets.shape[0]
        anchors = F.normalize(anchors, dim=1)
        targets = F.normalize(targets, dim=1)
        prototypes = F.normalize(prototypes, dim=1)

        anchor_probs = prototype_probabilities(anchors, prototypes, temperature=self.temperature)
        with torch.no_grad():
            target_probs = prototype_probabilities(targets, prototypes, temperature=self.temperature)
            target_probs = target_probs.repeat((num_views, 1))

        loss = torch.mean(torch.sum(torch.log(anchor_probs ** (-target_probs)), dim=1))

        if self.regularization_weight > 0:
            mean_anchor_probs = torch.mean(anchor_probs, dim=0)
            reg_loss = self.regularization_loss(mean_anchor_probs=mean_anchor_probs)
            loss += self.regularization_weight * reg_loss
        return loss

    def regularization_loss(self, mean_anchor_probs: Tensor) -> Tensor:
        loss = -torch.sum(torch.log(mean_anchor_probs ** (-mean_anchor_probs)))
        loss += math.log(float(len(mean_anchor_probs)))
        return loss
