"""part of positive project [LG004]: the DCGAN generator: five transposed convolutions from a (N, 100, 1, 1) code to a tanh image."""
# Source: iArunava/DCGAN at 159c4122, models/Generator.py; re-typed, identifiers renamed; the docstrings cut.
import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, ct1_channels=512, ct2_channels=256, ct3_channels=128, ct4_channels=64, halve_channels=False,
                 z_size=100):
        super().__init__()
        self.ct1 = ct1_channels
        if halve_channels:
            self.ct2 = self.ct1 // 2
            self.ct3 = self.ct2 // 2
            self.ct4 = self.ct3 // 2
        else:
            self.ct2, self.ct3, self.ct4 = ct2_channels, ct3_channels, ct4_channels
        self.convt_0 = nn.ConvTranspose2d(z_size, self.ct1, kernel_size=4, padding=0, stride=1, bias=False)
        self.bnorm0 = nn.BatchNorm2d(self.ct1)
        self.convt_1 = nn.ConvTranspose2d(self.ct1, self.ct2, kernel_size=4, stride=2, padding=1, bias=False)
        self.bnorm1 = nn.BatchNorm2d(self.ct2)
        self.convt_2 = nn.ConvTranspose2d(self.ct2, self.ct3, kernel_size=4, stride=2, padding=1, bias=False)
        self.bnorm2 = nn.BatchNorm2d(self.ct3)
        self.convt_3 = nn.ConvTranspose2d(self.ct3, self.ct4, kernel_size=4, stride=2, padding=1, bias=False)
        self.bnorm3 = nn.BatchNorm2d(self.ct4)
        self.convt_4 = nn.ConvTranspose2d(self.ct4, 3, kernel_size=4, stride=2, padding=1, bias=False)
        self.relu = nn.ReLU()
        self.tanh = nn.Tanh()

    def forward(self, z):
        x = self.relu(self.bnorm0(self.convt_0(z)))
        x = self.relu(self.bnorm1(self.convt_1(x)))
        x = self.relu(self.bnorm2(self.convt_2(x)))
        x = self.relu(self.bnorm3(self.convt_3(x)))
        return self.tanh(self.convt_4(x))
