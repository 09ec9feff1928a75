"""look-alike [LG007, LG010, LG011, LG015]: multi-class focal loss: F.log_softmax(x, dim=-1) into an nn.NLLLoss built with reduction='none', the per-row terms scaled by the focal factor and then reduced by the module's own reduction setting."""
# Source: https://github.com/AdeelH/pytorch-multi-class-focal-loss focal_loss.py at
# 2477bf68ac61d2d2e5e044c63f70b156073c5ffd; re-typed, names changed, reduced. Correct code.
import torch
from torch import nn
from torch.nn import functional as F


class MultiClassFocal(nn.Module):
    def __init__(self, class_weights=None, gamma=0.0, reduction="mean", ignore_index=-100):
        super().__init__()
        if reduction not in ("mean", "sum", "none"):
            raise ValueError("reduction must be mean, sum or none")
        self.gamma = gamma
        self.ignore_index = ignore_index
        self.reduction = reduction
        self.weighted_nll = nn.NLLLoss(weight=class_weights, reduction="none", ignore_index=ignore_index)

    def forward(self, scores, labels):
        if scores.ndim > 2:
            n_cls = scores.shape[1]
            scores = scores.permute(0, *range(2, scores.ndim), 1).reshape(-1, n_cls)
            labels = labels.view(-1)
        keep = labels != self.ignore_index
        labels = labels[keep]
        if len(labels) == 0:
            return torch.tensor(0.0)
        scores = scores[keep]
        log_probs = F.log_softmax(scores, dim=-1)
        ce = self.weighted_nll(log_probs, labels)
        rows = torch.arange(len(scores))
        log_p_true = log_probs[rows, labels]
        modulating = (1 - log_p_true.exp()) ** self.gamma
        loss = modulating * ce
        if self.reduction == "mean":
            loss = loss.mean()
        elif self.reduction == "sum":
            loss = loss.sum()
        return loss
