"""part of positive project [LG006]: the SRGAN discriminator ends in self.sigmoid(self.fc2(x)), a probability per image."""
# Source: MBasting/SRGAN at 29b70557 (read as is), Discriminator.py; re-typed, identifiers renamed; docstrings cut.
import torch.nn as nn


class DiscBlock(nn.Module):
    def __init__(self, c_in, c_hidden, kernel, stride, alpha=0.2):
        super(DiscBlock, self).__init__()
        self.conv = nn.Conv2d(c_in, c_hidden, kernel, stride)
        self.bn = nn.BatchNorm2d(c_hidden)
        self.act = nn.LeakyReLU(alpha)

    def forward(self, x):
        return self.act(self.bn(self.conv(x)))


class Discriminator(nn.Module):
    def __init__(self, c_in, hidden=None, stride=None, kernel_size=3, alpha=0.2):
        super(Discriminator, self).__init__()
        if stride is None:
            stride = [1, 2, 1, 2, 1, 2, 1, 2]
        if hidden is None:
            hidden = [64, 64, 128, 128, 256, 256, 512, 512]
        self.conv1 = nn.Conv2d(c_in, hidden[0], kernel_size, stride[0])
        self.act = nn.LeakyReLU(alpha)
        self.blocks = nn.ModuleList([DiscBlock(hidden[i - 1], hidden[i], kernel_size, stride[i]) for i in range(1, len(hidden))])
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(41472, 1024)
        self.fc2 = nn.Linear(1024, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        x = self.act(self.conv1(x))
        for blk in self.blocks:
            x = blk(x)
        x = self.flatten(x)
        x = self.act(self.fc1(x))
        p = self.sigmoid(self.fc2(x))
        return p
