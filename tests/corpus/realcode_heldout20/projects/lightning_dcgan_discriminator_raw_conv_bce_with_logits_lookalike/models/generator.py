"""part of look-alike project [LG003, LG002, LG004, LG005]: the DCGAN generator, transposed convolutions ending in tanh."""
# Source: eungbean/DCGAN-pytorch-lightning-comet at 414cbd5e (read as is), net/models/generator.py; re-typed,
# identifiers renamed.
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, cfg):
        super(Generator, self).__init__()
        nz, ngf, nc = cfg.MODEL.NUM_Z, cfg.MODEL.NUM_G_FEAT, cfg.MODEL.NUM_C

        def up(cin, cout, k=4, s=2, p=1):
            return nn.Sequential(
                nn.ConvTranspose2d(cin, cout, k, s, p, bias=False),
                nn.BatchNorm2d(cout),
                nn.LeakyReLU(0.2, inplace=True),
            )

        self.net = nn.Sequential(
            *up(nz, ngf * 8, k=4, s=1, p=0),
            *up(ngf * 8, ngf * 4),
            *up(ngf * 4, ngf * 2),
            *up(ngf * 2, ngf),
            nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False),
            nn.Tanh(),
        )

    def forward(self, z):
        return self.net(z)
