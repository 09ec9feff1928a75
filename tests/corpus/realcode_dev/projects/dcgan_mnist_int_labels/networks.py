"""part of positive project [LG004]: DCGAN discriminator: nn.Sequential of strided convolutions ending in nn.Sigmoid(); forward flattens to (batch,)."""
# Source: https://github.com/AKASHKADEL/dcgan-mnist networks.py at d2a6200f1df56817e53fbba4b05f0c749d8c1e05 (pull
# request #2, "Make the labels float", not merged at this commit); re-typed, names changed, reduced.
import torch.nn as nn


class Discriminator(nn.Module):
    def __init__(self, nc, ndf):
        super(Discriminator, self).__init__()
        self.network = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 2),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, 1, 4, 1, 0, bias=False),
            nn.Sigmoid(),
        )

    def forward(self, input):
        output = self.network(input)
        return output.view(-1, 1).squeeze(1)
