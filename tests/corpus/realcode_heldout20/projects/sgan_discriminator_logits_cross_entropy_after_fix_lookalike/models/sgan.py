"""part of look-alike project [LG001, LG011]: after the fix, the semi-supervised GAN's discriminator returns the squeezed output of nn.Linear(..., num_classes + 1), raw class scores for the trainer's CrossEntropyLoss."""
# Source: progradeep/gan-pytorch at 6b160b93 ("Changes to SGAN", which deletes the F.softmax line of the forward),
# SGAN/models/sgan.py; re-typed, identifiers renamed; the size comments cut.
import torch
import torch.nn as nn
import torch.nn.parallel
import torch.nn.functional as F


class _netG(nn.Module):
    def __init__(self, nz, ngf, nc):
        super(_netG, self).__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False),
            nn.BatchNorm2d(ngf * 8),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf * 4),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False),
            nn.Tanh()
        )

    def forward(self, z):
        return self.main(z)


class _netD(nn.Module):
    def __init__(self, nc, ndf, num_classes):
        super(_netD, self).__init__()
        self.ndf = ndf
        self.num_classes = num_classes
        self.conv = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 2),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 4),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 8),
            nn.LeakyReLU(0.2, inplace=True)
        )
        self.fc = nn.Linear(ndf * 8 * 4 * 4, num_classes + 1, bias=False)

    def forward(self, x):
        h = self.conv(x)
        h = h.view(-1, self.ndf * 8 * 4 * 4)
        h = self.fc(h)
        return h.squeeze()
