"""part of positive project [LG010]: the contour-aware U-Net has a segmentation and a contour branch, each ending in a 1x1 Conv2d followed by F.sigmoid: the model returns two probability maps."""
# Source: samuelschen/DSB2018 at 37bf9a68 (read at issue #3, "Implementing Focal loss", which asks about the reduction inside the focal loss in loss.py; unchanged at this commit), model.py; re-typed, identifiers renamed; the conv blocks shortened, the
# marker-branch and pretrained-encoder variants and build_model's other cases cut.
import torch
import torch.nn as nn
import torch.nn.functional as F


class DownBlock(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True))
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        x = self.conv(x)
        return self.pool(x), x


class UpBlock(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.up = nn.ConvTranspose2d(c_in, c_out, 2, stride=2)
        self.conv = nn.Sequential(nn.Conv2d(c_out * 2, c_out, 3, padding=1), nn.ReLU(inplace=True))

    def forward(self, x, bridge):
        x = self.up(x)
        return self.conv(torch.cat([x, bridge], 1))


class ContourUNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.d1 = DownBlock(3, 16)
        self.d2 = DownBlock(16, 32)
        self.bottom = DownBlock(32, 64)
        self.u1s = UpBlock(64, 32)
        self.u2s = UpBlock(32, 16)
        self.head_s = nn.Conv2d(16, 1, 1)
        self.u1c = UpBlock(64, 32)
        self.u2c = UpBlock(32, 16)
        self.head_c = nn.Conv2d(16, 1, 1)

    def forward(self, x):
        x, c1 = self.d1(x)
        x, c2 = self.d2(x)
        _, x = self.bottom(x)
        xs = self.u2s(self.u1s(x, c2), c1)
        xs = self.head_s(xs)
        xs = F.sigmoid(xs)
        xc = self.u2c(self.u1c(x, c2), c1)
        xc = self.head_c(xc)
        xc = F.sigmoid(xc)
        return xs, xc


def build_model(name):
    if name == 'camunet':
        return ContourUNet()
    raise NotImplementedError(name)
