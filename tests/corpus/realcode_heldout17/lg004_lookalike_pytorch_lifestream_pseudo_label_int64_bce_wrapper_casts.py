"""look-alike [LG004, LG002, LG007]: the event-sequence library's pseudo-label loss builds int64 pseudo labels for its BCE branch ((p > 0.5).type(torch.int64)), but the loss it calls is the library's own BCELoss module, which casts prediction and target with .float() before nn.BCELoss; the NLL branch takes argmax labels of log-probabilities (exp() recovers the confidences)."""
# Source: pytorch-lifestream/pytorch-lifestream at 73a7a549 (read as is), ptls/loss.py; re-typed, identifiers renamed;
# the ranking, multi-task and TabNet losses of the same module cut.
import torch
from torch import nn


class BCELoss(nn.Module):
    def __init__(self):
        super().__init__()
        self.loss = nn.BCELoss()

    def forward(self, pred, true):
        return self.loss(pred.float(), true.float())


class MSELoss(nn.Module):
    def __init__(self):
        super().__init__()
        self.loss = nn.MSELoss()

    def forward(self, pred, true):
        return self.loss(pred.float(), true.float())


class PseudoLabeledLoss(nn.Module):
    def __init__(self, loss, pl_threshold=0.5, unlabeled_weight=1.):
        super().__init__()
        self.loss = loss
        self.pl_threshold = pl_threshold
        self.unlabeled_weight = unlabeled_weight

    def forward(self, pred, true):
        lab_pred, unlab_pred = pred['labeled'], pred['unlabeled']
        if isinstance(self.loss, nn.NLLLoss):
            pseudo = torch.argmax(unlab_pred.detach(), 1)
        elif isinstance(self.loss, BCELoss):
            pseudo = (unlab_pred.detach() > 0.5).type(torch.int64)
        else:
            raise Exception(f'unknown loss type: {self.loss}')

        if isinstance(self.loss, nn.NLLLoss):
            probs = torch.exp(unlab_pred.detach())
            mask = (probs.max(1)[0] > self.pl_threshold)
        elif isinstance(self.loss, BCELoss):
            probs = unlab_pred.detach()
            mask = abs(probs - (1 - pseudo)) > self.pl_threshold
        else:
            mask = torch.ones(unlab_pred.shape[0]).bool()

        sup = self.loss(lab_pred, true)
        if mask.sum() == 0:
            return sup
        unsup = self.unlabeled_weight * self.loss(unlab_pred[mask], pseudo[mask])
        return (sup + unsup) / (1 + self.unlabeled_weight)
