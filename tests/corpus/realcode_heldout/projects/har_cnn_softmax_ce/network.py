"""part of positive project [LG001]: the activity-recognition CNN; its forward ends in F.softmax(out, dim=1)."""
# Source: https://github.com/jindongwang/Deep-learning-activity-recognition pytorch/network.py at
# 5c42f2008ffe0a3ec9067422054bf18ba78c0f92 (issue #10 reports the bug); re-typed, names changed.
import torch.nn as nn
import torch.nn.functional as F


class Network(nn.Module):
    def __init__(self):
        super(Network, self).__init__()
        self.block1 = nn.Sequential(nn.Conv2d(9, 32, kernel_size=(1, 9)), nn.ReLU(), nn.MaxPool2d((1, 2), stride=2))
        self.block2 = nn.Sequential(nn.Conv2d(32, 64, kernel_size=(1, 9)), nn.ReLU(), nn.MaxPool2d((1, 2), stride=2))
        self.dense1 = nn.Sequential(nn.Linear(64 * 26, 1000), nn.ReLU())
        self.dense2 = nn.Sequential(nn.Linear(1000, 500), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(500, 6))

    def forward(self, x):
        h = self.block1(x)
        h = self.block2(h)
        h = h.reshape(-1, 64 * 26)
        h = self.dense1(h)
        h = self.dense2(h)
        h = self.head(h)
        h = F.softmax(h, dim=1)
        return h
