"""part of look-alike project [LG003, LG002, LG004, LG005]: the DCGAN discriminator ends in a 4x4 convolution to one channel; the final Tanh and Sigmoid are commented out, so it returns raw scores of shape (N, 1, 1, 1)."""
# Source: eungbean/DCGAN-pytorch-lightning-comet at 414cbd5e (read as is), net/models/discriminator.py; re-typed,
# identifiers renamed; the two commented activations kept as in the source.
import torch.nn as nn


class Discriminator(nn.Module):
    def __init__(self, cfg):
        super(Discriminator, self).__init__()
        nc, ndf = cfg.MODEL.NUM_C, cfg.MODEL.NUM_D_FEAT

        def down(cin, cout, k=4, s=2, p=1):
            return nn.Sequential(
                nn.Conv2d(cin, cout, k, s, p, bias=False),
                nn.BatchNorm2d(cout),
                nn.LeakyReLU(0.2, inplace=True),
            )

        self.net = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            *down(ndf, ndf * 2),
            *down(ndf * 2, ndf * 4),
            *down(ndf * 4, ndf * 8),
            nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False),
            # nn.Tanh(),
            # nn.Sigmoid(),
        )

    def forward(self, img):
        return self.net(img)
