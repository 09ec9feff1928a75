"""part of positive project [LG001]: the logistic regression applies a sigmoid to its Linear scores whatever the number of classes, and inherits fit and grad from the mixins."""

# Source: opendataval/opendataval@9123a6b^, opendataval/model/logistic_regression.py; re-typed, renamed, docstrings cut
import torch
import torch.nn as nn
import torch.nn.functional as F

from api import TorchClassifierMixin
from grads import TorchGradientMixin


class LogisticRegressor(TorchClassifierMixin, TorchGradientMixin):
    def __init__(self, input_dim: int, num_classes: int):
        super().__init__()
        self.input_dim = input_dim
        self.num_classes = num_classes
        self.linear = nn.Linear(self.input_dim, self.num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.linear(x)
        x = F.sigmoid(x)
        return x

    def predict(self, x):
        with torch.no_grad():
            return self(x)
