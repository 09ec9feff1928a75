"""part of positive project [LG001]: the classifier mixin, a module class with no forward of its own, trains in fit through self.__call__(x) and picks F.binary_cross_entropy for two classes, F.cross_entropy for more; the logistic regression that inherits it ends in a sigmoid."""

# Source: opendataval/opendataval@9123a6b^ (the parent of "Uses F.softmax for logistic regression outputs > 2"; issue #25
# "no need to have sigmoid function if to use cross_entropy"), opendataval/model/api.py; re-typed, renamed, docstrings cut
from abc import ABC, abstractmethod
from typing import Optional

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader

from data import PairedDataset


class Estimator(ABC):
    @abstractmethod
    def fit(self, x_train, y_train, *args, **kwargs):
        return self

    @abstractmethod
    def predict(self, x, *args, **kwargs):
        pass


class TorchEstimator(Estimator, nn.Module):
    @property
    def device(self):
        return next(self.parameters()).device


class TorchClassifierMixin(TorchEstimator):
    def fit(self, x_train, y_train, sample_weight: Optional[torch.Tensor] = None, batch_size=32, epochs=1, lr=0.01):
        optimizer = torch.optim.Adam(self.parameters(), lr=lr)
        criterion = F.binary_cross_entropy if self.num_classes == 2 else F.cross_entropy
        dataset = PairedDataset(x_train, y_train, sample_weight)

        self.train()
        for _ in range(int(epochs)):
            for x_batch, y_batch, *weights in DataLoader(dataset, batch_size, shuffle=True, pin_memory=True):
                x_batch = x_batch.to(device=self.device)
                y_batch = y_batch.to(device=self.device)

                optimizer.zero_grad()
                outputs = self.__call__(x_batch)

                if sample_weight is not None:
                    loss = criterion(outputs, y_batch, reduction="none")  # expect: LG001
                    loss = (loss * weights[0].to(device=self.device)).mean()
                else:
                    loss = criterion(outputs, y_batch, reduction="mean")  # expect: LG001

                loss.backward()
                optimizer.step()
        return self
