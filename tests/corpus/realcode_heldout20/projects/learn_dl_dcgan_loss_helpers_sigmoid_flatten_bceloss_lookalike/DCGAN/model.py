"""part of look-alike project [LG002, LG016, LG005, LG006]: the MNIST DCGAN discriminator ends in Linear(..., 1), applies nn.Sigmoid() inline in forward and flattens the result to (N,)."""
# Source: HiHaker/learn-DL at 3ea00170 (read as is), implement/GAN/DCGAN/model.py; re-typed, identifiers renamed;
# the Chinese comments and the commented initialisers cut.
import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, z_dim):
        super(Generator, self).__init__()
        self.fc = nn.Linear(z_dim, 5 * 5 * 256)
        self.up1 = nn.ConvTranspose2d(256, 128, 3)
        self.up2 = nn.ConvTranspose2d(128, 64, 2, stride=2)
        self.up3 = nn.ConvTranspose2d(64, 1, 2, stride=2)
        self.act = nn.ReLU()
        self.out_act = nn.Tanh()
        self.bn1 = nn.BatchNorm2d(256)
        self.bn2 = nn.BatchNorm2d(128)
        self.bn3 = nn.BatchNorm2d(64)

    def forward(self, z):
        h = self.fc(z).view(-1, 256, 5, 5)
        h = self.act(self.bn1(h))
        h = self.act(self.bn2(self.up1(h)))
        h = self.act(self.bn3(self.up2(h)))
        return self.out_act(self.up3(h))


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()
        self.c1 = nn.Conv2d(1, 64, 2, stride=2)
        self.c2 = nn.Conv2d(64, 128, 2, stride=2)
        self.c3 = nn.Conv2d(128, 256, 3)
        self.fc = nn.Linear(5 * 5 * 256, 1)
        self.act = nn.LeakyReLU()
        self.bn1 = nn.BatchNorm2d(64)
        self.bn2 = nn.BatchNorm2d(128)
        self.bn3 = nn.BatchNorm2d(256)

    def forward(self, x):
        x = self.act(self.bn1(self.c1(x)))
        x = self.act(self.bn2(self.c2(x)))
        x = self.act(self.bn3(self.c3(x)))
        x = torch.flatten(x, start_dim=1)
        x = self.fc(x)
        x = nn.Sigmoid()(x)
        return torch.flatten(x)
