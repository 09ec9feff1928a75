"""part of positive project [LG001]: the gradient mixin yields each sample's gradient of the same criterion, computed on self.__call__(x), for the influence-based data valuers."""

# Source: opendataval/opendataval@9123a6b^, opendataval/model/grad.py; re-typed, renamed, docstrings cut
import torch.nn.functional as F
from torch.autograd import grad
from torch.utils.data import DataLoader

from api import Estimator, TorchEstimator
from data import PairedDataset


class GradientEstimator(Estimator):
    def grad(self, x_data, y_data, *args, **kwargs):
        raise NotImplementedError


class TorchGradientMixin(GradientEstimator, TorchEstimator):
    def grad(self, x_data, y_data):
        criterion = F.binary_cross_entropy if self.num_classes == 2 else F.cross_entropy
        dataset = PairedDataset(x_data, y_data)
        for x_batch, y_batch in DataLoader(dataset, 1, shuffle=False, pin_memory=True):
            x_batch = x_batch.to(device=self.device)
            y_batch = y_batch.to(device=self.device)
            outputs = self.__call__(x_batch)
            batch_loss = criterion(outputs, y_batch, reduction="mean")  # expect: LG001
            yield grad(batch_loss, self.parameters())
