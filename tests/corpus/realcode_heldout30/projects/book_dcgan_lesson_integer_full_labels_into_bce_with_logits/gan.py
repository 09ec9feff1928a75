"""part of positive project [LG004]: the DCGAN networks of the lesson: a transposed-convolution generator ending in tanh, and a discriminator whose last Conv2d returns one raw score per image (a logit, (N, 1, 1, 1))."""
# Source: tanik12/pytorch_practice at aff0168b, lesson_5/gan.py; re-typed, identifiers renamed; the four blocks of each network written as loops over the
# channel widths (the source writes them out one by one), the imports of unused modules cut.
import torch.nn as nn


class Gen(nn.Module):
    def __init__(self, z_dim=20, image_size=64):
        super(Gen, self).__init__()
        widths = [z_dim, image_size * 8, image_size * 4, image_size * 2, image_size]
        blocks = []
        for i in range(4):
            blocks.append(nn.Sequential(
                nn.ConvTranspose2d(widths[i], widths[i + 1], kernel_size=4, stride=1 if i == 0 else 2,
                                   padding=0 if i == 0 else 1),
                nn.BatchNorm2d(widths[i + 1]),
                nn.ReLU(inplace=True)))
        self.blocks = nn.Sequential(*blocks)
        self.last = nn.Sequential(
            nn.ConvTranspose2d(image_size, 1, kernel_size=4, stride=2, padding=1),
            nn.Tanh())

    def forward(self, z):
        out = self.blocks(z)
        out = self.last(out)
        return out


class Disc(nn.Module):
    def __init__(self, z_dim=20, image_size=64):
        super(Disc, self).__init__()
        widths = [1, image_size, image_size * 2, image_size * 4, image_size * 8]
        blocks = []
        for i in range(4):
            blocks.append(nn.Sequential(
                nn.Conv2d(widths[i], widths[i + 1], kernel_size=4, stride=2, padding=1),
                nn.LeakyReLU(0.1, inplace=True)))
        self.blocks = nn.Sequential(*blocks)
        self.last = nn.Conv2d(image_size * 8, 1, kernel_size=4, stride=1)

    def forward(self, x):
        out = self.blocks(x)
        out = self.last(out)
        return out
