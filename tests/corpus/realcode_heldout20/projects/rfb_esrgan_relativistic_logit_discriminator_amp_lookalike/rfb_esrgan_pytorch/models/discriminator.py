"""part of look-alike project [LG003, LG014, LG004]: after the fix, the VGG-style discriminator ends in Linear(100, 1) and returns the raw score (no sigmoid)."""
# Source: Lornatang/RFB_ESRGAN-PyTorch at 32d44c5e ("Upgrade...", the commit that dropped the sigmoid the repository's
# earlier discriminator ended in), rfb_esrgan_pytorch/models/discriminator.py; re-typed, identifiers renamed; the
# convolution stack written with a helper, the size comments and the licence header cut.
import torch
import torch.nn as nn


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()

        def stage(cin, cout, stride):
            return [nn.Conv2d(cin, cout, kernel_size=3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(cout),
                    nn.LeakyReLU(negative_slope=0.2, inplace=True)]

        self.features = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1),
            nn.LeakyReLU(negative_slope=0.2, inplace=True),
            *stage(64, 64, 2), *stage(64, 128, 1), *stage(128, 128, 2), *stage(128, 256, 1), *stage(256, 256, 2),
            *stage(256, 512, 1), *stage(512, 512, 2), *stage(512, 512, 1), *stage(512, 512, 2),
        )
        self.classifier = nn.Sequential(
            nn.Linear(512 * 8 * 8, 100),
            nn.LeakyReLU(negative_slope=0.2, inplace=True),
            nn.Linear(100, 1)
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.features(x)
        out = torch.flatten(out, 1)
        return self.classifier(out)


def discriminator() -> Discriminator:
    return Discriminator()
