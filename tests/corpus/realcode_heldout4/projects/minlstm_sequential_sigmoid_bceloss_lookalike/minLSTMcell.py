"""part of look-alike project [LG002, LG016, LG003]: the minimal LSTM cell gates its update with torch.sigmoid."""
# Source: https://github.com/YecanLee/min-LSTM-torch minLSTMcell.py at b0048d8deb3a65cd848f291244e8f6870c7dc592; re-typed, names changed, comments left out.
import torch
import torch.nn as nn


class MinLSTMCell(nn.Module):
    def __init__(self, units, input_shape):
        super(MinLSTMCell, self).__init__()
        self.units = units
        self.input_shape = input_shape
        self.linear_f = nn.Linear(self.input_shape, self.units)
        self.linear_i = nn.Linear(self.input_shape, self.units)
        self.linear_h = nn.Linear(self.input_shape, self.units)

    def forward(self, pre_h, x_t):
        f_t = torch.sigmoid(self.linear_f(x_t))
        i_t = torch.sigmoid(self.linear_i(x_t))
        tilde_h = self.linear_h(x_t)
        total = f_t + i_t
        return (f_t / total) * pre_h + (i_t / total) * tilde_h
