"""part of positive project [LG005]: the discriminator ends in nn.Linear(n, 1) and a sigmoid, so it returns (batch, 1)."""
# Source: https://github.com/nbertagnolli/pytorch-simple-gan models.py at 14319f4eb1dca043632b6b5a2004b9bf278914f9
# (pull request #3 "Fixed target size error" is open: the bug is at HEAD); re-typed, names changed, reduced.
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, width: int):
        super(Generator, self).__init__()
        self.dense = nn.Linear(int(width), int(width))
        self.act = nn.Sigmoid()

    def forward(self, x):
        return self.act(self.dense(x))


class Discriminator(nn.Module):
    def __init__(self, width: int):
        super(Discriminator, self).__init__()
        self.dense = nn.Linear(int(width), 1)
        self.act = nn.Sigmoid()

    def forward(self, x):
        return self.act(self.dense(x))
