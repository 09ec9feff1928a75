"""positive [LG001, LG011]: the ArcFace criterion of a metric-learning library softmaxes its margin logits (no dim) and hands them to its inner criterion, nn.CrossEntropyLoss unless another is given."""
# Source: OML-Team/open-metric-learning at ce28a36 ("[WIP] Arface fix.", which moved ArcFace from a head into a loss; the
# next commits, up to 9253a64a "[WIP] Arcface as loss.", pass the scaled logits instead), oml/losses/arcface.py and
# oml/registry/losses.py; re-typed, identifiers renamed; the registry cut to the entries it needs.
from typing import Any, Dict, Optional

import torch
from torch import nn
from torch.nn import functional as F

from oml.losses.triplet import TripletLossWithMiner


class AngularMarginLoss(nn.Module):
    def __init__(
        self,
        in_features: int,
        num_classes: int,
        criterion: Optional[nn.Module] = None,
        label2category: Optional[Dict[str, Any]] = None,
        label_smoothing: Optional[float] = None,
        eps: float = 1e-8,
        m: float = 0.2,
    ):
        super(AngularMarginLoss, self).__init__()
        assert (label_smoothing is None) == (label2category is None)
        self.criterion = criterion if criterion is not None else nn.CrossEntropyLoss()
        self.num_classes = num_classes
        self.label2category = torch.arange(num_classes).apply_(label2category.get)
        self.label_smoothing = label_smoothing
        self.weight = nn.Parameter(torch.FloatTensor(num_classes, in_features))
        self.rescale = nn.Parameter(torch.ones(1, dtype=torch.float))
        self._eps = eps
        self.m = m

    def cosine(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(F.normalize(x, p=2), F.normalize(self.weight, p=2)).clip(-1 + self._eps, 1 - self._eps)

    def forward(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        cos = self.cosine(x)
        cos_margin = torch.cos(torch.acos(cos) + self.m)

        onehot = torch.zeros_like(cos, device=self.weight.device)
        onehot.scatter_(1, y.view(-1, 1), 1)
        logit = torch.where(onehot > 0, cos_margin, cos)
        probs = F.softmax(self.rescale * logit)  # expect: LG011

        if self.label_smoothing is not None:
            if self.label2category.device.type != self.weight.device.type:
                self.label2category = self.label2category.to(self.weight.device)
            onehot *= 1 - self.label_smoothing
            same_cat = self.label2category[y].tile(self.label2category.shape[0], 1).t() == self.label2category
            y = torch.where(same_cat, self.label_smoothing / same_cat.sum(-1).view(-1, 1), 0) + onehot

        return self.criterion(probs, y)  # expect: LG001


LOSSES = {
    "TripletLossWithMiner": TripletLossWithMiner,
    "CrossEntropyLoss": nn.CrossEntropyLoss,
    "ArcFaceLoss": AngularMarginLoss,
}


def get_criterion(name: str, **kwargs: Any) -> nn.Module:
    return LOSSES[name](**kwargs)


def get_criterion_by_cfg(
    cfg: Dict[str, Any],
    in_features: Optional[int] = None,
    num_classes: Optional[int] = None,
    label2category: Optional[Dict[str, Any]] = None,
) -> nn.Module:
    cfg.setdefault("args", {})
    if cfg["name"] == "ArcFaceLoss":
        cfg["args"].update(in_features=in_features, num_classes=num_classes, label2category=label2category)
    return get_criterion(name=cfg["name"], **cfg["args"])
