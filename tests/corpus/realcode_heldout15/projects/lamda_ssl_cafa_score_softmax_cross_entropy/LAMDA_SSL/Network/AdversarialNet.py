"""part of positive project [LG001]: the domain discriminator ends in nn.Sigmoid behind a gradient-reversal layer."""
# Source: YGZWQZD/LAMDA-SSL at 6cb8e225 (read as is), LAMDA_SSL/Network/AdversarialNet.py; re-typed, identifiers
# renamed; docstrings cut.
import numpy as np
import torch
import torch.nn as nn


class GradReverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, coeff, input):
        ctx.coeff = coeff
        return input.view_as(input)

    @staticmethod
    def backward(ctx, grad_outputs):
        return None, -ctx.coeff * grad_outputs


class GradReverseModule(nn.Module):
    def __init__(self, scheduler):
        super(GradReverseModule, self).__init__()
        self.scheduler = scheduler
        self.register_buffer('global_step', torch.zeros(1))
        self.coeff = 0.0
        self.grl = GradReverse.apply

    def forward(self, x):
        self.coeff = self.scheduler(self.global_step.item())
        if self.training:
            self.global_step += 1.0
        return self.grl(self.coeff, x)


def a_to_b(step, A, B, gamma=10, max_iter=10000):
    return float(A + (2.0 / (1 + np.exp(- gamma * step * 1.0 / max_iter)) - 1.0) * (B - A))


class AdversarialNet(nn.Module):
    def __init__(self, in_feature):
        super(AdversarialNet, self).__init__()
        self.main = nn.Sequential(
            nn.Linear(in_feature, 16),
            nn.ReLU(inplace=True),
            nn.Dropout(0.5),
            nn.Linear(16, 16),
            nn.ReLU(inplace=True),
            nn.Dropout(0.5),
            nn.Linear(16, 1),
            nn.Sigmoid(),
        )
        self.grl = GradReverseModule(lambda step: a_to_b(step, 0.0, 1.0, gamma=10, max_iter=100000))

    def forward(self, x):
        return self.main(self.grl(x))
