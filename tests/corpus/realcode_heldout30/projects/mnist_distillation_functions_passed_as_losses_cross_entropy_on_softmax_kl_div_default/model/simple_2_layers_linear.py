"""part of positive project [LG001, LG009, LG011]: the student: Flatten, Linear, ReLU, Linear, ReLU, then both a temperature softmax (the soft output) and nn.Softmax() without dim (the hard output); forward stacks the two probability tensors."""
# Source: Isuxiz/knowledge-distill-experiment at 9686c334 (the parent of 5e057af6, "fix: 修复了kl散度计算错误"), model/simple_2_layers_linear.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn
from collections import OrderedDict
from layer.softmax_with_temperature import TemperatureSoftmax


class TwoLayerStudent(nn.Module):
    def __init__(self, T):
        super(TwoLayerStudent, self).__init__()
        self.body = torch.nn.Sequential(
            OrderedDict([
                ('flatten', nn.Flatten()),
                ('l1', nn.Linear(32 * 32 * 1, 16)),
                ('relu1', nn.ReLU()),
                ('l2', nn.Linear(16, 10)),
                ('relu2', nn.ReLU()),
            ])
        )
        self.soft_head = TemperatureSoftmax(T)
        self.hard_head = nn.Softmax()  # expect: LG011

    def forward(self, x):
        x = self.body(x)
        x_soft = self.soft_head(x)
        x_hard = self.hard_head(x)
        return torch.stack((x_soft, x_hard))


def get_student(T):
    return TwoLayerStudent(T)
