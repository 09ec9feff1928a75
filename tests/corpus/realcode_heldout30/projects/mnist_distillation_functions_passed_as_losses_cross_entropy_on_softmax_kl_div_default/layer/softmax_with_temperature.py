"""part of positive project [LG001, LG009, LG011]: a softmax with temperature written by hand: exp(x / T) divided by its sum over the last axis."""
# Source: Isuxiz/knowledge-distill-experiment at 9686c334 (the parent of 5e057af6, "fix: 修复了kl散度计算错误"), layer/softmax_with_temperature.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn


class TemperatureSoftmax(nn.Module):
    def __init__(self, T):
        super(TemperatureSoftmax, self).__init__()
        assert (type(T) == float or type(T) == int) and T > 0, "T must be a positive number."
        self.T = T

    def forward(self, x):
        return (x / self.T).exp() / (x / self.T).exp().sum(-1).unsqueeze(-1)
