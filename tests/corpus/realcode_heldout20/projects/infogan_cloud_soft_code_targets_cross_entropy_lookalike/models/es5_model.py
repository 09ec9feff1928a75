"""part of look-alike project [LG001, LG002, LG006, LG013]: the InfoGAN heads: DHead ends in torch.sigmoid of a convolution (a probability per image, shape (N, 1, 1, 1)); QHead returns squeezed class logits, a mean and an exponentiated variance."""
# Source: ZHTushar23/InfoGAN-PyTorch at 80ae29b0 (read as is), models/es5_model.py; re-typed (tabs to spaces),
# identifiers renamed; the AdaIN generator reduced to its interface and the self-test block cut.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Generator(nn.Module):
    def __init__(self, in_ch=2, out_ch=1):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(in_ch, 64, 3, 1, 1), nn.ReLU(), nn.Conv2d(64, out_ch, 1, 1, 0))

    def forward(self, x, s, masks=None):
        return self.body(x)


class Discriminator(nn.Module):
    def __init__(self, in_channels=1):
        super().__init__()
        self.c1 = nn.Conv2d(in_channels, 64, 4, 2, 1)
        self.c2 = nn.Conv2d(64, 128, 4, 2, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(128)
        self.c3 = nn.Conv2d(128, 256, 4, 2, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(256)

    def forward(self, x):
        x = F.leaky_relu(self.c1(x), 0.1, inplace=True)
        x = F.leaky_relu(self.bn2(self.c2(x)), 0.1, inplace=True)
        return F.leaky_relu(self.bn3(self.c3(x)), 0.1, inplace=True)


class DHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(256, 1, 8)

    def forward(self, x):
        return torch.sigmoid(self.conv(x))


class QHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(256, 128, 8, bias=False)
        self.bn1 = nn.BatchNorm2d(128)
        self.disc = nn.Conv2d(128, 11, 1)
        self.mu = nn.Conv2d(128, 1, 1)
        self.var = nn.Conv2d(128, 1, 1)

    def forward(self, x):
        x = F.leaky_relu(self.bn1(self.c1(x)), 0.1, inplace=True)
        logits = self.disc(x).squeeze()
        mu = self.mu(x).squeeze()
        var = torch.exp(self.var(x).squeeze())
        return logits, mu, var
