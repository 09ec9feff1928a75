"""part of look-alike project [LG001, LG002]: the regression MLP, Linear layers with a rectifier between them and a Linear output, inherits fit from the regression mixin."""

# Source: opendataval/opendataval@9123a6b^, opendataval/model/mlp.py; re-typed, renamed, docstrings cut
from collections import OrderedDict

import torch.nn as nn

from api import TorchRegressorMixin


class RegressorMLP(TorchRegressorMixin):
    def __init__(self, input_dim: int, num_classes: int = 1, layers: int = 5, hidden_dim: int = 25, act_fn=None):
        super().__init__()
        act_fn = nn.ReLU() if act_fn is None else act_fn
        blocks = OrderedDict()
        blocks["input"] = nn.Linear(input_dim, hidden_dim)
        blocks["input_acti"] = act_fn
        for i in range(int(layers - 2)):
            blocks[f"{i}_layer"] = nn.Linear(hidden_dim, hidden_dim)
            blocks[f"{i}_acti"] = act_fn
        blocks["output"] = nn.Linear(hidden_dim, num_classes)
        self.mlp = nn.Sequential(blocks)

    def forward(self, x):
        return self.mlp(x)
