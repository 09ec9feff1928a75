"""part of positive project [LG002, LG014]: the MLP generator and discriminator of a course's GAN practical: both Sequentials end in nn.Tanh() with nn.Sigmoid() commented out beside it, so the discriminator's scores lie in (-1, 1)."""
# Source: hyperplasma/dl-course-practice at 41a5c762, dl_6_gan/models.py; re-typed, identifiers renamed; the __main__ shape check kept, the commented-out
# sigmoids kept as comments (as in the source).
import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, z_dim=100):
        super(Generator, self).__init__()
        self.backbone = nn.Sequential(
            nn.Linear(z_dim, 128),
            nn.ReLU(),
            nn.Linear(128, 128),
            nn.ReLU(),
            nn.Linear(128, 128),
            nn.ReLU(),
            nn.Linear(128, 28 * 28),
            # nn.Sigmoid()
            nn.Tanh()
        )

    def forward(self, z):
        img = self.backbone(z)
        img = img.view(-1, 1, 28, 28)
        return img


class Discriminator(nn.Module):
    def __init__(self, img_dim=28 * 28):
        super(Discriminator, self).__init__()
        self.backbone = nn.Sequential(
            nn.Linear(img_dim, 128),
            nn.ReLU(),
            nn.Linear(128, 128),
            nn.ReLU(),
            nn.Linear(128, 128),
            nn.ReLU(),
            nn.Linear(128, 1),
            # nn.Sigmoid()
            nn.Tanh()
        )

    def forward(self, img):
        img = img.view(img.size(0), -1)
        return self.backbone(img)


if __name__ == "__main__":
    data = torch.randn((10, 1, 28, 28))
    D = Discriminator()
    print(D(data))
    z = torch.randn((10, 100))
    G = Generator()
    print(G(z).shape)
