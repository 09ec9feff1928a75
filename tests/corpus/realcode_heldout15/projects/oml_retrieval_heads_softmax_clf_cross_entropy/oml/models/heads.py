"""part of positive project [LG001, LG011]: every classification head of the retrieval library ends in F.softmax without dim (the linear head, the ArcFace head and the 'fancy' ArcFace head that wraps it)."""
# Source: OML-Team/open-metric-learning at ab1c4847, the parent of ce28a36 ("[WIP] Arface fix.", which moves ArcFace
# into a loss and later, in 9253a64a, hands the criterion the scaled logits), oml/models/heads.py; re-typed, identifiers
# renamed; the checkpoint-loading branches shortened.
from pathlib import Path
from typing import Union

import torch
from torch import nn
from torch.nn import functional as F

from oml.interfaces.models import IHead


class LinearClassHead(IHead):
    def __init__(self, weights: Union[Path, str], in_features: int, num_classes: int, bias: bool = True):
        super(LinearClassHead, self).__init__()
        self._n_classes = num_classes
        self.fc = nn.Linear(in_features, num_classes, bias=bias)
        if weights == "random":
            return
        state = torch.load(weights, map_location="cpu")
        self.fc.load_state_dict(state.get("state_dict", state))

    def forward(self, feats: torch.Tensor) -> torch.Tensor:
        return F.softmax(self.fc(feats))  # expect: LG011

    @property
    def num_classes(self) -> int:
        return self._n_classes


class AngularMarginHead(IHead):
    def __init__(
        self,
        weights: Union[Path, str],
        in_features: int,
        num_classes: int,
        margin: float = 0.1,
        eps: float = 1e-8,
    ):
        super(AngularMarginHead, self).__init__()
        self._n_classes = num_classes
        self._eps = eps
        self.margin = margin
        self.weight = nn.Parameter(torch.FloatTensor(num_classes, in_features))
        if weights == "random":
            nn.init.xavier_uniform_(self.weight)
            return
        state = torch.load(weights, map_location="cpu")
        self.weight.load_state_dict(state.get("state_dict", state))

    def cosine(self, feats: torch.Tensor) -> torch.Tensor:
        return F.linear(F.normalize(feats, p=2), F.normalize(self.weight, p=2))

    def forward(self, feats: torch.Tensor) -> torch.Tensor:
        theta = torch.acos(self.cosine(feats).clip(-1 + self._eps, 1 - self._eps))
        return F.softmax(torch.cos(theta + self.margin))  # expect: LG011

    @property
    def num_classes(self) -> int:
        return self._n_classes


class FancyAngularHead(IHead):
    def __init__(
        self,
        weights: Union[Path, str],
        in_features: int,
        num_classes: int,
        inter_scale: float = 1.5,
        margin: float = 0.1,
        eps: float = 1e-8,
    ):
        super(FancyAngularHead, self).__init__()
        hidden = int(in_features * inter_scale)
        self.linear = nn.Linear(in_features, hidden)
        self.act = nn.Mish()
        self.angular = AngularMarginHead(
            weights="random", in_features=hidden, num_classes=num_classes, margin=margin, eps=eps
        )
        if weights == "random":
            return
        state = torch.load(weights, map_location="cpu")
        self.load_state_dict(state.get("state_dict", state))

    def forward(self, feats: torch.Tensor) -> torch.Tensor:
        return self.angular(self.act(self.linear(feats)))
