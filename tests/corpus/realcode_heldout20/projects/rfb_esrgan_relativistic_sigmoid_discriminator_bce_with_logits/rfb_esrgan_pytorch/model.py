"""part of positive project [LG003]: the VGG-style discriminator ends in Linear(100, 1) and returns F.sigmoid(out), a probability per image."""
# Source: Lornatang/RFB_ESRGAN-PyTorch at 832abf77 (read as is), rfb_esrgan_pytorch/model.py; re-typed, identifiers
# renamed; the convolution stack written with a helper, the generator reduced to its interface (the RRDB/RRFDB
# trunk cut). Commit 1e73d6eb ("update all") switched the criterion to nn.BCELoss; commit 32d44c5 ("Upgrade...")
# later dropped the sigmoid from the discriminator and went back to BCEWithLogitsLoss.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class Discriminator(nn.Module):
    def __init__(self, init_weights=True):
        super(Discriminator, self).__init__()

        def stage(cin, cout, stride):
            return [nn.Conv2d(cin, cout, kernel_size=3, stride=stride, padding=1), nn.BatchNorm2d(cout),
                    nn.LeakyReLU(negative_slope=0.2, inplace=True)]

        self.features = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1),
            nn.LeakyReLU(negative_slope=0.2, inplace=True),
            *stage(64, 64, 2), *stage(64, 128, 1), *stage(128, 128, 2), *stage(128, 256, 1),
            *stage(256, 256, 2), *stage(256, 512, 1), *stage(512, 512, 2),
        )
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, 100),
            nn.LeakyReLU(negative_slope=0.2, inplace=True),
            nn.Linear(100, 1)
        )
        if init_weights:
            for m in self.modules():
                name = m.__class__.__name__
                if name.find("Conv") != -1:
                    torch.nn.init.normal_(m.weight, 0.0, 0.02)
                elif name.find("BatchNorm") != -1:
                    torch.nn.init.normal_(m.weight, 1.0, 0.02)
                    torch.nn.init.zeros_(m.bias)

    def forward(self, x: Tensor = None) -> Tensor:
        out = self.features(x)
        out = self.avgpool(out)
        out = torch.flatten(out, 1)
        out = self.classifier(out)
        return F.sigmoid(out)


class Generator(nn.Module):
    def __init__(self, upscale_factor, num_rrdb_blocks=16, num_rrfdb_blocks=8, init_weights=True):
        super(Generator, self).__init__()
        self.head = nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1)
        self.tail = nn.Sequential(
            nn.Upsample(scale_factor=upscale_factor, mode="nearest"),
            nn.Conv2d(64, 3, kernel_size=3, stride=1, padding=1),
        )

    def forward(self, x: Tensor = None) -> Tensor:
        return self.tail(self.head(x))
