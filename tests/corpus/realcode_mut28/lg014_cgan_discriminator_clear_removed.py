"""positive [LG014]: a conditional GAN trains its generator through the discriminator, then back-propagates and steps the discriminator without ever clearing it: its gradients accumulate across steps, the generator loss's included."""

# Source: murumura/Condition-GAN-pytorch@b2680a4c8e src/build_model.py (ConditionModel.train), src/cgan.py
# (Generator, Discriminator); re-typed, identifiers renamed; the InfoGAN branches, the logging, the image saving and
# the checkpointing cut
# Mutation: `self.net_d.zero_grad()` removed before the discriminator's backward
import numpy as np
import torch
import torch.nn as nn


class Gen(nn.Module):
    def __init__(self, classes, latent, shape):
        super().__init__()
        self.shape = shape
        self.embed = nn.Embedding(classes, classes)
        self.body = nn.Sequential(
            nn.Linear(latent + classes, 256),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(256, int(np.prod(shape))),
            nn.Tanh(),
        )

    def forward(self, noise, labels):
        x = self.body(torch.cat((self.embed(labels), noise), -1))
        return x.view(x.size(0), *self.shape)


class Disc(nn.Module):
    def __init__(self, classes, shape):
        super().__init__()
        self.embed = nn.Embedding(classes, classes)
        self.adv = nn.BCELoss()
        self.body = nn.Sequential(
            nn.Linear(classes + int(np.prod(shape)), 512),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Dropout(0.4),
            nn.Linear(512, 1),
            nn.Sigmoid(),
        )

    def forward(self, image, labels):
        return self.body(torch.cat((image.view(image.size(0), -1), self.embed(labels)), -1))

    def loss(self, out, target):
        return self.adv(out, target)


class CondGAN(object):
    def __init__(self, device, loader, classes, shape, latent):
        self.device = device
        self.loader = loader
        self.classes = classes
        self.latent = latent
        self.net_g = Gen(classes, latent, shape).to(device)
        self.net_d = Disc(classes, shape).to(device)

    def create_optim(self, lr, beta1=0.5, beta2=0.999):
        self.opt_g = torch.optim.Adam(self.net_g.parameters(), lr=lr, betas=(beta1, beta2))
        self.opt_d = torch.optim.Adam(self.net_d.parameters(), lr=lr, betas=(beta1, beta2))

    def train(self, epochs):
        self.net_g.train()
        self.net_d.train()
        for epoch in range(epochs):
            d_hist, g_hist = [], []
            for data, target in self.loader:
                data, target = data.to(self.device), target.to(self.device)
                n = data.size(0)
                real = torch.full((n, 1), 1.0, device=self.device)
                fake = torch.full((n, 1), 0.0, device=self.device)

                self.net_g.zero_grad()
                z = torch.randn(n, self.latent, device=self.device)
                fake_labels = torch.randint(0, self.classes, (n,), device=self.device)
                x_fake = self.net_g(z, fake_labels)
                g_loss = self.net_d.loss(self.net_d(x_fake, fake_labels), real)
                g_hist.append(g_loss.item())
                g_loss.backward()
                self.opt_g.step()

                d_real = self.net_d.loss(self.net_d(data, target), real)
                d_fake = self.net_d.loss(self.net_d(x_fake.detach(), fake_labels), fake)
                d_loss = (d_real + d_fake) / 2
                d_hist.append(d_loss.item())
                d_loss.backward()
                self.opt_d.step()  # expect: LG014
            print(epoch, np.mean(d_hist), np.mean(g_hist))


if __name__ == "__main__":
    model = CondGAN(torch.device("cpu"), loader, 10, (1, 28, 28), 100)
    model.create_optim(2e-4)
    model.train(50)
