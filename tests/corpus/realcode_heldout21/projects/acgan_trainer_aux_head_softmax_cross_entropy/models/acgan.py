"""part of positive project [LG001]: the AC-GAN discriminator returns a raw adversarial score (its Sigmoid commented out) and an auxiliary class head whose nn.Sequential ends in nn.Softmax(dim=1)."""
# Source: ChenKaiXuSan/ACGAN-PyTorch at 299e174e (read as is), models/acgan.py; re-typed, identifiers renamed; the
# generator's transposed-convolution stack and the discriminator's six conv blocks shortened to a loop with the same
# layers.
import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, image_size=64, z_dim=100, conv_dim=64, channels=1, n_classes=10):
        super(Generator, self).__init__()
        self.imsize = image_size
        self.channels = channels
        self.z_dim = z_dim
        self.n_classes = n_classes

        self.label_embedding = nn.Embedding(self.n_classes, self.z_dim)
        self.linear = nn.Linear(self.z_dim, 768)
        self.deconvs = nn.Sequential(
            nn.ConvTranspose2d(768, 384, 4, 1, 0, bias=False),
            nn.BatchNorm2d(384),
            nn.ReLU(True),
            nn.ConvTranspose2d(384, 256, 4, 2, 1, bias=False),
            nn.BatchNorm2d(256),
            nn.ReLU(True),
            nn.ConvTranspose2d(256, 192, 4, 2, 1, bias=False),
            nn.BatchNorm2d(192),
            nn.ReLU(True),
            nn.ConvTranspose2d(192, 64, 4, 2, 1, bias=False),
            nn.BatchNorm2d(64),
            nn.ReLU(True),
        )
        self.last = nn.Sequential(nn.ConvTranspose2d(64, self.channels, 4, 2, 1, bias=False), nn.Tanh())

    def forward(self, z, labels):
        emb = self.label_embedding(labels)
        h = torch.mul(emb, z)
        h = self.linear(h).view(-1, 768, 1, 1)
        h = self.deconvs(h)
        return self.last(h)


def _block(c_in, c_out, stride, norm=True):
    layers = [nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False)]
    if norm:
        layers.append(nn.BatchNorm2d(c_out))
    layers += [nn.LeakyReLU(0.2, inplace=True), nn.Dropout(0.5, inplace=False)]
    return nn.Sequential(*layers)


class Discriminator(nn.Module):
    def __init__(self, image_size=64, conv_dim=64, channels=1, n_classes=10):
        super(Discriminator, self).__init__()
        self.imsize = image_size
        self.channels = channels
        self.n_classes = n_classes

        self.features = nn.Sequential(
            _block(self.channels, 16, 2, norm=False),
            _block(16, 32, 1),
            _block(32, 64, 2),
            _block(64, 128, 1),
            _block(128, 256, 2),
            _block(256, 512, 1),
        )

        # real/fake score
        self.last_adv = nn.Sequential(
            nn.Linear(8 * 8 * 512, 1),
            # nn.Sigmoid()
        )
        # auxiliary classifier
        self.last_aux = nn.Sequential(
            nn.Linear(8 * 8 * 512, self.n_classes),
            nn.Softmax(dim=1),
        )

    def forward(self, x):
        h = self.features(x)
        flat = h.view(x.size(0), -1)
        adv = self.last_adv(flat)
        cls = self.last_aux(flat)
        return adv.squeeze(), cls
