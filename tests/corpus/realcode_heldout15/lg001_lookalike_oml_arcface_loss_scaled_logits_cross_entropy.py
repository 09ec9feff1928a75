"""look-alike [LG001, LG011, LG013]: the ArcFace criterion after its fix hands the scaled margin logits (no softmax) to nn.CrossEntropyLoss, with a label-smoothed float target of class probabilities or the int class index."""
# Source: OML-Team/open-metric-learning at 9253a64a ("[WIP] Arcface as loss."), oml/losses/arcface.py; re-typed,
# identifiers renamed; the weight-clipping variant of the cosine cut.
from typing import Any, Dict, Optional

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F


class AngularMarginLoss(nn.Module):
    def __init__(
        self,
        in_features: int,
        num_classes: int,
        criterion: Optional[nn.Module] = None,
        label2category: Optional[Dict[str, Any]] = None,
        label_smoothing: Optional[float] = None,
        eps: float = 1e-8,
        m: float = 0.5,
        s: float = 64,
    ):
        super(AngularMarginLoss, self).__init__()
        assert (label_smoothing is None) == (label2category is None)
        self.criterion = criterion if criterion is not None else nn.CrossEntropyLoss()
        self.num_classes = num_classes
        self.label2category = torch.arange(num_classes).apply_(label2category.get)
        self.label_smoothing = label_smoothing
        self.weight = nn.Parameter(torch.FloatTensor(num_classes, in_features))
        self.rescale = nn.Parameter(torch.ones(1, dtype=torch.float) * s)
        self._eps = eps
        self.m = m
        self.cos_m = np.cos(m)
        self.sin_m = np.sin(m)
        self.th = -self.cos_m
        self.mm = self.sin_m * m

    def renormalize(self) -> None:
        self.weight.data = F.normalize(self.weight.data, p=2)

    def cosine(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(F.normalize(x, p=2), F.normalize(self.weight, p=2)).clip(-1 + self._eps, 1 - self._eps)

    def forward(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        cos = self.cosine(x)
        sin = torch.sqrt(1.0 - torch.pow(cos, 2))

        cos_margin = cos * self.cos_m - sin * self.sin_m
        cos_margin = torch.where(cos > self.th, cos_margin, cos - self.mm)

        onehot = torch.zeros_like(cos, device=x.device)
        onehot.scatter_(1, y.view(-1, 1), 1)
        logit = torch.where(onehot > 0, cos_margin, cos) * self.rescale

        if self.label_smoothing:
            if self.label2category.device.type != self.weight.device.type:
                self.label2category = self.label2category.to(self.weight.device)
            onehot *= 1 - self.label_smoothing
            same_cat = self.label2category[y].tile(self.label2category.shape[0], 1).t() == self.label2category
            y = torch.where(same_cat, self.label_smoothing / same_cat.sum(-1).view(-1, 1), 0) + onehot

        return self.criterion(logit, y)
