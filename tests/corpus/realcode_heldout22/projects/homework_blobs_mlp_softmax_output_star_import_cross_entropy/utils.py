"""part of positive project [LG001]: the homework's utils module defines an MLP for 2-D blobs whose forward ends in F.softmax(x, dim=1) over its two outputs (the commit added it)."""
# Source: rezaAdinepour/Deep-Learning-Homework at cd4e54ff ("add softmax in output layer of MLP"; its parent 613fc1b7
# returned the Linear output), HWs/HW2/Code/utils.py;
# re-typed, identifiers renamed; two commented-out MLP variants cut.
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self):
        super(MLP, self).__init__()
        self.h1 = nn.Linear(2, 10)
        self.h2 = nn.Linear(10, 10)
        self.out = nn.Linear(10, 2)

    def forward(self, x):
        x = F.sigmoid(self.h1(x))
        x = F.sigmoid(self.h2(x))
        x = self.out(x)
        return F.softmax(x, dim=1)
