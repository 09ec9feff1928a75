"""part of look-alike project [LG004, LG016, LG002, LG006]: the OpenGAN feature-space generator and a discriminator whose nn.Sequential ends in nn.Sigmoid()."""
# Source: Jingkang50/OpenOOD at 3c35632 (read as is), openood/networks/opengan.py; re-typed, identifiers renamed;
# shape comments cut.
from torch import nn


class FeatureGenerator(nn.Module):
    def __init__(self, in_channels=100, feature_size=64, out_channels=512):
        super().__init__()
        self.nz = in_channels
        g = feature_size
        self.main = nn.Sequential(
            nn.Conv2d(self.nz, g * 8, 1, 1, 0, bias=False), nn.BatchNorm2d(g * 8), nn.ReLU(True),
            nn.Conv2d(g * 8, g * 4, 1, 1, 0, bias=False), nn.BatchNorm2d(g * 4), nn.ReLU(True),
            nn.Conv2d(g * 4, g * 2, 1, 1, 0, bias=False), nn.BatchNorm2d(g * 2), nn.ReLU(True),
            nn.Conv2d(g * 2, g * 4, 1, 1, 0, bias=False), nn.BatchNorm2d(g * 4), nn.ReLU(True),
            nn.Conv2d(g * 4, out_channels, 1, 1, 0, bias=True),
        )

    def forward(self, z):
        return self.main(z)


class FeatureDiscriminator(nn.Module):
    def __init__(self, in_channels=512, feature_size=64):
        super().__init__()
        d = feature_size
        self.main = nn.Sequential(
            nn.Conv2d(in_channels, d * 8, 1, 1, 0, bias=False), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(d * 8, d * 4, 1, 1, 0, bias=False), nn.BatchNorm2d(d * 4), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(d * 4, d * 2, 1, 1, 0, bias=False), nn.BatchNorm2d(d * 2), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(d * 2, d, 1, 1, 0, bias=False), nn.BatchNorm2d(d), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(d, 1, 1, 1, 0, bias=False), nn.Sigmoid())

    def forward(self, feats):
        return self.main(feats)
