"""part of positive project [LG007]: the maximum-softmax-probability detector the temperature-scaling detector extends."""
# Source: kkirchheim/pytorch-ood at the parent of e9a05e9 ("Fixed bug in TScaling"), src/pytorch_ood/detector/softmax.py;
# re-typed, identifiers renamed; docstrings cut.
from typing import Optional, TypeVar

import torch.nn
from torch import Tensor, tensor
from torch.nn import Module

from ..api import Detector, ModelNotSetException

Self = TypeVar("Self")


class MaxSoftmax(Detector):
    def __init__(self, model: Module, t: Optional[float] = 1.0):
        super(MaxSoftmax, self).__init__()
        self.t = tensor(t)
        self.model = model

    def predict(self, x: Tensor) -> Tensor:
        if self.model is None:
            raise ModelNotSetException
        return self.predict_features(self.model(x))

    def fit(self: Self, *args, **kwargs) -> Self:
        return self

    def fit_features(self: Self, *args, **kwargs) -> Self:
        return self

    def predict_features(self, logits: Tensor) -> Tensor:
        return -logits.div(self.t).softmax(dim=1).max(dim=1).values
