"""part of positive project [LG007, LG010]: the MNIST LeNet the worker builds for network "LeNet"; it keeps a CrossEntropyLoss it never uses and its forward returns the second Linear layer's output (the loss call is commented out in the source)."""
# Source: hwang595/ps_pytorch at 096f3de3 (the parent of 812988cb), src/model_ops/lenet.py; re-typed, identifiers renamed; the
# LeNetSplit variant (layer-wise gradient sending over MPI) left out.
import torch
from torch import nn
import torch.nn.functional as F


class LeNet(nn.Module):
    def __init__(self):
        super(LeNet, self).__init__()
        self.c1 = nn.Conv2d(1, 20, 5, 1)
        self.c2 = nn.Conv2d(20, 50, 5, 1)
        self.f1 = nn.Linear(4 * 4 * 50, 500)
        self.f2 = nn.Linear(500, 10)
        self.ceriation = nn.CrossEntropyLoss()

    def forward(self, x):
        x = self.c1(x)
        x = F.max_pool2d(x, 2, 2)
        x = F.relu(x)
        x = self.c2(x)
        x = F.max_pool2d(x, 2, 2)
        x = F.relu(x)
        x = x.view(-1, 4 * 4 * 50)
        x = self.f1(x)
        x = self.f2(x)
        # loss = self.ceriation(x, target)
        return x

    def name(self):
        return 'lenet'
