"""part of positive project [LG001]: the book's trainer builds the InfoGAN pair by name and, in the mutual-information step, scores the discriminator's softmax class output with the discriminator's own CrossEntropyLoss attribute."""
# Source: PacktPublishing/Hands-On-Generative-Adversarial-Networks-with-PyTorch-1.x@beee21343078b607f393bbb1321ac49cf17ffb5f Chapter05/build_gan.py (read as is, book code; re-typed, identifiers renamed, the CGAN generator/discriminator import kept, image saving, logging and checkpoints left out; the info loss's backslash continuation written with parentheses so the marker can sit on its line)
import itertools
import time

import numpy as np
import torch

from cgan import Generator as CondG
from cgan import Discriminator as CondD
from infogan import Generator as InfoG
from infogan import Discriminator as InfoD


class Model(object):
    def __init__(self, name, device, data_loader, classes, channels, img_size, latent_dim, style_dim=2):
        self.name = name
        self.device = device
        self.data_loader = data_loader
        self.classes = classes
        self.latent_dim = latent_dim
        self.style_dim = style_dim
        if self.name == 'cgan':
            self.netG = CondG(self.classes, channels, img_size, self.latent_dim)
            self.netD = CondD(self.classes, channels, img_size, self.latent_dim)
        elif self.name == 'infogan':
            self.netG = InfoG(self.classes, channels, img_size, self.latent_dim, self.style_dim)
            self.netD = InfoD(self.classes, channels, img_size, self.latent_dim, self.style_dim)
        self.netG.to(self.device)
        self.netD.to(self.device)
        self.infogan = self.name == 'infogan'

    def create_optim(self, lr, alpha=0.5, beta=0.999):
        self.optim_G = torch.optim.Adam(filter(lambda p: p.requires_grad, self.netG.parameters()), lr=lr, betas=(alpha, beta))
        self.optim_D = torch.optim.Adam(filter(lambda p: p.requires_grad, self.netD.parameters()), lr=lr, betas=(alpha, beta))
        if self.infogan:
            self.optim_info = torch.optim.Adam(itertools.chain(self.netG.parameters(), self.netD.parameters()),
                                               lr=lr, betas=(alpha, beta))

    def _to_onehot(self, var, dim):
        res = torch.zeros((var.shape[0], dim), device=self.device)
        res[range(var.shape[0]), var] = 1.
        return res

    def train(self, epochs, log_interval=100):
        self.netG.train()
        self.netD.train()
        for epoch in range(epochs):
            for batch_idx, (data, target) in enumerate(self.data_loader):
                data, target = data.to(self.device), target.to(self.device)
                bs = data.size(0)
                real_label = torch.full((bs, 1), 1., device=self.device)
                fake_label = torch.full((bs, 1), 0., device=self.device)

                self.netG.zero_grad()
                z_noise = torch.randn(bs, self.latent_dim, device=self.device)
                fake_classes = torch.randint(0, self.classes, (bs,), device=self.device)
                if self.infogan:
                    onehot = self._to_onehot(fake_classes, dim=self.classes)
                    z_style = torch.zeros((bs, self.style_dim), device=self.device).normal_()
                    x_fake = self.netG(z_noise, onehot, z_style)
                    y_fake_g, _, _ = self.netD(x_fake)
                    g_loss = self.netD.adv_loss(y_fake_g, real_label)
                else:
                    x_fake = self.netG(z_noise, fake_classes)
                    y_fake_g = self.netD(x_fake, fake_classes)
                    g_loss = self.netD.loss(y_fake_g, real_label)
                g_loss.backward()
                self.optim_G.step()

                self.netD.zero_grad()
                if self.infogan:
                    y_real, _, _ = self.netD(data)
                    d_real = self.netD.adv_loss(y_real, real_label)
                    y_fake_d, _, _ = self.netD(x_fake.detach())
                    d_fake = self.netD.adv_loss(y_fake_d, fake_label)
                else:
                    y_real = self.netD(data, target)
                    d_real = self.netD.loss(y_real, real_label)
                    y_fake_d = self.netD(x_fake.detach(), fake_classes)
                    d_fake = self.netD.loss(y_fake_d, fake_label)
                d_loss = (d_real + d_fake) / 2
                d_loss.backward()
                self.optim_D.step()

                if self.infogan:
                    self.optim_info.zero_grad()
                    z_noise.normal_()
                    fake_classes = torch.randint(0, self.classes, (bs,), device=self.device)
                    onehot = self._to_onehot(fake_classes, dim=self.classes)
                    z_style.normal_()
                    x_fake = self.netG(z_noise, onehot, z_style)
                    _, class_probs, style_fake = self.netD(x_fake)
                    info_loss = (self.netD.class_loss(class_probs, fake_classes)  # expect: LG001
                                 + self.netD.style_loss(style_fake, z_style))
                    info_loss.backward()
                    self.optim_info.step()

                if batch_idx % log_interval == 0:
                    print('Epoch {} [{}/{}] loss_D: {:.4f} loss_G: {:.4f}'.format(
                        epoch, batch_idx, len(self.data_loader), d_loss.mean().item(), g_loss.mean().item()))
