"""positive [LG018]: a Softmax GAN loop clears both optimizers, back-propagates the discriminator's loss (its partition function goes through the undetached fakes, so it reaches the generator) and steps the discriminator, then back-propagates the generator's loss, which reads the same scores, and steps the generator: the generator's step applies the discriminator's loss gradients too (its log Z term counted twice)."""

# Source: shawroad/GAN-pytorch@d19617495f 026-SoftmaxGAN.py (the same loop as eriklindernoren/PyTorch-GAN's softmax_gan.py; cut, renamed)
from math import log

import numpy as np
import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, latent_dim=100, img_dim=784):
        super().__init__()
        self.model = nn.Sequential(nn.Linear(latent_dim, 256), nn.LeakyReLU(0.2), nn.Linear(256, img_dim), nn.Tanh())

    def forward(self, z):
        return self.model(z)


class Discriminator(nn.Module):
    def __init__(self, img_dim=784):
        super().__init__()
        self.model = nn.Sequential(nn.Linear(img_dim, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1))

    def forward(self, img):
        return self.model(img.view(img.size(0), -1))


def train(dataloader, n_epochs, latent_dim=100, lr=2e-4):
    generator = Generator(latent_dim)
    discriminator = Discriminator()
    optimizer_G = torch.optim.Adam(generator.parameters(), lr=lr, betas=(0.5, 0.999))
    optimizer_D = torch.optim.Adam(discriminator.parameters(), lr=lr, betas=(0.5, 0.999))
    for epoch in range(n_epochs):
        for i, (imgs, _) in enumerate(dataloader):
            optimizer_G.zero_grad()
            optimizer_D.zero_grad()
            batch_size = imgs.shape[0]
            g_target = 1 / (batch_size * 2)
            d_target = 1 / batch_size
            real_imgs = imgs.float()
            z = torch.FloatTensor(np.random.normal(0, 1, (batch_size, latent_dim)))
            gen_imgs = generator(z)
            d_real = discriminator(real_imgs)
            d_fake = discriminator(gen_imgs)
            Z = torch.sum(torch.exp(-d_real)) + torch.sum(torch.exp(-d_fake))
            d_loss = d_target * torch.sum(d_real) + log(Z)
            d_loss.backward(retain_graph=True)
            optimizer_D.step()
            g_loss = g_target * (torch.sum(d_real) + torch.sum(d_fake)) + log(Z)
            g_loss.backward()
            optimizer_G.step()  # expect: LG018
            print(epoch, i, d_loss.item(), g_loss.item())
