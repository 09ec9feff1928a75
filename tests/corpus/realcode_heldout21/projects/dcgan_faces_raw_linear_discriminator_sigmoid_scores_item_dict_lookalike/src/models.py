"""part of look-alike project [LG003, LG006, LG016]: the DCGAN discriminator ends in nn.Linear(ndf * 8 * 4 * 4, 1) and returns the raw score (its docstring still says "probability")."""
# Source: Shrihari2004/dcgan-face-generator at 364213dc (read as is), src/models.py; re-typed, identifiers renamed;
# the generator's upsampling stack shortened, weights_init kept, the pruning helper compress_model cut to its
# signature.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Generator(nn.Module):
    def __init__(self, latent_dim=100, ngf=48, channels=3):
        super(Generator, self).__init__()
        self.ngf = ngf
        self.proj = nn.Linear(latent_dim, ngf * 8 * 4 * 4)
        self.ups = nn.Sequential(
            nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf * 4),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf, channels, 4, 2, 1, bias=False),
        )

    def forward(self, z):
        h = self.proj(z).view(z.size(0), self.ngf * 8, 4, 4)
        return torch.tanh(self.ups(h))


class Discriminator(nn.Module):
    def __init__(self, ndf=48, channels=3):
        super(Discriminator, self).__init__()
        self.c1 = nn.Conv2d(channels, ndf, 4, 2, 1, bias=False)
        self.c2 = nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False)
        self.c3 = nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False)
        self.c4 = nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False)
        self.n2 = nn.BatchNorm2d(ndf * 2)
        self.n3 = nn.BatchNorm2d(ndf * 4)
        self.n4 = nn.BatchNorm2d(ndf * 8)
        self.drop = nn.Dropout(0.2)
        self.head = nn.Linear(ndf * 8 * 4 * 4, 1)

    def forward(self, x):
        """Returns: probability tensor of shape (batch_size, 1)."""
        x = F.leaky_relu(self.c1(x), 0.2)
        x = self.drop(F.leaky_relu(self.n2(self.c2(x)), 0.2))
        x = self.drop(F.leaky_relu(self.n3(self.c3(x)), 0.2))
        x = F.leaky_relu(self.n4(self.c4(x)), 0.2)
        x = x.view(x.size(0), -1)
        x = self.head(x)
        return x


def weights_init(m):
    name = m.__class__.__name__
    if name.find("Conv") != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif name.find("BatchNorm") != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


def compress_model(model, ratio=0.5):
    return model
