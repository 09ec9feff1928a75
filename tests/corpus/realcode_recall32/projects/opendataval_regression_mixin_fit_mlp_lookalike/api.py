"""part of look-alike project [LG001, LG002]: the regression mixin, a module class with no forward of its own, trains in fit through self.__call__(x) with F.mse_loss; the regression MLP that inherits it ends in a Linear layer."""

# Source: opendataval/opendataval@9123a6b^, opendataval/model/api.py; re-typed, renamed, docstrings cut
from typing import Optional

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader

from data import PairedDataset


class TorchEstimator(nn.Module):
    @property
    def device(self):
        return next(self.parameters()).device


class TorchRegressorMixin(TorchEstimator):
    def fit(self, x_train, y_train, sample_weight: Optional[torch.Tensor] = None, batch_size=32, epochs=1, lr=0.01):
        optimizer = torch.optim.Adam(self.parameters(), lr=lr)
        criterion = F.mse_loss
        dataset = PairedDataset(x_train, y_train, sample_weight)

        self.train()
        for _ in range(int(epochs)):
            for x_batch, y_batch, *weights in DataLoader(dataset, batch_size, shuffle=True, pin_memory=True):
                x_batch = x_batch.to(device=self.device)
                y_batch = y_batch.to(device=self.device)

                optimizer.zero_grad()
                y_hat = self.__call__(x_batch)

                if sample_weight is not None:
                    loss = criterion(y_hat, y_batch, reduction="none")
                    loss = (loss * weights[0].to(device=self.device)).mean()
                else:
                    loss = criterion(y_hat, y_batch, reduction="mean")

                loss.backward()
                optimizer.step()
        return self
