"""part of look-alike project [LG008, LG009]: the listwise KL divergence compares log-softmaxed scores and targets with F.kl_div, log_target=True and reduction="batchmean"."""
# Source: webis-de/lightning-ir at the fix 2832d0a ("use batchmean reduction for kldiv"),
# lightning_ir/loss/loss.py; re-typed; margin-MSE, approximate-rank and in-batch losses cut.
from abc import ABC, abstractmethod

import torch


class LossFunction(ABC):
    @abstractmethod
    def compute_loss(self, *args, **kwargs) -> torch.Tensor: ...


class ScoringLossFunction(LossFunction):
    def process_targets(self, scores: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        if targets.ndim > scores.ndim:
            return targets.max(-1).values
        return targets


class PairwiseLossFunction(ScoringLossFunction):
    def get_pairwise_idcs(self, targets: torch.Tensor):
        return torch.nonzero(targets[..., None] > targets[:, None], as_tuple=True)


class ListwiseLossFunction(ScoringLossFunction):
    pass


class RankNet(PairwiseLossFunction):
    def compute_loss(self, scores: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        targets = self.process_targets(scores, targets)
        query_idcs, pos_idcs, neg_idcs = self.get_pairwise_idcs(targets)
        margin = scores[query_idcs, pos_idcs] - scores[query_idcs, neg_idcs]
        return torch.nn.functional.binary_cross_entropy_with_logits(margin, torch.ones_like(margin))


class KLDivergence(ListwiseLossFunction):
    def compute_loss(self, scores: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        targets = self.process_targets(scores, targets)
        scores = torch.nn.functional.log_softmax(scores, dim=-1)
        targets = torch.nn.functional.log_softmax(targets.to(scores), dim=-1)
        loss = torch.nn.functional.kl_div(
            scores, targets, log_target=True, reduction="batchmean"
        )
        return loss


class LocalizedContrastiveEstimation(ListwiseLossFunction):
    def compute_loss(self, scores: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        targets = self.process_targets(scores, targets)
        targets = targets.argmax(dim=1)
        return torch.nn.functional.cross_entropy(scores, targets)
