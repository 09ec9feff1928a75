"""part of positive project [LG011]: ConcreteDropout.forward(x, layer) applies the layer it is given to the dropped-out input and returns that layer's output."""
# Source: https://github.com/danielkelshaw/ConcreteDropout condrop/concrete_dropout.py at
# 0b8ecad05342d8b8feedadff3c0b7e8a7e3eb0ec; re-typed, names changed, reduced.
import numpy as np
import torch
import torch.nn as nn
from torch import Tensor


class ConcreteDropout(nn.Module):
    def __init__(self, weight_regulariser: float, dropout_regulariser: float, init_min: float = 0.1, init_max: float = 0.1) -> None:
        super().__init__()
        self.weight_regulariser = weight_regulariser
        self.dropout_regulariser = dropout_regulariser
        init_min = np.log(init_min) - np.log(1.0 - init_min)
        init_max = np.log(init_max) - np.log(1.0 - init_max)
        self.p_logit = nn.Parameter(torch.empty(1).uniform_(init_min, init_max))
        self.p = torch.sigmoid(self.p_logit)
        self.regularisation = 0.0

    def forward(self, x: Tensor, layer: nn.Module) -> Tensor:
        output = layer(self._concrete_dropout(x))
        sum_of_squares = 0
        for param in layer.parameters():
            sum_of_squares += torch.sum(torch.pow(param, 2))
        weights_reg = self.weight_regulariser * sum_of_squares / (1.0 - self.p)
        dropout_reg = self.p * torch.log(self.p)
        dropout_reg += (1.0 - self.p) * torch.log(1.0 - self.p)
        dropout_reg *= self.dropout_regulariser * x[0].numel()
        self.regularisation = weights_reg + dropout_reg
        return output

    def _concrete_dropout(self, x: Tensor) -> Tensor:
        eps = 1e-7
        tmp = 0.1
        self.p = torch.sigmoid(self.p_logit)
        u_noise = torch.rand_like(x)
        drop_prob = (torch.log(self.p + eps) - torch.log(1 - self.p + eps) + torch.log(u_noise + eps) - torch.log(1 - u_noise + eps))
        drop_prob = torch.sigmoid(drop_prob / tmp)
        random_tensor = 1 - drop_prob
        retain_prob = 1 - self.p
        return torch.mul(x, random_tensor) / retain_prob
