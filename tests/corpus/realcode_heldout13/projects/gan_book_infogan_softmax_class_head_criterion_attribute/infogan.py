"""part of positive project [LG001]: the InfoGAN discriminator keeps its losses as attributes (MSELoss for the adversarial and style terms, CrossEntropyLoss for the class code) and returns F.softmax(..., dim=1) of the class head."""
# Source: PacktPublishing/Hands-On-Generative-Adversarial-Networks-with-PyTorch-1.x@beee21343078b607f393bbb1321ac49cf17ffb5f Chapter05/infogan.py (read as is, book code; re-typed, identifiers renamed, the generator's layer helper shortened)
import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np


class Generator(nn.Module):
    def __init__(self, classes, channels, img_size, latent_dim, code_dim):
        super(Generator, self).__init__()
        self.init_size = img_size // 4
        self.init_shape = (128, self.init_size, self.init_size)
        self.stem = nn.Sequential(nn.Linear(latent_dim + classes + code_dim, int(np.prod(self.init_shape))))
        self.model = nn.Sequential(
            nn.BatchNorm2d(128),
            nn.Upsample(scale_factor=2),
            nn.Conv2d(128, 128, 3, stride=1, padding=1),
            nn.BatchNorm2d(128, 0.8),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Upsample(scale_factor=2),
            nn.Conv2d(128, 64, 3, stride=1, padding=1),
            nn.BatchNorm2d(64, 0.8),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(64, channels, 3, stride=1, padding=1),
            nn.Tanh()
        )

    def forward(self, noise, labels, code):
        z = torch.cat((noise, labels, code), -1)
        h = self.stem(z)
        return self.model(h.view(h.shape[0], *self.init_shape))


class Discriminator(nn.Module):
    def __init__(self, classes, channels, img_size, latent_dim, code_dim):
        super(Discriminator, self).__init__()
        self.classes = classes
        self.model = nn.Sequential(
            *self._block(channels, 16, True, False),
            *self._block(16, 32, True, True),
            *self._block(32, 64, True, True),
            *self._block(64, 128, True, True),
        )
        flat = 128 * (img_size // 16) * (img_size // 16)
        self.adv_linear = nn.Linear(flat, 1)
        self.class_linear = nn.Sequential(
            nn.Linear(flat, 128),
            nn.BatchNorm1d(128),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(128, self.classes)
        )
        self.code_linear = nn.Sequential(
            nn.Linear(flat, 128),
            nn.BatchNorm1d(128),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(128, code_dim)
        )
        self.adv_loss = torch.nn.MSELoss()
        self.class_loss = torch.nn.CrossEntropyLoss()
        self.style_loss = torch.nn.MSELoss()

    def _block(self, size_in, size_out, drop_out=True, normalize=True):
        layers = [nn.Conv2d(size_in, size_out, 3, 2, 1)]
        if drop_out:
            layers.append(nn.LeakyReLU(0.2, inplace=True))
            layers.append(nn.Dropout(0.4))
        if normalize:
            layers.append(nn.BatchNorm2d(size_out, 0.8))
        return layers

    def forward(self, image):
        h = self.model(image)
        h = h.view(h.shape[0], -1)
        y = self.adv_linear(h)
        label = F.softmax(self.class_linear(h), dim=1)
        code = self.code_linear(h)
        return y, label, code
