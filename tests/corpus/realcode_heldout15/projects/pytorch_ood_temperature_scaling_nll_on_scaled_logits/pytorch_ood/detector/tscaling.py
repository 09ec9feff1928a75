"""part of positive project [LG007]: temperature scaling fits its temperature with L-BFGS on F.nll_loss of the scaled logits, which are not log-probabilities."""
# Source: kkirchheim/pytorch-ood at the parent of e9a05e9 ("Fixed bug in TScaling", which wraps each argument in
# log_softmax), src/pytorch_ood/detector/tscaling.py; re-typed, identifiers renamed; the module docstring cut.
import logging
from typing import TypeVar

import torch.nn
from torch import Tensor, tensor
from torch.nn import Module
from torch.nn.functional import nll_loss
from torch.optim import LBFGS
from torch.utils.data import DataLoader

from ..api import RequiresFittingException
from pytorch_ood.detector.softmax import MaxSoftmax
from pytorch_ood.utils import extract_features, is_known

log = logging.getLogger(__name__)
Self = TypeVar("Self")


class TemperatureScaling(MaxSoftmax, torch.nn.Module):
    def __init__(self, model: Module):
        super(TemperatureScaling, self).__init__(model=model)
        self.t = torch.nn.Parameter(tensor(1.0))
        self._fitted = False

    def predict(self, x: Tensor) -> Tensor:
        return super().predict(x)

    def predict_features(self, logits: Tensor) -> Tensor:
        if not self._fitted:
            raise RequiresFittingException()
        return super().predict_features(logits)

    def fit_features(self: Self, logits: Tensor, labels: Tensor) -> Self:
        known = is_known(labels)
        if not known.any():
            raise ValueError("No IN samples")

        opt = LBFGS([self.t], lr=0.01, max_iter=50)
        device = self.t.device
        logits = logits[known].to(device)
        labels = labels[known].to(device)

        with torch.no_grad():
            start = nll_loss(logits / self.t, labels).item()  # expect: LG007
        log.info(f"Initial T/NLL: {self.t.item():.3f}/{start:.3f}")

        def closure():
            opt.zero_grad()
            loss = nll_loss(logits / self.t, labels)  # expect: LG007
            loss.backward()
            return loss

        opt.step(closure)

        with torch.no_grad():
            end = nll_loss(logits / self.t, labels).item()  # expect: LG007
        log.info(f"Optimal temperature: {self.t.item()}")
        log.info(f"NLL after scaling: {end:.2f}'")

        self._fitted = True
        return self

    def fit(self: Self, loader: DataLoader, device: str = "cpu") -> Self:
        z, y = extract_features(model=self.model, data_loader=loader, device=device)
        return self.fit_features(z, y)
